// Code columns: `<question>__code__<code>` for every code of a coded question, at the end of each row (after `__not_asked` and the quality columns): 1 = the answer
// was given the code, 0 = it was coded without it, empty = not coded (not asked, not answered, or not coded yet), so
// the shares of a column are the shares the dashboard shows. Codes change after a response is stored, so they are
// never part of its stored line: the export reads them beside each row (export-rows.ts) and appends these cells
// after the line (csv.ts), behind its `flag_fast` cell.
import type { CodebookCode, ExportCodes } from '../server/store';
import type { Column, ExportPlan } from './columns';
import { questionSegment } from './names';
import type { Labels, QuestionInfo } from './questions';

/** One column per code; `slot` is its question's place in the plan's `coded` list. */
export interface CodeColumn {
  kind: 'code';
  name: string;
  slot: number;
  codeId: number;
  code: string;
  labels: Labels;
  /** The coded question (not `question`: rows.ts gives columns with a question to that question's writers). */
  of: QuestionInfo;
}

/** `roadmap_proposals__code__premises`. */
export const codeColumnName = (question: string, code: string) =>
  `${questionSegment(question)}__code__${code}`;

/** The coded questions of a plan whose codes a reader must fetch; undefined when the plan has no code columns. */
export function exportCodesOf(plan: ExportPlan): ExportCodes | undefined {
  return plan.coded.length > 0 ? { questions: plan.coded } : undefined;
}

/**
 * The plan with a column per code of each coded question it exports: text questions, and the "other" texts and
 * comments of choice questions. Codes come in codebook order (store.listSurveyCodes).
 */
export function withCodeColumns(plan: ExportPlan, codes: readonly CodebookCode[]): ExportPlan {
  const coded: string[] = [];
  const columns: Column[] = [];
  for (const q of plan.questions) {
    if (q.shape !== 'text' && !q.text) continue;
    const mine = codes.filter((c) => c.question === q.name);
    if (mine.length === 0) continue;
    const slot = coded.push(q.name) - 1;
    for (const c of mine)
      columns.push({
        kind: 'code',
        name: codeColumnName(q.name, c.code),
        slot,
        codeId: c.id,
        code: c.code,
        labels: c.labels,
        of: q,
      });
  }
  if (columns.length === 0) return plan;
  return { ...plan, columns: [...plan.columns, ...columns], coded };
}

/** Reads `<ids>|<mask>` (export-rows.ts) into the cells of the plan's code columns, written into `out`. */
export function codeCellsWriter(plan: ExportPlan): (raw: string | null | undefined, out: string[]) => void {
  const at: { index: number; slot: number; id: number }[] = [];
  plan.columns.forEach((c, index) => {
    if (c.kind === 'code') at.push({ index, slot: c.slot, id: c.codeId });
  });
  return (raw, out) => {
    if (at.length === 0 || raw == null) return;
    const bar = raw.lastIndexOf('|');
    const ids = new Set(raw.slice(0, bar).split(',').filter(Boolean).map(Number));
    for (const { index, slot, id } of at)
      out[index] = raw[bar + 1 + slot] === '1' ? (ids.has(id) ? '1' : '0') : '';
  };
}

/**
 * The code cells of a stored line's row, each with its leading comma (comma dialect): csvStream writes them after
 * the line's last cells. Empty when the plan has no code columns.
 */
export function codeCellsTail(plan: ExportPlan): ((codes: string | undefined) => string) | undefined {
  const write = codeCellsWriter(plan);
  const first = plan.columns.findIndex((c) => c.kind === 'code');
  if (first < 0) return undefined;
  const out = new Array<string>(plan.columns.length).fill('');
  // The SQL always gives a value (coalesce), so every code cell is written afresh for each line.
  return (codes) => {
    write(codes ?? '', out);
    return `,${out.slice(first).join(',')}`;
  };
}
