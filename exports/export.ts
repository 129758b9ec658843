// One export job as bytes: the CSV, the per-region zip and the data dictionary, with their file names. The route
// and the CLI both call these, so a download and `npm run cli -- export` give the same file.
import { kazakhstanDay } from '../server/domain/kazakhstan-time';
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { REGIONS } from '../server/catalog/regions';
import type { ExportReader } from '../server/store';
import { exportCodesOf, withCodeColumns } from './code-columns';
import { planColumns, type ExportPlan } from './columns';
import { csvDialect, csvStream, type CsvDialect, type CsvStreamOptions } from './csv';
import { dictionaryCsv } from './dictionary';
import { storedLineLayout } from './lines';
import { exportWorkerCount, parallelCsvStream } from './parallel';
import { repeatCsvStream, repeatDictionaryRows, repeatFiles } from './repeats';
import type { ExportJob } from './request';
import { fastThresholds } from './quality-columns';
import { xlsxExport } from './xlsx';
import type { XlsxPackage } from './xlsx-package';
import './zip-checksum';

export function exportPlan(job: ExportJob): ExportPlan {
  const plan = planColumns(job.versions, { choices: job.query.choices, pii: job.query.pii });
  return withCodeColumns(plan, job.codes ?? []);
}

export type ExportFileKind = 'csv' | 'zip' | 'xlsx' | 'dictionary.csv';

/**
 * `roadmap-needs_KZ-10_labels-ru_with-contacts_2026-12-07.csv`: survey, region scope, versions if chosen, every
 * way the file differs from the default (labels, joined choices, contact details, `;`), and the day in
 * Kazakhstan it was made; two variants downloaded the same day never take each other's name.
 */
export function exportFileName(
  job: ExportJob,
  now: Date,
  extension: ExportFileKind | 'sps' | 'do' | 'R',
  /** Parts that say more about this file (`xlsx` for a zip of workbooks, `syntax-kk`), before the day. */
  extra: readonly string[] = [],
): string {
  const { query } = job;
  const regions = job.filter.regions;
  const scope = !regions
    ? 'all-regions'
    : regions.length <= 3
      ? regions.join('_')
      : `${regions.length}-regions`;
  const parts = [
    job.survey.id,
    ...(extension === 'dictionary.csv' ? ['data-dictionary'] : [scope]),
    ...(query.versions ? [`v${query.versions.join('-')}`] : []),
    ...(query.labels !== 'values' ? [`labels-${query.labels}`] : []),
    ...(query.choices === 'joined' ? ['choices-joined'] : []),
    ...(query.pii ? ['with-contacts'] : []),
    ...(query.sep === 'semicolon' && extension !== 'xlsx' ? ['semicolon'] : []),
    ...(query.flagged === 'exclude' ? ['without-flagged'] : []),
    ...(query.newlines === 'space' && extension !== 'xlsx' ? ['newlines-as-spaces'] : []),
    ...(query.review === 'all' ? ['with-rejected'] : []),
    ...extra,
    kazakhstanDay(now),
  ];
  return `${parts.join('_')}.${extension === 'dictionary.csv' ? 'csv' : extension}`;
}

export interface CsvExportOptions {
  onProgress?: (rows: number) => void;
}

/** What the per-region zip holds: a CSV per region (the default), or a workbook per region. */
export type ZipFormat = 'csv' | 'xlsx';
export const ZIP_FORMATS: readonly ZipFormat[] = ['csv', 'xlsx'];

/**
 * Responses without a stored line that an export still takes its lines for, building those rows on this thread;
 * past that (the filler catching up after a new survey version), the worker threads build every row faster.
 */
const MAX_MISSING_LINES = 20_000;

/**
 * The rows of one file as CSV. In the default layout, with the survey's lines stored for it, rows come with their
 * lines and this thread copies them (responses stored since the filler last ran are built here); otherwise rows are
 * built on worker threads when there are any (EXPORT_WORKERS), else here: the same bytes every way. `layout` is
 * storedLineLayout(plan, labels), worked out by the caller once per job.
 */
async function csvOf(
  reader: ExportReader,
  plan: ExportPlan,
  filter: ExportJob['filter'],
  options: CsvStreamOptions,
  layout: string | undefined,
): Promise<Readable & { readonly rows: number }> {
  // Stored lines are written in the comma dialect, texts as stored: a `;` or one-line file builds its rows.
  if (options.dialect?.sep === 'semicolon' || options.dialect?.oneLine === true) layout = undefined;
  const stored = layout === undefined ? undefined : await reader.storedLines(plan.surveyId);
  if (
    layout !== undefined &&
    stored?.layout === layout &&
    (stored.missing <= MAX_MISSING_LINES || exportWorkerCount() === 0)
  )
    return csvStream(plan, reader.lines(filter, layout, exportCodesOf(plan)), options);
  const codes = exportCodesOf(plan);
  const rows = reader.rows(filter, { contacts: plan.options.pii, ...(codes && { codes }) });
  // The worker threads know the two separators only; a one-line file (a rare, SPSS-only variant) is built here.
  return exportWorkerCount() > 0 && options.dialect?.oneLine !== true
    ? parallelCsvStream(plan, rows, options)
    : csvStream(plan, rows, options);
}

/** The CSV of `job` read through `reader`; closing the reader when the stream ends is the caller's. */
export async function csvExport(
  reader: ExportReader,
  job: ExportJob,
  options: CsvExportOptions = {},
): Promise<Readable & { readonly rows: number }> {
  const plan = exportPlan(job);
  const labels = job.query.labels;
  return csvOf(
    reader,
    plan,
    job.filter,
    { ...(await jobOptions(reader, job)), ...options },
    storedLineLayout(plan, labels),
  );
}

/** The workbook of `job` (xlsx.ts): the same quality yardsticks as its CSV, a sheet per repeating group. */
export async function xlsxJobExport(reader: ExportReader, job: ExportJob, now: Date): Promise<XlsxPackage> {
  return xlsxExport({
    reader,
    job,
    plan: exportPlan(job),
    fastBelow: fastThresholds(await reader.durationMedians(job.survey.id)),
    repeats: repeatFiles(job.versions, { choices: job.query.choices, pii: false }),
    now,
  });
}

/** How every file of a job is written: labels, dialect, and the quality flags' yardsticks read once per job. */
async function jobOptions(
  reader: ExportReader,
  job: ExportJob,
): Promise<CsvStreamOptions & { dialect: CsvDialect }> {
  return {
    labels: job.query.labels,
    dialect: csvDialect(job.query.sep, job.query.newlines),
    fastBelow: fastThresholds(await reader.durationMedians(job.survey.id)),
    excludeFlagged: job.query.flagged === 'exclude',
  };
}

/** `KZ-10_Abai-Region.csv`: the code sorts the files, the Latin name says which region without a lookup. */
export function regionFileName(code: string, extension: ZipFormat = 'csv'): string {
  const name = REGIONS.find((r) => r.code === code)?.name.en ?? '';
  return `${code}_${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.${extension}`;
}

/**
 * The zip of a workbook per region in scope (`KZ-10_Abai-Region.xlsx` …, an empty region with its header only),
 * `national.xlsx` (`combined.xlsx`) and `data-dictionary.csv`; each workbook has the dictionary and a sheet per
 * repeating group too. Workbooks are zips already: stored, not compressed again. One query open at a time.
 */
export async function zipXlsxExport(reader: ExportReader, job: ExportJob, now: Date): Promise<ZipExport> {
  const plan = exportPlan(job);
  const fastBelow = fastThresholds(await reader.durationMedians(job.survey.id));
  const repeats = repeatFiles(job.versions, { choices: job.query.choices, pii: false });
  const zip = new ZipFile();
  let current: XlsxPackage | undefined;
  const add = (name: string, filter: ExportJob['filter']) =>
    zip.addReadStreamLazy(name, { mtime: now, compress: false }, (callback) => {
      current = xlsxExport({ reader, job: { ...job, filter }, plan, fastBelow, repeats, now });
      callback(null, current.stream);
    });
  const inScope = job.filter.regions ?? REGIONS.map((r) => r.code);
  for (const code of REGIONS.map((r) => r.code).filter((c) => inScope.includes(c)))
    add(regionFileName(code, 'xlsx'), { ...job.filter, regions: [code] });
  add(job.filter.regions ? 'combined.xlsx' : 'national.xlsx', job.filter);
  const dialect = csvDialect(job.query.sep);
  zip.addBuffer(
    Buffer.from(dictionaryCsv(plan, dialect, repeatDictionaryRows(repeats))),
    'data-dictionary.csv',
    { mtime: now },
  );
  zip.end();
  return { stream: zip.outputStream as Readable, abort: () => current?.abort() };
}

export interface ZipExport {
  stream: Readable;
  /** Stops the entry being written and frees its statement: for a client that went away. */
  abort(): void;
}

/**
 * One CSV per region in scope (an empty region gets a header-only file, so the zip always has the same files), the
 * combined file (`national.csv` when all 20 regions are in scope), and `data-dictionary.csv`. Entries are made
 * one after another as the zip is read: only one query is open at a time, all in the reader's one snapshot.
 */
export async function zipExport(
  reader: ExportReader,
  job: ExportJob,
  now: Date,
  options: CsvExportOptions = {},
): Promise<ZipExport> {
  const plan = exportPlan(job);
  const labels = job.query.labels;
  // The same for every file of the zip: worked out once (a hash of the whole plan).
  const layout = storedLineLayout(plan, labels);
  const format = await jobOptions(reader, job);
  const zip = new ZipFile();
  let current: (Readable & { readonly rows: number }) | undefined;
  let done = 0;
  const add = (name: string, filter: ExportJob['filter']) =>
    zip.addReadStreamLazy(name, { mtime: now }, (callback) => {
      const base = done;
      csvOf(
        reader,
        plan,
        filter,
        {
          ...format,
          ...(options.onProgress && { onProgress: (rows: number) => options.onProgress!(base + rows) }),
        },
        layout,
      ).then(
        (entry) => {
          entry.once('end', () => (done = base + entry.rows));
          current = entry;
          callback(null, entry);
        },
        (error: Error) => callback(error, undefined as never),
      );
    });
  const inScope = job.filter.regions ?? REGIONS.map((r) => r.code);
  for (const code of REGIONS.map((r) => r.code).filter((c) => inScope.includes(c)))
    add(regionFileName(code), { ...job.filter, regions: [code] });
  add(job.filter.regions ? 'combined.csv' : 'national.csv', job.filter);
  // Each repeating group as its own long-format file over the same responses, beside the main file.
  const repeats = repeatFiles(job.versions, { choices: job.query.choices, pii: false });
  for (const repeat of repeats)
    zip.addReadStreamLazy(repeat.fileName, { mtime: now }, (callback) => {
      const entry = repeatCsvStream(reader, repeat, job.filter, labels, format.dialect);
      current = entry as Readable & { readonly rows: number };
      callback(null, entry);
    });
  zip.addBuffer(
    Buffer.from(dictionaryCsv(plan, format.dialect, repeatDictionaryRows(repeats))),
    'data-dictionary.csv',
    { mtime: now },
  );
  zip.end();
  return {
    stream: zip.outputStream as Readable,
    abort() {
      current?.destroy();
    },
  };
}
