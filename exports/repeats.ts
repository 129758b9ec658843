// Each repeating group (dynamic panel, dynamic matrix) as its own long-format CSV, as KoboToolbox and ODK export
// repeats: `response_id`, `entry` (1, 2, …), then the entry's fields laid out by the same column rules, labels and
// choice layouts as the main file. The main file keeps one row per response with the number of entries.
import { Readable } from 'node:stream';
import type { ExportReader, ExportRow, ResponseFilter } from '../server/store';
import { planColumns, type ExportPlan, type PlanOptions } from './columns';
import { BOM, csvRowOptions, type CsvDialect } from './csv';
import { DICTIONARY_HEADER, dictionaryRows } from './dictionary';
import { describeQuestions, type VersionInput } from './questions';
import { compileParsedRows, type LabelMode, type RowOptions } from './rows';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface RepeatFile {
  /** The repeating group's question name. */
  question: string;
  /** `<survey>_<question>.csv`, the name inside the zip and of the download. */
  fileName: string;
  /** The plan of the entries' fields: its question columns are the file's columns after response_id and entry. */
  plan: ExportPlan;
}

/** The element JSON of `name` in one definition (pages and panels opened), or undefined. */
export function findElement(definition: Json, name: string): Json | undefined {
  const walk = (elements: unknown): Json | undefined => {
    if (!Array.isArray(elements)) return undefined;
    for (const el of elements) {
      if (!isObject(el)) continue;
      if (el.name === name && el.type !== 'panel') return el;
      if (el.type === 'panel') {
        const inner = walk(el.elements ?? el.questions);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  const pages = Array.isArray(definition.pages) ? definition.pages : [definition];
  for (const page of pages) {
    const found = isObject(page) ? walk(page.elements ?? page.questions) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** An entry's fields as question JSON: a template's elements, or a matrix's columns as questions of their cell type. */
export function fieldsOf(raw: Json): unknown[] {
  if (raw.type === 'paneldynamic') {
    const list = raw.templateElements ?? raw.templateQuestions;
    return Array.isArray(list) ? list : [];
  }
  const columns = Array.isArray(raw.columns) ? (raw.columns as unknown[]) : [];
  return columns.filter(isObject).map((column) => {
    const own =
      typeof column.cellType === 'string' && column.cellType !== 'default' ? column.cellType : undefined;
    const matrix = typeof raw.cellType === 'string' && raw.cellType !== 'default' ? raw.cellType : 'dropdown';
    return { choices: raw.choices, ...column, type: own ?? matrix };
  });
}

export function repeatFiles(versions: readonly VersionInput[], options: PlanOptions): RepeatFile[] {
  const first = versions[0];
  if (!first) return [];
  return describeQuestions(versions)
    .filter((q) => q.shape === 'repeat' && !q.pii)
    .map((q) => {
      const asked = versions.filter((v) => q.versions.includes(v.version));
      const pseudo = asked.map((v) => ({
        surveyId: v.surveyId,
        version: v.version,
        piiQuestions: new Set<string>(),
        definition: { elements: fieldsOf(findElement(v.definition, q.name) ?? {}) },
      }));
      return {
        question: q.name,
        fileName: `${first.surveyId}_${q.name.replace(/[^A-Za-z0-9_-]+/g, '-')}.csv`,
        plan: planColumns(pseudo, { ...options, pii: false }),
      };
    });
}

/** Where the field columns sit in the plan's rows: after the fixed columns, before `__not_asked`. */
function fieldRange(plan: ExportPlan): [number, number] {
  const start = plan.columns.findIndex((c) => c.kind !== 'fixed');
  const end = plan.columns.findIndex((c) => c.kind === 'not-asked');
  return [start, end];
}

/** The header of a repeat's file: `response_id`, `entry`, then the fields' columns. */
export function repeatHeader(repeat: RepeatFile): string[] {
  const [start, end] = fieldRange(repeat.plan);
  return ['response_id', 'entry', ...repeat.plan.columns.slice(start, end).map((c) => c.name)];
}

/** The field columns of a repeat's file, in the order of repeatHeader after its first two. */
export function repeatFieldColumns(repeat: RepeatFile): ExportPlan['columns'] {
  return repeat.plan.columns.slice(...fieldRange(repeat.plan));
}

/**
 * One row of cells per entry over the filtered responses (`response_id`, entry index, fields), cells written by
 * `options` (CSV encoding, or plain for a workbook); a batch of rows per batch of responses the reader hands out,
 * so memory stays flat.
 */
export async function* repeatRows(
  reader: ExportReader,
  repeat: RepeatFile,
  filter: ResponseFilter,
  options: RowOptions,
): AsyncGenerator<string[][]> {
  const [start, end] = fieldRange(repeat.plan);
  const fill = compileParsedRows(repeat.plan, options);
  const enc = options.encode ?? ((s: string) => s);
  for await (const batch of reader.rows(filter, { contacts: false })) {
    const rows = entryRows(repeat, batch, fill, enc, start, end);
    if (rows.length > 0) yield rows;
  }
}

/** The entries' rows of a batch of responses. */
function entryRows(
  repeat: RepeatFile,
  batch: readonly ExportRow[],
  fill: ReturnType<typeof compileParsedRows>,
  enc: (s: string) => string,
  start: number,
  end: number,
): string[][] {
  const out: string[][] = [];
  for (const row of batch) {
    const answers = JSON.parse(row[6]) as Json;
    const entries = answers[repeat.question];
    if (!Array.isArray(entries)) continue;
    let index = 0;
    for (const entry of entries) {
      index++;
      const cells = fill({
        id: row[0],
        version: row[1],
        submittedAt: row[2],
        locale: row[3],
        region: row[4],
        briefing: row[5],
        answers: isObject(entry) ? entry : {},
        contacts: null,
        startedAt: null,
        duplicateOf: null,
      });
      out.push([enc(row[0]), String(index), ...cells.slice(start, end)]);
    }
  }
  return out;
}

/** The repeat's CSV over the filtered responses: one line per entry, streamed (memory stays flat). */
export function repeatCsvStream(
  reader: ExportReader,
  repeat: RepeatFile,
  filter: ResponseFilter,
  labels: LabelMode,
  dialect: CsvDialect,
): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield BOM + dialect.line(repeatHeader(repeat).map(dialect.cell));
    for await (const rows of repeatRows(reader, repeat, filter, csvRowOptions(labels, dialect)))
      yield rows.map((cells) => dialect.line(cells)).join('');
  }
  return Readable.from(lines(), { objectMode: false });
}

/** The dictionary rows of every repeat's fields, named `<file>:<column>` so they are not taken for main columns. */
export function repeatDictionaryRows(repeats: readonly RepeatFile[]): string[][] {
  const rows: string[][] = [];
  for (const repeat of repeats) {
    const fields = new Set(repeat.plan.columns.slice(...fieldRange(repeat.plan)).map((c) => c.name));
    for (const row of dictionaryRows(repeat.plan).slice(1)) {
      const column = row[0] ?? '';
      if (!fields.has(column)) continue;
      const note = row[DICTIONARY_HEADER.length - 1] ?? '';
      rows.push([
        `${repeat.fileName}:${column}`,
        ...row.slice(1, -1),
        `a field of each entry of "${repeat.question}" (one line per entry in ${repeat.fileName})${note ? `; ${note}` : ''}`,
      ]);
    }
  }
  return rows;
}
