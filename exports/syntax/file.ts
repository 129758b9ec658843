// One statistics syntax file for one export job: which CSV it reads (the file name that download gets), how that
// CSV is written, the variables, and the syntax file's own name. Shared by the route and tests.
import type { Locale } from '../../server/catalog/types';
import { exportFileName, exportPlan } from '../export';
import type { ExportJob } from '../request';
import { rScript } from './r';
import { spssSyntax } from './spss';
import { stataDo } from './stata';
import { syntaxVariables } from './variables';

export type SyntaxKind = 'sps' | 'do' | 'R';
export const SYNTAX_KINDS: readonly SyntaxKind[] = ['sps', 'do', 'R'];

/** How the CSV the syntax reads is written, and what its header comment says. */
export interface SyntaxFile {
  csvName: string;
  /** The CSV's download address (path and query), for the comment. */
  csvPath: string;
  separator: ',' | ';';
  decimalComma: boolean;
  comment: string[];
  /** The label of the "not asked" missing value, in the syntax's language. */
  notAskedLabel: string;
}

const NOT_ASKED: Record<Locale, string> = {
  kk: 'сұралмаған (бұл нұсқада сұрақ жоқ)',
  ru: 'не задавался (нет в этой версии)',
  en: 'not asked (not in this version)',
};

/**
 * The query of the CSV a syntax file reads: the job's own, but for SPSS with line breaks in texts as spaces, since
 * SPSS and PSPP end a case at every line end, quoted or not.
 */
function csvQuery(job: ExportJob, kind: SyntaxKind): ExportJob {
  return kind === 'sps' ? { ...job, query: { ...job.query, newlines: 'space' } } : job;
}

/** `search` is the export's query string as asked (without `lang`), for the CSV's address in the comment. */
export function syntaxFile(
  job: ExportJob,
  kind: SyntaxKind,
  lang: Locale,
  now: Date,
  search: URLSearchParams,
): { fileName: string; text: string } {
  const csvJob = csvQuery(job, kind);
  const plan = exportPlan(job);
  const variables = syntaxVariables(plan, job.query.labels, lang);
  const query = new URLSearchParams(search);
  if (kind === 'sps') query.set('newlines', 'space');
  const csvName = exportFileName(csvJob, now, 'csv');
  const csvPath = `/api/surveys/${job.survey.id}/export.csv${query.size > 0 ? `?${query.toString()}` : ''}`;
  const file: SyntaxFile = {
    csvName,
    csvPath,
    separator: job.query.sep === 'semicolon' ? ';' : ',',
    decimalComma: job.query.sep === 'semicolon',
    notAskedLabel: NOT_ASKED[lang],
    comment: [
      `Saualnama: survey "${job.survey.id}", labels in ${lang}`,
      `Reads ${csvName}, the CSV downloaded from ${csvPath}`,
      'Keep the CSV beside this file and run it from that folder, or write the full path of the CSV below',
    ],
  };
  const text =
    kind === 'sps'
      ? spssSyntax(variables, file)
      : kind === 'do'
        ? stataDo(variables, file)
        : rScript(variables, file);
  return { fileName: exportFileName(job, now, kind, [`syntax-${lang}`]), text };
}
