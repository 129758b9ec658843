// The time and quality columns at the end of every export: when the respondent started, how long the response
// took, and three flags an analyst filters on. Kept in one module so that the column plan stays readable; the
// order matters: `flag_fast` is last because it is the one cell worked out per export (see FAST_TAIL).
import type { ExportPlan } from './columns';
import type { Labels, QuestionInfo } from './questions';

export const QUALITY_COLUMNS = [
  'started_at',
  'duration_s',
  'flag_straightlining',
  'flag_duplicate',
  'flag_fast',
] as const;
export type QualityColumnName = (typeof QUALITY_COLUMNS)[number];

/** "Very fast": under this fraction of the median duration of the response's version. */
export const FAST_FRACTION = 1 / 3;
/** Straight-lining: a matrix with at least this many rows answered, every one of them with the same column. */
export const STRAIGHTLINE_MIN_ROWS = 5;
/** Duplicates: the same answers from the same briefing within this many minutes (server/store/duplicates.ts). */
export { DUPLICATE_WINDOW_MINUTES } from '../server/store/duplicates';

/** Bits of a stored line's `flags` (export_lines.flags): the flags that do not depend on the export. */
export const FLAG_STRAIGHTLINING = 1;
export const FLAG_DUPLICATE = 2;

/**
 * Whole seconds from start to receipt, as the database's `duration_s` column computes them (unixepoch truncates
 * each time to its second): null without a start, or when the phone's clock put the start after the receipt.
 */
export function durationSeconds(startedAt: string | null | undefined, submittedAt: string): number | null {
  if (!startedAt) return null;
  const start = Math.floor(Date.parse(startedAt) / 1000);
  const end = Math.floor(Date.parse(submittedAt) / 1000);
  return Number.isNaN(start) || Number.isNaN(end) || end < start ? null : end - start;
}

/** Version → seconds under which a response counts as very fast, from each version's median duration. */
export function fastThresholds(medians: ReadonlyMap<number, number>): Map<number, number> {
  return new Map([...medians].map(([version, median]) => [version, median * FAST_FRACTION]));
}

/** The `flag_fast` cell: empty without a duration (nothing to judge), else 1 or 0. */
export function fastCell(
  duration: number | null,
  version: number,
  below: ReadonlyMap<number, number> | undefined,
): '' | '0' | '1' {
  if (duration === null) return '';
  const threshold = below?.get(version);
  return threshold !== undefined && duration < threshold ? '1' : '0';
}

/** A stored line (it ends before `flag_fast`) is finished by one of these: `,<flag>` and the line end. */
export const FAST_TAIL = {
  '': Buffer.from(',\r\n'),
  '0': Buffer.from(',0\r\n'),
  '1': Buffer.from(',1\r\n'),
} as const;

type Json = Record<string, unknown>;

/** Whether any matrix of the plan was straight-lined in these answers. Compiled once per plan. */
export function compileStraightlining(questions: readonly QuestionInfo[]): (answers: Json) => boolean {
  const matrices = questions
    .filter((q) => q.shape === 'matrix' && q.rows.length >= STRAIGHTLINE_MIN_ROWS)
    .map((q) => q.name);
  return (answers) => {
    for (const name of matrices) {
      const value = answers[name];
      if (typeof value !== 'object' || value === null) continue;
      let rows = 0;
      let first: unknown;
      let same = true;
      for (const key in value as Json) {
        const cell = (value as Json)[key];
        if (cell === null || cell === undefined) continue;
        if (rows === 0) first = cell;
        else if (cell !== first) same = false;
        rows += 1;
      }
      if (same && rows >= STRAIGHTLINE_MIN_ROWS) return true;
    }
    return false;
  };
}

/** Writes the time and quality cells (quality-columns.ts), which follow `__not_asked`. */
export function compileQualityCells(
  plan: ExportPlan,
  enc: (s: string) => string,
  num: (n: number) => string,
  fastBelow: ReadonlyMap<number, number> | undefined,
) {
  const at = (name: string) => plan.columns.findIndex((c) => c.name === name && c.kind === 'quality');
  const [started, duration, straight, duplicate, fast] = QUALITY_COLUMNS.map(at) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const straightlined = compileStraightlining(plan.questions);
  return (
    out: string[],
    version: number,
    submittedAt: string,
    answers: Json,
    startedAt: string | null,
    duplicateOf: string | null,
  ) => {
    const seconds = durationSeconds(startedAt, submittedAt);
    out[started] = startedAt === null ? '' : enc(startedAt);
    out[duration] = seconds === null ? '' : num(seconds);
    out[straight] = straightlined(answers) ? '1' : '0';
    out[duplicate] = duplicateOf === null ? '0' : '1';
    out[fast] = fastCell(seconds, version, fastBelow);
  };
}

/** Whether a built row (its cells) carries any flag. */
export function flaggedCells(plan: ExportPlan): (cells: readonly string[]) => boolean {
  const flags = plan.columns.flatMap((c, i) =>
    c.kind === 'quality' && c.name.startsWith('flag_') ? [i] : [],
  );
  return (cells) => flags.some((i) => cells[i] === '1');
}

/** Titles of the columns in the data dictionary. */
export const QUALITY_TITLES: Record<QualityColumnName, Labels> = {
  started_at: {
    kk: 'Толтыру басталған уақыты (телефон сағаты бойынша)',
    ru: 'Время начала заполнения (по часам телефона)',
    en: "Started at (the phone's clock)",
  },
  duration_s: {
    kk: 'Толтыру ұзақтығы, секунд',
    ru: 'Длительность заполнения, секунд',
    en: 'Duration, seconds',
  },
  flag_straightlining: {
    kk: 'Белгі: матрицадағы бірдей жауаптар',
    ru: 'Отметка: одинаковые ответы в матрице',
    en: 'Flag: straight-lining in a matrix',
  },
  flag_duplicate: {
    kk: 'Белгі: бір брифингтен қайталанған жауаптар',
    ru: 'Отметка: повтор ответов с того же брифинга',
    en: 'Flag: the same answers again from one briefing',
  },
  flag_fast: {
    kk: 'Белгі: тым жылдам толтырылған',
    ru: 'Отметка: заполнено слишком быстро',
    en: 'Flag: very fast completion',
  },
};

export function qualityNotes(windowMinutes: number): Record<QualityColumnName, string> {
  return {
    started_at: 'ISO 8601 as the phone sent it; empty if the page did not send one',
    duration_s:
      'whole seconds from started_at to submitted_at; empty without started_at or when the phone clock put the start after the receipt',
    flag_straightlining: `1 = a matrix with at least ${STRAIGHTLINE_MIN_ROWS} rows answered got the same answer in every row; 0 = none`,
    flag_duplicate: `1 = exactly the same answers came from the same briefing within the ${windowMinutes} minutes before (the first of them is 0)`,
    flag_fast: `1 = duration_s under ${Math.round(FAST_FRACTION * 100)}% of the median duration of the response's version (all its responses with a duration, at the time of the export); empty without duration_s`,
  };
}
