// The export as an Excel workbook: the same rows, filters, versions, labels and layouts as the CSV, written with
// exceljs's streaming WorkbookWriter (each row committed as it is built, so memory stays flat), numbers as numbers,
// times as dates, a frozen header, widths fitted to the names, and the data dictionary as a second sheet.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportReader } from '../server/store';
import { exportCodesOf } from './code-columns';
import type { Column, ExportPlan } from './columns';
import { dictionaryRows } from './dictionary';
import { flaggedCells } from './quality-columns';
import { compileRows, type LabelMode } from './rows';
import type { ExportJob } from './request';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Bytes the consumer may lag behind before the writer waits for it. */
const HIGH_WATER = 1 << 20;
/** Rows between two looks at the consumer (and two turns of the event loop). */
const ROWS_PER_TURN = 500;

type Kind = 'number' | 'date' | 'text';

/** How a column's cells go into the sheet: counts, ranks, 0/1 and numeric answers as numbers; times as dates. */
function kindOf(column: Column, labels: LabelMode): Kind {
  switch (column.kind) {
    case 'fixed':
      return column.name === 'version' ? 'number' : column.name === 'submitted_at' ? 'date' : 'text';
    case 'quality':
      return column.name === 'started_at' ? 'date' : 'number';
    case 'choice':
    case 'rank':
    case 'code':
      return 'number';
    case 'value': {
      const shape = column.question.shape;
      if (shape === 'number' || shape === 'rating' || shape === 'boolean' || shape === 'repeat')
        return 'number';
      // Codes that are numbers stay numbers when written as codes; labels are words.
      return shape === 'single' && labels === 'values' ? 'number' : 'text';
    }
    default:
      return 'text';
  }
}

function cellValue(text: string, kind: Kind): string | number | Date | null {
  if (text === '') return null;
  if (kind === 'number' && PLAIN_NUMBER.test(text)) return Number(text);
  if (kind === 'date') {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return text;
}

/** Wide enough for the header (a little over its length), within Excel's sensible bounds. */
const widthOf = (name: string, kind: Kind) =>
  kind === 'date' ? 20 : Math.min(40, Math.max(8, name.length + 2));

/**
 * The workbook of `job` read through `reader`, as a byte stream. Rows are built and committed as the consumer
 * reads: the writer waits whenever the bytes not yet taken pass HIGH_WATER. Closing the reader is the caller's.
 */
export function xlsxExport(
  reader: ExportReader,
  job: ExportJob,
  plan: ExportPlan,
  fastBelow: ReadonlyMap<number, number>,
): Readable {
  const out = new PassThrough();
  const codes = exportCodesOf(plan);
  const rows = reader.rows(job.filter, { contacts: plan.options.pii, ...(codes && { codes }) });
  const cursor = rows[Symbol.iterator]();
  const build = compileRows(plan, { labels: job.query.labels, fastBelow });
  const flagged = job.query.flagged === 'exclude' ? flaggedCells(plan) : undefined;
  const kinds = plan.columns.map((c) => kindOf(c, job.query.labels));

  async function write(): Promise<void> {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = book.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = plan.columns.map((c, i) => ({
      header: c.name,
      key: String(i),
      width: widthOf(c.name, kinds[i]!),
      ...(kinds[i] === 'date' && { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } }),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let n = 0;
    for (let next = cursor.next(); !next.done; next = cursor.next()) {
      const cells = build(next.value);
      if (flagged?.(cells)) continue;
      sheet.addRow(cells.map((text, i) => cellValue(text, kinds[i]!))).commit();
      if (++n % ROWS_PER_TURN === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        while (out.readableLength > HIGH_WATER && !out.destroyed)
          await Promise.race([once(out, 'data'), once(out, 'close')]);
        if (out.destroyed) return;
      }
    }
    sheet.commit();
    const dictionary = book.addWorksheet('dictionary', { views: [{ state: 'frozen', ySplit: 1 }] });
    const [header = [], ...entries] = dictionaryRows(plan);
    dictionary.columns = header.map((name) => ({ header: name, width: name.startsWith('title') ? 40 : 16 }));
    dictionary.getRow(1).font = { bold: true };
    for (const entry of entries) dictionary.addRow(entry).commit();
    dictionary.commit();
    await book.commit();
  }

  write().catch((error: unknown) => out.destroy(error as Error));
  // A consumer that went away: the loop stops at its next look (out.destroyed); the statement is freed now.
  out.once('close', () => cursor.return?.());
  return out;
}
