// `export`: the same CSV, zip or data dictionary as the workspace downloads, written to a file by the operator.
// Whoever runs this can read the database file itself, so personal data needs only the explicit --pii flag.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { dictionaryCsv } from '../../exports/dictionary';
import { csvExport, exportPlan, zipExport } from '../../exports/export';
import { configureExportWorkers } from '../../exports/parallel';
import { askedBriefing, parseExportQuery, resolveExport, type ParameterError } from '../../exports/request';
import { cliConfig, openFromEnv } from './open';
import { createProgress } from './progress';

export const EXPORT_USAGE = `usage: npm run cli -- export --survey <id> [filters] (--out <file.csv> | --zip <file.zip> | --dictionary <file.csv>)

  --region KZ-10,KZ-55   regions (default all)       --version 1,2          versions (default all)
  --briefing <slug>      one briefing                --from, --to <date>    YYYY-MM-DD (Kazakhstan day) or ISO 8601
  --labels values|kk|ru|en   codes or labels         --choices columns|joined   0/1 columns or one joined cell
  --pii                  include personal data (contact details)
  --sep comma|semicolon  ; between cells and a decimal comma, for Excel set to Russian or Kazakh
  --out -                writes the CSV to stdout; progress always goes to stderr`;

const FLAGS = [
  'survey',
  'region',
  'version',
  'briefing',
  'from',
  'to',
  'labels',
  'choices',
  'sep',
  'out',
  'zip',
  'dictionary',
] as const;

function fail(errors: ParameterError[]): number {
  for (const e of errors) console.error(`--${e.question}: ${e.message}`);
  console.error(`\n${EXPORT_USAGE}`);
  return 2;
}

/** Writes to `<file>.partial` and renames at the end, so an export that fails never leaves a file that looks whole. */
async function writeTo(file: string, body: Readable): Promise<void> {
  if (file === '-') return pipeline(body, process.stdout, { end: false });
  const partial = `${file}.partial`;
  try {
    await pipeline(body, createWriteStream(partial));
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export async function exportCommand(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: { ...Object.fromEntries(FLAGS.map((f) => [f, { type: 'string' }])), pii: { type: 'boolean' } },
      strict: true,
    }).values as Partial<Record<(typeof FLAGS)[number], string>> & { pii?: boolean };
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const targets = [values.out, values.zip, values.dictionary].filter((t) => t !== undefined);
  if (!values.survey || targets.length !== 1)
    return fail([
      {
        question: values.survey ? 'out' : 'survey',
        message: values.survey ? 'give one of --out, --zip or --dictionary' : 'is required',
      },
    ]);
  const parsed = parseExportQuery({
    region: values.region,
    version: values.version,
    briefing: values.briefing,
    from: values.from,
    to: values.to,
    labels: values.labels,
    choices: values.choices,
    sep: values.sep,
    pii: values.pii ? '1' : undefined,
  });
  if (!parsed.ok) return fail(parsed.errors);

  const config = cliConfig();
  configureExportWorkers({ workers: config.exportWorkers, youngGenerationMb: config.exportWorkerYoungMb });
  const { store, catalog } = await openFromEnv(config);
  const reader = await store.openExportReader();
  try {
    const survey = catalog.getSurvey(values.survey);
    if (!survey)
      return fail([
        {
          question: 'survey',
          message: `no survey "${values.survey}" in ${config.surveysDir}`,
        },
      ]);
    const asked = await askedBriefing(store, parsed.value.briefing);
    const resolved = resolveExport(survey, parsed.value, () => asked);
    if (!resolved.ok) return fail(resolved.errors);
    const job = { ...resolved.value, codes: await store.listSurveyCodes(survey.id) };
    if (values.dictionary) {
      await writeTo(values.dictionary, Readable.from([dictionaryCsv(exportPlan(job))]));
      console.error(`data dictionary written to ${values.dictionary}`);
      return 0;
    }
    // The zip reads every row twice: once in its region's file, once in the national one.
    const rows = await reader.count(job.filter);
    const progress = createProgress(values.zip ? rows * 2 : rows);
    const onProgress = (n: number) => progress.update(n);
    if (values.zip)
      await writeTo(values.zip, (await zipExport(reader, job, new Date(), { onProgress })).stream);
    else await writeTo(values.out!, await csvExport(reader, job, { onProgress }));
    progress.done(values.zip ? rows * 2 : rows);
    console.error(
      `${values.zip ? 'zip' : 'CSV'} of ${rows.toLocaleString('en')} responses written to ${values.zip ?? values.out}`,
    );
    return 0;
  } finally {
    await reader.close();
    await store.close();
  }
}
