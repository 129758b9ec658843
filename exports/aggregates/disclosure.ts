// Disclosure control for every published count: the cell key method (ABS TableBuilder, the 2021 census round).
// Each response carries a random 32-bit record key (stored at insert); a cell's key is the sum of its
// respondents' record keys mod 2^32, so the same set of respondents always has the same key, however the query
// that selects it is phrased. A fixed perturbation table turns (true count, cell key) into a small zero-mean
// noise. One addition to the textbook method: the noise of a cell is looked up with the cell's key plus the key of
// the query's whole set of respondents (the filter), so two queries whose filters differ by one respondent re-draw
// the noise of every cell, not only of the cells that respondent is in: otherwise subtracting them would show
// which cells changed, i.e. that respondent's answers. The same query, or any phrasing of it that selects the same
// respondents, still gets the same numbers, so repeating it averages nothing away.
// Pure and small on purpose: any route that publishes a count of respondents calls this (see README).
import type { Count } from './types';

/** Cell keys live in [0, 2^32): the sum of record keys wraps around. */
export const KEY_SPACE = 2 ** 32;
/** The largest noise the table adds or takes away. */
export const MAX_NOISE = 2;

/**
 * The perturbation table: per true count, noise values and their probabilities. Every row has mean 0 and keeps a
 * published count ≥ 0; zero is never perturbed (a 0 is not a person). Variance 1.2 from a count of 2 up, 0.7 at 1.
 */
const ROW_OF_ONE: readonly (readonly [noise: number, p: number])[] = [
  [-1, 0.3],
  [0, 0.45],
  [1, 0.2],
  [2, 0.05],
];
const ROW_OF_MANY: readonly (readonly [noise: number, p: number])[] = [
  [-2, 0.1],
  [-1, 0.2],
  [0, 0.4],
  [1, 0.2],
  [2, 0.1],
];

/** The table as data, for the README, the tests and anyone checking the promise (noise → probability). */
export function perturbationRow(count: number): ReadonlyMap<number, number> {
  if (count <= 0) return new Map([[0, 1]]);
  return new Map(count === 1 ? ROW_OF_ONE : ROW_OF_MANY);
}

/** Cumulative thresholds in key space, so a lookup is a few comparisons of integers. */
const cumulative = (row: readonly (readonly [number, number])[]) => {
  let acc = 0;
  return row.map(([noise, p]) => [noise, Math.round((acc += p) * KEY_SPACE)] as const);
};
const CUT_OF_ONE = cumulative(ROW_OF_ONE);
const CUT_OF_MANY = cumulative(ROW_OF_MANY);

/** A sum of record keys (any size, either sign, as adding int32 vectors gives) → the cell key in [0, 2^32). */
export function cellKeyOf(sum: number): number {
  const r = sum % KEY_SPACE;
  return r < 0 ? r + KEY_SPACE : r;
}

/** The cell key of the union of disjoint sets. */
export const addKeys = (a: number, b: number) => cellKeyOf(a + b);

/**
 * Where a key falls in the table: the key scrambled by MurmurHash3's 32-bit finalizer, a bijection (so a uniform key
 * stays uniform and the table's probabilities hold exactly) that sends nearby keys far apart. Without it the noise
 * would be a step function of the key: two sets one respondent apart have keys a fixed distance apart (that
 * respondent's record key), and when that distance is small their noises agree far more often than the table says,
 * so subtracting the two counts would give the respondent back (seen in the averaging attack's test).
 */
function tablePosition(key: number): number {
  let h = cellKeyOf(key);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The noise the table gives a true count with this cell key. */
export function noiseOf(count: number, key: number): number {
  if (count <= 0) return 0;
  const k = tablePosition(key);
  for (const [noise, upTo] of count === 1 ? CUT_OF_ONE : CUT_OF_MANY) if (k < upTo) return noise;
  return 0;
}

/** A set of respondents as the counters see it: how many, and the sum of their record keys. */
export interface KeyedCount {
  count: number;
  key: number;
}

/**
 * How numbers are published to one reader. `exact`: the reader may download these respondents' rows anyway (see
 * seesExactCounts in server/http/auth.ts), so counts are true and only the display hides 1 … k−1. Otherwise every
 * count is perturbed by the table, and every figure derived from counts is derived from the perturbed ones.
 */
export interface Disclosure {
  exact: boolean;
  /** Published counts 1 … k−1 are shown as "< k" (smallCellThreshold). */
  k: number;
  /** The cell key of the query's whole set of respondents (inContext): added to every cell's key. */
  context?: number;
}

/** The disclosure of one query whose filter selects `filter`: every cell's noise depends on it too. */
export const inContext = (d: Disclosure, filter: KeyedCount): Disclosure => ({ ...d, context: filter.key });

/** The number published for a set: its true count for an exact reader, else true count + the table's noise. */
export function publishedValue(d: Disclosure, c: KeyedCount): number {
  return d.exact ? c.count : c.count + noiseOf(c.count, c.key + (d.context ?? 0));
}

export const SUPPRESSED = { suppressed: true } as const satisfies Count;

const percentOf = (count: number, denominator: number) =>
  denominator > 0 ? Math.round((1000 * count) / denominator) / 10 : null;

/**
 * A published number as a Count: 1 … k−1 are withheld ("< k"); zero is shown; a percentage is of the published
 * denominator, and a withheld denominator withholds the cell (a share of a hidden number would give it back).
 */
export function showCount(value: number, denominator: number, k: number, denominatorHidden = false): Count {
  if (denominatorHidden || (value > 0 && value < k)) return SUPPRESSED;
  return { count: value, percent: percentOf(value, denominator) };
}

/** Publish and show in one step: what a new counted thing (codes, grid rows) needs. */
export function publishCount(
  d: Disclosure,
  c: KeyedCount,
  denominator: number,
  denominatorHidden = false,
): Count {
  return showCount(publishedValue(d, c), denominator, d.k, denominatorHidden);
}
