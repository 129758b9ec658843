// The export as an Excel workbook: the same rows, filters, versions, labels and layouts as the CSV in a sheet
// `data` (numbers as numbers, times as dates, the header frozen and bold, widths fitted to the names), the data
// dictionary in a sheet `dictionary`, and each repeating group's entries in a sheet of its own (issue 19), as its
// long-format CSV has them. Sheets are written as XML streams by xlsx-sheet.ts and zipped by xlsx-package.ts.
import type { Readable } from 'node:stream';
import type { ExportReader, ExportRow } from '../server/store';
import { oneBatch, type Batches } from './batches';
import { exportCodesOf } from './code-columns';
import type { Column, ExportPlan } from './columns';
import { dictionaryRows } from './dictionary';
import { exportWorkerCount, parallelSheetStream, type ParallelSheetOptions } from './parallel';
import { flaggedCells } from './quality-columns';
import {
  repeatDictionaryRows,
  repeatFieldColumns,
  repeatHeader,
  repeatRows,
  type RepeatFile,
} from './repeats';
import { compileRows, type LabelMode } from './rows';
import type { ExportJob } from './request';
import { sheetNamer, xlsxPackage, type PackagedSheet, type XlsxPackage } from './xlsx-package';
import { sheetStream, type CellKind, type SheetSpec } from './xlsx-sheet';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a column's cells go into the sheet: counts, ranks, 0/1 and numeric answers as numbers; times as dates. */
export function kindOf(column: Column, labels: LabelMode): CellKind {
  switch (column.kind) {
    case 'fixed':
      return column.name === 'version' ? 'count' : column.name === 'submitted_at' ? 'date' : 'text';
    case 'quality':
      return column.name === 'started_at' ? 'date' : 'count';
    case 'choice':
    case 'rank':
    case 'code':
      return 'count';
    case 'value': {
      const shape = column.question.shape;
      if (shape === 'repeat') return 'count';
      // Stored answers: numbers once validated, but checked, since a cell that is not one must stay text.
      if (shape === 'number' || shape === 'rating' || shape === 'boolean') return 'number';
      // Codes that are numbers stay numbers when written as codes; labels are words.
      return shape === 'single' && labels === 'values' ? 'number' : 'text';
    }
    default:
      return 'text';
  }
}

/** Wide enough for the header (a little over its length), within Excel's sensible bounds. */
const widthOf = (name: string, kind: CellKind): number =>
  kind === 'date' ? 20 : Math.min(40, Math.max(8, name.length + 2));

export interface XlsxInput {
  reader: ExportReader;
  job: ExportJob;
  plan: ExportPlan;
  /** Version → seconds under which a response is very fast (quality-columns.ts). */
  fastBelow: ReadonlyMap<number, number>;
  /** The job's repeating groups (repeats.ts): a sheet each. */
  repeats: readonly RepeatFile[];
  /** The zip entries' time. */
  now: Date;
}

/**
 * The `data` sheet's rows built on this thread, as the zip reads (a batch of the reader's rows at a time, each row
 * built into one reused array as the sheet takes it), flagged ones left out when asked.
 */
export async function* dataRows(
  plan: ExportPlan,
  options: ParallelSheetOptions,
  source: Batches<ExportRow>,
): AsyncGenerator<Iterable<readonly string[]>> {
  const build = compileRows(plan, { labels: options.labels, fastBelow: options.fastBelow });
  const flagged = options.excludeFlagged ? flaggedCells(plan) : undefined;
  function* built(batch: Iterable<ExportRow>): Generator<readonly string[]> {
    for (const row of batch) {
      const cells = build(row);
      if (!flagged?.(cells)) yield cells;
    }
  }
  for await (const batch of source) yield built(batch);
}

/**
 * The `data` sheet: its rows built on the export worker threads when there are any (EXPORT_WORKERS; flattening is
 * most of a workbook's CPU), else here; the same bytes either way.
 */
function dataSheet(input: XlsxInput, spec: Omit<SheetSpec, 'rows'>): Readable {
  const { reader, job, plan, fastBelow } = input;
  const codes = exportCodesOf(plan);
  const source = reader.rows(job.filter, { contacts: plan.options.pii, ...(codes && { codes }) });
  const options = { labels: job.query.labels, fastBelow, excludeFlagged: job.query.flagged === 'exclude' };
  if (exportWorkerCount() === 0) return sheetStream({ ...spec, rows: dataRows(plan, options, source) });
  return parallelSheetStream(plan, spec, source, options);
}

/**
 * The workbook of one export, as a byte stream; rows are read as the consumer takes the bytes, one sheet's query
 * open at a time. Closing the reader is the caller's.
 */
export function xlsxExport(input: XlsxInput): XlsxPackage {
  const { reader, job, plan, repeats } = input;
  const labels = job.query.labels;
  const kinds = plan.columns.map((c) => kindOf(c, labels));
  const name = sheetNamer();
  const sheets: PackagedSheet[] = [
    {
      name: name('data'),
      open: () =>
        dataSheet(input, {
          header: plan.columns.map((c) => c.name),
          kinds,
          widths: plan.columns.map((c, i) => widthOf(c.name, kinds[i]!)),
        }),
    },
    {
      name: name('dictionary'),
      open: () => {
        const [header = [], ...entries] = dictionaryRows(plan);
        return sheetStream({
          header,
          kinds: header.map(() => 'text'),
          widths: header.map((h) => (h.startsWith('title') ? 40 : 16)),
          rows: oneBatch([...entries, ...repeatDictionaryRows(repeats)]),
        });
      },
    },
    ...repeats.map((repeat): PackagedSheet => ({
      name: name(repeat.question),
      open: () => {
        const header = repeatHeader(repeat);
        const fieldKinds = repeatFieldColumns(repeat).map((c) => kindOf(c, labels));
        const repeatKinds: CellKind[] = ['text', 'number', ...fieldKinds];
        return sheetStream({
          header,
          kinds: repeatKinds,
          widths: header.map((h, i) => widthOf(h, repeatKinds[i]!)),
          rows: repeatRows(reader, repeat, job.filter, { labels }),
        });
      },
    })),
  ];
  return xlsxPackage(sheets, input.now);
}
