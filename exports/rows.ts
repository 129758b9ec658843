// Stored responses → row arrays by the plan. Everything that does not depend on the response (choice → column
// index, code → cell text in the label language, not-asked lists) is computed here once; per row there is one
// JSON.parse and cell writes into one reused array.
import { findRegion } from '../server/catalog/regions';
import type { Locale } from '../server/catalog/types';
import type { ExportRow } from '../server/store';
import { codeCellsWriter } from './code-columns';
import type { Column, ExportPlan } from './columns';
import { compileQualityCells } from './quality-columns';
import type { ChoiceInfo, Code, QuestionInfo } from './questions';

/** `values`: stored codes; a language: choice labels in it (region_name too; with `values` it is English). */
export type LabelMode = 'values' | Locale;

export interface RowOptions {
  labels: LabelMode;
  /**
   * Applied to every text cell (CSV quoting and formula defence). Choice cells are encoded once at compile time,
   * free texts per row. The identity by default, for callers that want plain values.
   */
  encode?: (text: string) => string;
  /** Writes a number answer (a decimal comma for the `;` CSV); String by default. */
  number?: (n: number) => string;
  /** Version → seconds under which `flag_fast` is 1 (quality-columns.ts); without it the flag is 0 or empty. */
  fastBelow?: ReadonlyMap<number, number>;
}

type Json = Record<string, unknown>;
/** Writes the cells of one stored key (a question's value, or its `-Comment` text). */
type Writer = (value: unknown, out: string[]) => void;

const COMMENT_SUFFIX = '-Comment';
/** Rank cells, made once: '1', '2', … */
const RANKS = Array.from({ length: 1000 }, (_, i) => String(i + 1));

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Escapes `%` and `;` inside one item of a joined cell, so the `;` between items stays unambiguous. */
const joinPart = (text: string) => text.replace(/[%;]/g, (c) => (c === '%' ? '%25' : '%3B'));

/** Choice code (with its JSON type) → lookups, so 1 and "1" stay apart as they do in the validator. */
class CodeMap<T> {
  private readonly map = new Map<Code, T>();
  set(code: Code, value: T) {
    this.map.set(code, value);
  }
  get(value: unknown): T | undefined {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? this.map.get(value)
      : undefined;
  }
}

/** Builds the writers of one question from its columns (consecutive in the plan) and the label language. */
/**
 * Builds the writers of one question, keyed by the answer keys they read: the question's name, and its comment
 * key. The row function walks a response's own keys once and dispatches on them: looking up every question by
 * name in objects of ever-changing shape cost more than the JSON.parse itself.
 */
function compileQuestion(
  q: QuestionInfo,
  columns: readonly { column: Column; index: number }[],
  labels: LabelMode,
  enc: (s: string) => string,
  num: (n: number) => string,
): [string, Writer][] {
  const text = (choice: ChoiceInfo) => (labels === 'values' ? String(choice.code) : choice.label[labels]);
  const cellOf = new CodeMap<string>();
  for (const c of q.choices) cellOf.set(c.code, enc(text(c)));
  const plain = (v: unknown) =>
    typeof v === 'string' ? enc(v) : typeof v === 'number' ? num(v) : enc(JSON.stringify(v));
  const choiceCell = (v: unknown) => cellOf.get(v) ?? plain(v);
  const name = q.name;
  const writers: [string, Writer][] = [];
  const own = columns.filter(({ column }) => column.kind !== 'text');
  const textColumn = columns.find(({ column }) => column.kind === 'text');
  if (textColumn) {
    const at = textColumn.index;
    writers.push([
      name + COMMENT_SUFFIX,
      (t, out) => {
        if (t !== null) out[at] = plain(t);
      },
    ]);
  }
  const add = (write: Writer) => writers.push([name, write]);
  const firstColumn = own[0];
  if (!firstColumn) return writers;
  const at = firstColumn.index;
  const kind = firstColumn.column.kind;

  if (kind === 'choice' || kind === 'rank') {
    const indexOf = new CodeMap<number>();
    for (const { column, index } of own) if (column.kind === kind) indexOf.set(column.choice.code, index);
    const from = at;
    const to = own[own.length - 1]!.index;
    if (kind === 'choice')
      add((v, out) => {
        if (!Array.isArray(v) || v.length === 0) return;
        // Answered: every choice is 0 unless chosen, so a sum over the 0/1 columns counts the respondents.
        for (let i = from; i <= to; i++) out[i] = '0';
        for (const item of v) {
          const i = indexOf.get(item);
          if (i !== undefined) out[i] = '1';
        }
      });
    else
      add((v, out) => {
        if (!Array.isArray(v)) return;
        for (let r = 0; r < v.length; r++) {
          const i = indexOf.get(v[r]);
          if (i !== undefined) out[i] = RANKS[r] ?? String(r + 1);
        }
      });
    return writers;
  }

  if (kind === 'row' || kind === 'cell') {
    const rowAt = new Map<string, number>();
    const cellsAt = new Map<string, Map<string, number>>();
    for (const { column, index } of own) {
      if (column.kind === 'row') rowAt.set(String(column.row.code), index);
      else if (column.kind === 'cell') {
        const row = String(column.row.code);
        if (!cellsAt.has(row)) cellsAt.set(row, new Map());
        cellsAt.get(row)!.set(String(column.cell.code), index);
      }
    }
    const cellValue = (v: unknown) =>
      Array.isArray(v) ? enc(v.map((x) => joinPart(String(x))).join(';')) : plain(v);
    if (q.shape === 'matrix')
      add((v, out) => {
        if (!isObject(v)) return;
        for (const key in v) {
          const i = rowAt.get(key);
          if (i !== undefined) out[i] = choiceCell(v[key]);
        }
      });
    else if (kind === 'row')
      add((v, out) => {
        if (!isObject(v)) return;
        for (const key in v) {
          const i = rowAt.get(key);
          if (i !== undefined && v[key] !== null) out[i] = plain(v[key]);
        }
      });
    else
      add((v, out) => {
        if (!isObject(v)) return;
        for (const row in v) {
          const cells = cellsAt.get(row);
          const value = v[row];
          if (!cells || !isObject(value)) continue;
          for (const key in value) {
            const i = cells.get(key);
            if (i !== undefined && value[key] !== null) out[i] = cellValue(value[key]);
          }
        }
      });
    return writers;
  }

  switch (q.shape) {
    case 'multiple':
    case 'ranking': {
      // Joined: codes (or labels) by `;`; a checkbox in the definition's order, a ranking in rank order.
      const order = new CodeMap<number>();
      q.choices.forEach((c, i) => order.set(c.code, i));
      const part = new CodeMap<string>();
      for (const c of q.choices) part.set(c.code, joinPart(text(c)));
      const ranked = q.shape === 'ranking';
      add((v, out) => {
        if (!Array.isArray(v) || v.length === 0) return;
        const items = ranked ? v : [...v].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
        out[at] = enc(items.map((x) => part.get(x) ?? joinPart(String(x))).join(';'));
      });
      break;
    }
    case 'boolean': {
      const [yes, no] = q.choices;
      add((v, out) => {
        if (v === undefined || v === null) return;
        out[at] = v === yes?.code ? '1' : v === no?.code ? '0' : plain(v);
      });
      break;
    }
    case 'single':
      add((v, out) => {
        if (v !== undefined && v !== null) out[at] = choiceCell(v);
      });
      break;
    case 'repeat':
      // One row per response, as KoboToolbox and ODK do: a repeating group shows its number of entries here.
      add((v, out) => {
        if (Array.isArray(v)) out[at] = String(v.length);
      });
      break;
    default:
      // text, number, rating (numbers stay numbers whatever the label language), and anything stored as JSON.
      add((v, out) => {
        if (v !== undefined && v !== null) out[at] = plain(v);
      });
  }
  return writers;
}

/** A response's own fields and its answers as objects: what the insert path has, before any JSON is stored. */
export interface ParsedResponse {
  id: string;
  version: number;
  submittedAt: string;
  locale: string;
  region: string;
  briefing: string | null;
  answers: Json;
  /** The personal-data answers, when the plan exports them. */
  contacts: Json | null;
  startedAt: string | null;
  duplicateOf: string | null;
}

type Fill = (
  id: string,
  version: number,
  submittedAt: string,
  locale: string,
  region: string,
  briefing: string | null,
  answers: Json,
  contacts: Json | null,
  startedAt: string | null,
  duplicateOf: string | null,
  codes?: string | null,
) => string[];

function compileFill(plan: ExportPlan, options: RowOptions): Fill {
  const enc = options.encode ?? ((s: string) => s);
  const num = options.number ?? String;
  const lang: Locale = options.labels === 'values' ? 'en' : options.labels;
  const byQuestion = new Map<string, { column: Column; index: number }[]>();
  plan.columns.forEach((column, index) => {
    if ('question' in column) {
      const list = byQuestion.get(column.question.name) ?? [];
      list.push({ column, index });
      byQuestion.set(column.question.name, list);
    }
  });
  const fromAnswers = new Map<string, Writer>();
  const fromContacts = new Map<string, Writer>();
  for (const q of plan.questions)
    for (const [key, write] of compileQuestion(q, byQuestion.get(q.name) ?? [], options.labels, enc, num))
      (q.pii ? fromContacts : fromAnswers).set(key, write);

  const width = plan.columns.length;
  const notAsked = new Map([...plan.notAsked].map(([v, list]) => [v, enc(list)]));
  const versionCell = new Map(plan.versions.map((v) => [v, String(v)]));
  const survey = enc(plan.surveyId);
  const regionName = new Map<string, string>();
  const nameOf = (code: string) => {
    let name = regionName.get(code);
    if (name === undefined) regionName.set(code, (name = enc(findRegion(code)?.name[lang] ?? '')));
    return name;
  };
  const out = new Array<string>(width).fill('');
  // `__not_asked` closes the question columns; the quality and code columns follow it.
  const notAskedAt = plan.columns.findIndex((c) => c.kind === 'not-asked');
  const writeCodes = codeCellsWriter(plan);
  const withContacts = plan.options.pii && fromContacts.size > 0;
  const quality = compileQualityCells(plan, enc, num, options.fastBelow);

  return (
    id,
    version,
    submittedAt,
    locale,
    region,
    briefing,
    answers,
    contacts,
    startedAt,
    duplicateOf,
    codes,
  ) => {
    out.fill('');
    out[0] = enc(id);
    out[1] = survey;
    out[2] = versionCell.get(version) ?? String(version);
    out[3] = enc(submittedAt);
    out[4] = enc(locale);
    out[5] = enc(region);
    out[6] = nameOf(region);
    out[7] = briefing === null ? '' : enc(briefing);
    // Keys the plan does not know (a question of a version not chosen, `region`) have no writer and no column.
    for (const key in answers) fromAnswers.get(key)?.(answers[key], out);
    if (withContacts && contacts !== null)
      for (const key in contacts) fromContacts.get(key)?.(contacts[key], out);
    out[notAskedAt] = notAsked.get(version) ?? '';
    quality(out, version, submittedAt, answers, startedAt, duplicateOf);
    writeCodes(codes, out);
    return out;
  };
}

/**
 * Compiles the row function for a plan, from stored rows. It returns the same array every call, overwritten by the
 * next call: consume (encode, copy) it before asking for the next row.
 */
export function compileRows(plan: ExportPlan, options: RowOptions): (row: ExportRow) => string[] {
  const fill = compileFill(plan, options);
  const withContacts = plan.options.pii;
  return (row) =>
    fill(
      row[0],
      row[1],
      row[2],
      row[3],
      row[4],
      row[5],
      JSON.parse(row[6]) as Json,
      withContacts && row[7] !== null ? (JSON.parse(row[7]) as Json) : null,
      row[8] ?? null,
      row[9] ?? null,
      row[10],
    );
}

/** The same row function from a response whose answers are objects still (the insert path): no JSON to parse. */
export function compileParsedRows(plan: ExportPlan, options: RowOptions): (r: ParsedResponse) => string[] {
  const fill = compileFill(plan, options);
  return (r) =>
    fill(
      r.id,
      r.version,
      r.submittedAt,
      r.locale,
      r.region,
      r.briefing,
      r.answers,
      r.contacts,
      r.startedAt,
      r.duplicateOf,
    );
}
