// One question's aggregate from summed counts: merges the versions' tallies by answer code (each version asking it
// adds its responses to the denominator; the others add nothing), then percentages, mean, median and ranks.
import type { CountQuestion, VersionTally } from '../../server/store';
import { codeKey, type QuestionInfo } from '../questions';
import { countCell, isHidden, partitionCells } from './suppress';
import type { ChoiceCount, Count, QuestionAggregate } from './types';

/** Per version, its count plan by question name: what each index of a tally means. */
export type PlansByVersion = ReadonlyMap<number, ReadonlyMap<string, CountQuestion>>;

export interface QuestionSums {
  asked: number;
  answered: number;
  /** By codeKey(code); matrix `codeKey(row) codeKey(column)`; ranking `codeKey(choice) rank`, NUL-separated. */
  cells: Map<string, number>;
}

const pair = (a: string, b: string | number) => `${a}\u0000${b}`;

function cellKey(plan: CountQuestion, i: number): string {
  switch (plan.kind) {
    case 'single':
    case 'multi':
      return codeKey(plan.values[i]!);
    case 'matrix': {
      const columns = plan.columns.length;
      return pair(codeKey(plan.rows[Math.floor(i / columns)]!), codeKey(plan.columns[i % columns]!));
    }
    case 'ranking': {
      const choices = plan.choices.length;
      return pair(codeKey(plan.choices[Math.floor(i / choices)]!), (i % choices) + 1);
    }
    case 'answered':
      return '';
  }
}

export function sumQuestion(
  name: string,
  tallies: readonly VersionTally[],
  plans: PlansByVersion,
): QuestionSums {
  const sums: QuestionSums = { asked: 0, answered: 0, cells: new Map() };
  for (const t of tallies) {
    const tally = t.questions.get(name);
    const plan = plans.get(t.version)?.get(name);
    if (!tally || !plan) continue;
    sums.asked += t.responses;
    sums.answered += tally.answered;
    tally.counts.forEach((n, i) => {
      if (n === 0) return;
      const key = cellKey(plan, i);
      sums.cells.set(key, (sums.cells.get(key) ?? 0) + n);
    });
  }
  return sums;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean and median of the numeric rate values, from their distribution. */
function ratingStats(info: QuestionInfo, sums: QuestionSums): { mean: number | null; median: number | null } {
  const numeric = info.choices
    .filter((c) => typeof c.code === 'number')
    .map((c) => ({ value: c.code as number, n: sums.cells.get(codeKey(c.code)) ?? 0 }))
    .sort((a, b) => a.value - b.value);
  const n = numeric.reduce((s, c) => s + c.n, 0);
  if (n === 0) return { mean: null, median: null };
  const mean = numeric.reduce((s, c) => s + c.value * c.n, 0) / n;
  // The value at 0-based position p of the sorted answers; the median averages the two middle ones when n is even.
  const at = (p: number) => {
    let seen = 0;
    for (const c of numeric) if ((seen += c.n) > p) return c.value;
    return numeric.at(-1)!.value;
  };
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { mean: round2(mean), median };
}

function choiceCounts(info: QuestionInfo, cells: Count[]): ChoiceCount[] {
  return info.choices.map((c, i) => ({
    code: c.code,
    label: c.label,
    ...(c.special && { special: c.special }),
    result: cells[i]!,
  }));
}

/** `total` is the number of responses in the filter (the denominator of `asked`); `k` the small-cell threshold. */
export function aggregateQuestion(
  info: QuestionInfo,
  sums: QuestionSums,
  total: number,
  k: number,
): QuestionAggregate {
  const asked = countCell(sums.asked, total, k);
  const answered = countCell(sums.answered, sums.asked, k, isHidden(asked));
  const hidden = isHidden(answered);
  const base = {
    name: info.name,
    type: info.type,
    shape: info.shape,
    title: info.title,
    versions: [...info.versions],
    asked,
    answered,
  };
  const of = (code: QuestionInfo['choices'][number]['code']) => sums.cells.get(codeKey(code)) ?? 0;
  switch (info.shape) {
    case 'single':
    case 'boolean':
      return {
        ...base,
        kind: 'choice',
        choices: choiceCounts(
          info,
          partitionCells(
            info.choices.map((c) => of(c.code)),
            sums.answered,
            k,
            hidden,
          ),
        ),
      };
    case 'rating': {
      const cells = partitionCells(
        info.choices.map((c) => of(c.code)),
        sums.answered,
        k,
        hidden,
      );
      const stats = hidden ? { mean: null, median: null } : ratingStats(info, sums);
      return { ...base, kind: 'rating', choices: choiceCounts(info, cells), ...stats };
    }
    case 'multiple':
      return {
        ...base,
        kind: 'multiple',
        choices: choiceCounts(
          info,
          info.choices.map((c) => countCell(of(c.code), sums.answered, k, hidden)),
        ),
      };
    case 'matrix':
      return {
        ...base,
        kind: 'matrix',
        columns: info.choices.map((c) => ({ code: c.code, label: c.label })),
        rows: info.rows.map((row) => {
          const counts = info.choices.map(
            (c) => sums.cells.get(pair(codeKey(row.code), codeKey(c.code))) ?? 0,
          );
          const n = counts.reduce((s, x) => s + x, 0);
          const rowAnswered = countCell(n, sums.answered, k, hidden);
          return {
            code: row.code,
            label: row.label,
            answered: rowAnswered,
            cells: partitionCells(counts, n, k, isHidden(rowAnswered)),
          };
        }),
      };
    case 'ranking': {
      const choices = info.choices.length;
      const byRank = info.choices.map((c) =>
        Array.from({ length: choices }, (_, r) => sums.cells.get(pair(codeKey(c.code), r + 1)) ?? 0),
      );
      // Ranks past the deepest one anybody used (selectToRank with at most five) would only be columns of zeros.
      const depth = Math.max(1, ...byRank.map((ranks) => ranks.findLastIndex((n) => n > 0) + 1));
      return {
        ...base,
        kind: 'ranking',
        choices: info.choices.map((c, i) => {
          const ranks = byRank[i]!;
          const ranked = ranks.reduce((s, n) => s + n, 0);
          const rankedCell = countCell(ranked, sums.answered, k, hidden);
          const weighted = ranks.reduce((s, n, r) => s + n * (r + 1), 0);
          return {
            code: c.code,
            label: c.label,
            ranked: rankedCell,
            first: countCell(ranks[0] ?? 0, sums.answered, k, hidden),
            meanRank: isHidden(rankedCell) || ranked === 0 ? null : round2(weighted / ranked),
            ranks: ranks.slice(0, depth).map((n) => countCell(n, sums.answered, k, hidden)),
          };
        }),
      };
    }
    default:
      return { ...base, kind: 'answered', listable: info.shape === 'text' };
  }
}
