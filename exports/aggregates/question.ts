// One question's aggregate from summed counts: merges the versions' tallies by answer code (each version asking it
// adds its responses to the denominator; the others add nothing), publishes each count as the reader may see it
// (disclosure.ts), then percentages, mean, median and ranks from the published counts only.
import type { CountQuestion, VersionTally } from '../../server/store';
import { codeKey, type QuestionInfo } from '../questions';
import { addKeys, publishedValue, showCount, type Disclosure, type KeyedCount } from './disclosure';
import { isHidden, partitionCells } from './suppress';
import type { ChoiceCount, Count, QuestionAggregate } from './types';

/** Per version, its count plan by question name: what each index of a tally means. */
export type PlansByVersion = ReadonlyMap<number, ReadonlyMap<string, CountQuestion>>;

export interface QuestionSums {
  asked: number;
  answered: number;
  /** By codeKey(code); matrix `codeKey(row) codeKey(column)`; ranking `codeKey(choice) rank`, NUL-separated. */
  cells: Map<string, number>;
  /** The cell keys of the same sets (sums of record keys mod 2^32). */
  askedKey: number;
  answeredKey: number;
  cellKeys: Map<string, number>;
}

const pair = (a: string, b: string | number) => `${a}\u0000${b}`;

function cellKey(plan: CountQuestion, i: number): string {
  switch (plan.kind) {
    case 'single':
    case 'multi':
    case 'entries':
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
  const sums: QuestionSums = {
    asked: 0,
    answered: 0,
    cells: new Map(),
    askedKey: 0,
    answeredKey: 0,
    cellKeys: new Map(),
  };
  for (const t of tallies) {
    const tally = t.questions.get(name);
    const plan = plans.get(t.version)?.get(name);
    if (!tally || !plan) continue;
    sums.asked += t.responses;
    sums.askedKey = addKeys(sums.askedKey, t.responsesKey);
    sums.answered += tally.answered;
    sums.answeredKey = addKeys(sums.answeredKey, tally.answeredKey);
    tally.counts.forEach((n, i) => {
      if (n === 0) return;
      const key = cellKey(plan, i);
      sums.cells.set(key, (sums.cells.get(key) ?? 0) + n);
      sums.cellKeys.set(key, addKeys(sums.cellKeys.get(key) ?? 0, tally.keys[i]!));
    });
  }
  return sums;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean and median of the numeric rate values, from their (published) distribution, in the choices' order. */
function ratingStats(
  info: QuestionInfo,
  counts: readonly number[],
): { mean: number | null; median: number | null } {
  const numeric = info.choices
    .map((c, i) => ({ code: c.code, n: counts[i]! }))
    .filter((c) => typeof c.code === 'number')
    .map((c) => ({ value: c.code as number, n: c.n }))
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

/**
 * `total` is the published number of responses in the filter (the denominator of `asked`). Every count is published
 * for the reader (`d`); shares, means, medians and ranks are worked out from the published counts, so nothing shown
 * is a function of a true count the reader may not see. An exact reader keeps the old complementary suppression of
 * partitions (their print-outs may travel); a protected reader's cells are each perturbed, which needs none.
 */
export function aggregateQuestion(
  info: QuestionInfo,
  sums: QuestionSums,
  total: number,
  d: Disclosure,
): QuestionAggregate {
  const { k } = d;
  const pub = (count: number, key: number) => publishedValue(d, { count, key });
  const published = (key: string) => {
    const count = sums.cells.get(key) ?? 0;
    return count === 0 ? 0 : pub(count, sums.cellKeys.get(key) ?? 0);
  };
  const askedN = pub(sums.asked, sums.askedKey);
  const answeredN = pub(sums.answered, sums.answeredKey);
  const asked = showCount(askedN, total, k);
  const answered = showCount(answeredN, askedN, k, isHidden(asked));
  const hidden = isHidden(answered);
  /** Cells that add up to a shown total (one answer each): see partitionCells for exact readers. */
  const partition = (counts: number[], of: number, ofHidden: boolean) =>
    d.exact ? partitionCells(counts, of, k, ofHidden) : counts.map((n) => showCount(n, of, k, ofHidden));
  const base = {
    name: info.name,
    type: info.type,
    shape: info.shape,
    title: info.title,
    versions: [...info.versions],
    asked,
    answered,
  };
  const of = (code: QuestionInfo['choices'][number]['code']) => published(codeKey(code));
  switch (info.shape) {
    case 'single':
    case 'boolean':
      return {
        ...base,
        kind: 'choice',
        choices: choiceCounts(
          info,
          partition(
            info.choices.map((c) => of(c.code)),
            answeredN,
            hidden,
          ),
        ),
      };
    case 'rating': {
      const counts = info.choices.map((c) => of(c.code));
      const cells = partition(counts, answeredN, hidden);
      const stats = hidden ? { mean: null, median: null } : ratingStats(info, counts);
      return { ...base, kind: 'rating', choices: choiceCounts(info, cells), ...stats };
    }
    case 'multiple':
      return {
        ...base,
        kind: 'multiple',
        choices: choiceCounts(
          info,
          info.choices.map((c) => showCount(of(c.code), answeredN, k, hidden)),
        ),
      };
    case 'matrix':
      return {
        ...base,
        kind: 'matrix',
        columns: info.choices.map((c) => ({ code: c.code, label: c.label })),
        rows: info.rows.map((row) => {
          const keys = info.choices.map((c) => pair(codeKey(row.code), codeKey(c.code)));
          // A row's respondents are its cells' respondents (one column each): their count and key add up.
          const rowSet = keys.reduce<KeyedCount>(
            (acc, key) => ({
              count: acc.count + (sums.cells.get(key) ?? 0),
              key: addKeys(acc.key, sums.cellKeys.get(key) ?? 0),
            }),
            { count: 0, key: 0 },
          );
          const rowN = publishedValue(d, rowSet);
          const rowAnswered = showCount(rowN, answeredN, k, hidden);
          return {
            code: row.code,
            label: row.label,
            answered: rowAnswered,
            cells: partition(
              keys.map((key) => published(key)),
              rowN,
              isHidden(rowAnswered),
            ),
          };
        }),
      };
    case 'ranking': {
      const choices = info.choices.length;
      const rankKeys = info.choices.map((c) =>
        Array.from({ length: choices }, (_, r) => pair(codeKey(c.code), r + 1)),
      );
      const byRank = rankKeys.map((keys) => keys.map((key) => published(key)));
      // Ranks past the deepest one anybody used (selectToRank with at most five) would only be columns of zeros.
      const depth = Math.max(1, ...byRank.map((ranks) => ranks.findLastIndex((n) => n > 0) + 1));
      return {
        ...base,
        kind: 'ranking',
        choices: info.choices.map((c, i) => {
          const ranks = byRank[i]!;
          // Who ranked it at all: the respondents of its rank cells (one rank each), published as one set.
          const rankedSet = rankKeys[i]!.reduce<KeyedCount>(
            (acc, key) => ({
              count: acc.count + (sums.cells.get(key) ?? 0),
              key: addKeys(acc.key, sums.cellKeys.get(key) ?? 0),
            }),
            { count: 0, key: 0 },
          );
          const rankedCell = showCount(publishedValue(d, rankedSet), answeredN, k, hidden);
          // The mean rank of the published ranks: a hidden true rank count never enters it.
          const inRanks = ranks.reduce((s, n) => s + n, 0);
          const weighted = ranks.reduce((s, n, r) => s + n * (r + 1), 0);
          return {
            code: c.code,
            label: c.label,
            ranked: rankedCell,
            first: showCount(ranks[0] ?? 0, answeredN, k, hidden),
            meanRank: isHidden(rankedCell) || inRanks === 0 ? null : round2(weighted / inRanks),
            ranks: ranks.slice(0, depth).map((n) => showCount(n, answeredN, k, hidden)),
          };
        }),
      };
    }
    default:
      return { ...base, kind: 'answered', listable: info.shape === 'text' };
  }
}
