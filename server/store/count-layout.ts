// Compiles a version's count plan into fixed positions: where each question's counts sit in a key's int32 vector,
// and where its answer sits in a response's byte record. Pure; shared by the insert path, recount and the readers.
// Beside every count the vector keeps the sum of the counted responses' record keys (int32, wrapping: the cell key
// of exports/aggregates/disclosure.ts), and each record ends with its response's record key.
import { isAnswered, partReader } from './count-parts';
import type { CountCode, CountPlan, CountQuestion, QuestionTally, VersionTally } from './count-types';

export { isAnswered };

export interface CompiledQuestion {
  question: CountQuestion;
  /** Position of the question's "answered" bit at the start of each record. */
  index: number;
  /** vector[offset] = respondents who answered; vector[offset + 1 + i] = counts[i]. */
  offset: number;
  size: number;
  /** First byte of the question's cells in a record, after the answered bits. */
  recordOffset: number;
  /** single: 1 cell (value index + 1); matrix: a cell per row (column index + 1); ranking: a rank byte per choice. */
  cellWidth: 1 | 2;
  /** multi: a bitmask of ceil(values / 8) bytes; entries: 2-byte counts, answered entries first, then per value. */
  recordBytes: number;
  /** A part of a grid or repeat answer (count-parts.ts): how to find its value; else answers[name]. */
  read?: (answers: Record<string, unknown>) => unknown;
  /** Values, matrix columns or ranking choices → index; JS Maps keep 1 and "1" apart, as SurveyJS does. */
  lookup: Map<CountCode, number>;
  /** Matrix rows by their key in the answer object (always a string there). */
  rowLookup: Map<string, number>;
}

export interface CountLayout {
  plan: CountPlan;
  questions: CompiledQuestion[];
  byName: Map<string, CompiledQuestion>;
  /** Counts first, then as many key sums (`keysOffset + i` for count `i`), then the responses' key sum. */
  vectorLength: number;
  keysOffset: number;
  responsesKeyAt: number;
  recordLength: number;
  /** Where a record's 4-byte record key (little-endian) sits. */
  recordKeyAt: number;
}

const indexMap = (codes: readonly CountCode[]) => new Map(codes.map((c, i) => [c, i] as const));

/** Cells store index + 1 (0 = no answer): one byte while that fits. */
const widthFor = (n: number): 1 | 2 => (n + 1 <= 0xff ? 1 : 2);

export function compileLayout(plan: CountPlan): CountLayout {
  const answeredBytes = Math.ceil(plan.questions.length / 8);
  let offset = 0;
  let recordOffset = answeredBytes;
  const questions = plan.questions.map((question, index): CompiledQuestion => {
    let size = 0;
    let cellWidth: 1 | 2 = 1;
    let recordBytes = 0;
    let lookup = new Map<CountCode, number>();
    let rowLookup = new Map<string, number>();
    switch (question.kind) {
      case 'single':
        size = question.values.length;
        cellWidth = widthFor(size);
        recordBytes = cellWidth;
        lookup = indexMap(question.values);
        break;
      case 'multi':
        size = question.values.length;
        recordBytes = Math.ceil(size / 8);
        lookup = indexMap(question.values);
        break;
      case 'matrix':
        size = question.rows.length * question.columns.length;
        cellWidth = widthFor(question.columns.length);
        recordBytes = cellWidth * question.rows.length;
        lookup = indexMap(question.columns);
        rowLookup = new Map(question.rows.map((r, i) => [String(r), i]));
        break;
      case 'ranking':
        if (question.choices.length > 0xff)
          throw new Error(`ranking "${question.name}" has more than 255 choices`);
        size = question.choices.length * question.choices.length;
        recordBytes = question.choices.length;
        lookup = indexMap(question.choices);
        break;
      case 'entries':
        size = question.values.length;
        cellWidth = 2;
        recordBytes = 2 * (1 + size);
        lookup = indexMap(question.values);
        break;
      case 'answered':
        break;
    }
    const largest = question.kind === 'single' ? question.values.length : 0;
    const compiled = {
      question,
      index,
      offset,
      size,
      recordOffset,
      cellWidth,
      recordBytes,
      lookup,
      rowLookup,
      ...(question.part && { read: partReader(question.part, largest) }),
    };
    offset += 1 + size;
    recordOffset += recordBytes;
    return compiled;
  });
  return {
    plan,
    questions,
    byName: new Map(questions.map((q) => [q.question.name, q])),
    vectorLength: 2 * offset + 1,
    keysOffset: offset,
    responsesKeyAt: 2 * offset,
    recordLength: recordOffset + 4,
    recordKeyAt: recordOffset,
  };
}

function writeCell(record: Uint8Array, at: number, width: 1 | 2, cell: number): void {
  record[at] = cell & 0xff;
  if (width === 2) record[at + 1] = cell >> 8;
}

function readCell(record: Uint8Array, at: number, width: 1 | 2): number {
  return width === 1 ? record[at]! : record[at]! | (record[at + 1]! << 8);
}

/** A repeat's counts are of entries: a respondent with 70 000 entries (far past any body limit) counts 65 535. */
const MAX_ENTRIES = 0xffff;

/** A record's record key (uint32). */
export const recordKeyIn = (layout: CountLayout, record: Uint8Array, base: number) =>
  (record[base + layout.recordKeyAt]! |
    (record[base + layout.recordKeyAt + 1]! << 8) |
    (record[base + layout.recordKeyAt + 2]! << 16) |
    (record[base + layout.recordKeyAt + 3]! << 24)) >>>
  0;

/**
 * Adds one response to a key's vector and writes its record (zero-filled, `layout.recordLength` bytes at `base`).
 * Values outside the plan (which validation refuses) count as answered but in no cell. `recordKey` (uint32) is
 * added to the key sum beside every count the response adds to.
 */
export function countAnswers(
  layout: CountLayout,
  answers: Record<string, unknown>,
  vector: Int32Array,
  record: Uint8Array,
  base: number,
  recordKey: number,
): void {
  const keys = layout.keysOffset;
  // Int32Array stores wrap modulo 2^32: the key sums stay cell keys however many responses they hold.
  const bump = (i: number, n = 1) => {
    vector[i] = vector[i]! + n;
    // n × a uint32 stays below 2^53: exact before the store wraps it.
    vector[keys + i] = vector[keys + i]! + n * recordKey;
  };
  vector[layout.responsesKeyAt] = vector[layout.responsesKeyAt]! + recordKey;
  const at = base + layout.recordKeyAt;
  record[at] = recordKey & 0xff;
  record[at + 1] = (recordKey >>> 8) & 0xff;
  record[at + 2] = (recordKey >>> 16) & 0xff;
  record[at + 3] = recordKey >>> 24;
  for (const q of layout.questions) {
    const value = q.read ? q.read(answers) : answers[q.question.name];
    if (!isAnswered(value)) continue;
    record[base + (q.index >> 3)]! |= 1 << (q.index & 7);
    const counts = q.offset + 1;
    const cells = base + q.recordOffset;
    if (q.question.kind === 'entries') {
      countEntries(q, value as unknown[], (i, n) => {
        bump(i === -1 ? q.offset : counts + i, n);
        writeCell(record, cells + 2 * (i + 1), 2, n);
      });
      continue;
    }
    bump(q.offset);
    switch (q.question.kind) {
      case 'single': {
        const i = q.lookup.get(value as CountCode);
        if (i === undefined) break;
        bump(counts + i);
        writeCell(record, cells, q.cellWidth, i + 1);
        break;
      }
      case 'multi':
        if (!Array.isArray(value)) break;
        for (const item of value) {
          const i = q.lookup.get(item as CountCode);
          if (i === undefined) continue;
          bump(counts + i);
          record[cells + (i >> 3)]! |= 1 << (i & 7);
        }
        break;
      case 'matrix': {
        if (typeof value !== 'object' || Array.isArray(value)) break;
        const columns = q.question.columns.length;
        for (const [row, column] of Object.entries(value as Record<string, unknown>)) {
          const r = q.rowLookup.get(row);
          const c = q.lookup.get(column as CountCode);
          if (r === undefined || c === undefined) continue;
          bump(counts + r * columns + c);
          writeCell(record, cells + r * q.cellWidth, q.cellWidth, c + 1);
        }
        break;
      }
      case 'ranking': {
        if (!Array.isArray(value)) break;
        const choices = q.question.choices.length;
        value.forEach((item, position) => {
          const c = q.lookup.get(item as CountCode);
          if (c === undefined || position >= choices) return;
          bump(counts + c * choices + position);
          record[cells + c] = position + 1;
        });
        break;
      }
      case 'answered':
        break;
    }
  }
}

export function answeredIn(q: CompiledQuestion, record: Uint8Array, base: number): boolean {
  return (record[base + (q.index >> 3)]! & (1 << (q.index & 7))) !== 0;
}

/** An entries part's counts for one response: `add(-1, n)` its answered entries, `add(i, n)` per value. */
function countEntries(q: CompiledQuestion, entries: readonly unknown[], add: (i: number, n: number) => void) {
  const per = new Array<number>(q.size).fill(0);
  const seen = new Set<number>();
  for (const value of entries) {
    // A checkbox field holds several values; the same one twice in one entry is one entry.
    seen.clear();
    for (const item of Array.isArray(value) ? value : [value]) {
      const i = q.lookup.get(item as CountCode);
      if (i === undefined || seen.has(i)) continue;
      seen.add(i);
      per[i]!++;
    }
  }
  add(-1, Math.min(entries.length, MAX_ENTRIES));
  per.forEach((n, i) => n > 0 && add(i, Math.min(n, MAX_ENTRIES)));
}

/** The value indexes a record holds for a single- or multiple-choice question (what a crosstab groups by). */
export function choicesIn(q: CompiledQuestion, record: Uint8Array, base: number, out: number[]): number[] {
  out.length = 0;
  const at = base + q.recordOffset;
  if (q.question.kind === 'single') {
    const cell = readCell(record, at, q.cellWidth);
    if (cell > 0) out.push(cell - 1);
  } else if (q.question.kind === 'multi') {
    for (let i = 0; i < q.size; i++) if (record[at + (i >> 3)]! & (1 << (i & 7))) out.push(i);
  }
  return out;
}

/**
 * Adds one record's answer to a question's tally, laid out as in the vector: tally[0] answered, tally[1 + i]
 * counts[i], then the same again (from `1 + q.size`) for the key sums, to which `recordKey` is added.
 */
export function addRecord(
  q: CompiledQuestion,
  record: Uint8Array,
  base: number,
  tally: Int32Array,
  recordKey: number,
  /** -1 takes the record away (a flagged response the dashboard leaves out, count-adjustments.ts). */
  sign: 1 | -1 = 1,
): void {
  if (!answeredIn(q, record, base)) return;
  const keys = 1 + q.size;
  const bump = (i: number, n = 1) => {
    tally[i] = tally[i]! + sign * n;
    tally[keys + i] = tally[keys + i]! + sign * n * recordKey;
  };
  const at = base + q.recordOffset;
  if (q.question.kind === 'entries') {
    for (let i = 0; i <= q.size; i++) {
      const n = readCell(record, at + 2 * i, 2);
      if (n > 0) bump(i, n);
    }
    return;
  }
  bump(0);
  switch (q.question.kind) {
    case 'single': {
      const cell = readCell(record, at, q.cellWidth);
      if (cell > 0) bump(cell);
      break;
    }
    case 'multi':
      for (let i = 0; i < q.size; i++) if (record[at + (i >> 3)]! & (1 << (i & 7))) bump(1 + i);
      break;
    case 'matrix': {
      const columns = q.question.columns.length;
      for (let r = 0; r < q.question.rows.length; r++) {
        const cell = readCell(record, at + r * q.cellWidth, q.cellWidth);
        if (cell > 0) bump(1 + r * columns + cell - 1);
      }
      break;
    }
    case 'ranking': {
      const choices = q.question.choices.length;
      for (let c = 0; c < choices; c++) {
        const rank = record[at + c]!;
        if (rank > 0) bump(1 + c * choices + rank - 1);
      }
      break;
    }
    case 'answered':
      break;
  }
}

/**
 * The free texts of one response the text browser may list, lower-cased for search: JavaScript's Unicode rules fold
 * Kazakh and Russian letters, which SQLite's lower() and LIKE leave alone.
 */
export function textsOf(plan: CountPlan, answers: Record<string, unknown>): [key: string, folded: string][] {
  const out: [string, string][] = [];
  for (const key of plan.texts) {
    const value = answers[key];
    if (typeof value === 'string' && value !== '') out.push([key, value.toLowerCase()]);
  }
  return out;
}

/** A sum of int32 key sums (added as doubles, exact below 2^53) → a cell key in [0, 2^32). */
export function keyOf(sum: number): number {
  const r = sum % 2 ** 32;
  return r < 0 ? r + 2 ** 32 : r;
}

/**
 * A question's slice of a vector (or of a tally laid out like one) as answered + counts and their cell keys.
 * `keysAt`: where the slice's key sums start (the layout's keysOffset + offset in a vector, 1 + size in a tally).
 */
export function tallyOf(
  q: CompiledQuestion,
  vector: Int32Array | Float64Array,
  offset: number,
  keysAt: number,
): QuestionTally {
  return {
    answered: vector[offset]!,
    counts: Array.from(vector.subarray(offset + 1, offset + 1 + q.size)),
    answeredKey: keyOf(vector[keysAt]!),
    keys: Array.from(vector.subarray(keysAt + 1, keysAt + 1 + q.size), keyOf),
  };
}

/** Asked for (all are when `only` is undefined): a question, with the parts of its grid or repeat answer. */
export const isWanted = (q: CompiledQuestion, only: ReadonlySet<string> | undefined) =>
  !only || only.has(q.question.name) || (q.question.part !== undefined && only.has(q.question.part.question));

/** Decodes summed vectors into a version's tallies, keeping only the asked-for questions (all when `only` is undefined). */
export function toVersionTally(
  layout: CountLayout,
  responses: number,
  sums: Float64Array,
  only?: ReadonlySet<string>,
): VersionTally {
  const questions = new Map(
    layout.questions
      .filter((q) => isWanted(q, only))
      .map((q) => [q.question.name, tallyOf(q, sums, q.offset, layout.keysOffset + q.offset)]),
  );
  return {
    version: layout.plan.version,
    responses,
    responsesKey: keyOf(sums[layout.responsesKeyAt]!),
    questions,
  };
}
