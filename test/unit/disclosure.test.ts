// The perturbation table's promises, checked on the table itself: zero stays zero, noise is bounded by ±2 and has
// mean 0 for every true count, a published count is never negative, the same cell key always gives the same noise,
// and cell keys of disjoint sets add up (so a set gets one key however a query slices it).
import { describe, expect, it } from 'vitest';
import {
  addKeys,
  cellKeyOf,
  KEY_SPACE,
  MAX_NOISE,
  noiseOf,
  perturbationRow,
  publishCount,
  publishedValue,
} from '../../exports/aggregates/disclosure';

describe('the perturbation table', () => {
  it('has rows of probability 1, mean 0 and noise within ±2 that keep counts ≥ 0; zero is never perturbed', () => {
    for (let n = 0; n <= 50; n++) {
      const row = [...perturbationRow(n)];
      expect(row.reduce((s, [, p]) => s + p, 0)).toBeCloseTo(1, 12);
      expect(row.reduce((s, [noise, p]) => s + noise * p, 0)).toBeCloseTo(0, 12);
      for (const [noise] of row) {
        expect(Math.abs(noise)).toBeLessThanOrEqual(MAX_NOISE);
        expect(n + noise).toBeGreaterThanOrEqual(0);
      }
    }
    expect([...perturbationRow(0)]).toEqual([[0, 1]]);
  });

  it('gives each noise as often as the table says over evenly spread cell keys', () => {
    for (const n of [1, 2, 7, 300]) {
      const seen = new Map<number, number>();
      const steps = 1_000_000;
      for (let i = 0; i < steps; i++) {
        const noise = noiseOf(n, Math.floor(((i + 0.5) / steps) * KEY_SPACE));
        seen.set(noise, (seen.get(noise) ?? 0) + 1);
      }
      // Within 0.005: the keys are scrambled before the lookup, so a million of them sample the table (sd < 0.0005).
      for (const [noise, p] of perturbationRow(n)) expect((seen.get(noise) ?? 0) / steps).toBeCloseTo(p, 2);
    }
  });

  it('draws unrelated noises for two sets one respondent apart, whatever that respondent’s record key', () => {
    // Sets S and S plus one respondent have keys `key` and `key + r`. Their noises must agree only as often as two
    // independent draws do (Σp² = 0.26 for a count ≥ 2); a lookup by key ranges made them agree almost always for a
    // small r, so a difference of two counts gave that respondent back.
    const agreeing = (r: number) => {
      let same = 0;
      const steps = 200_000;
      for (let i = 0; i < steps; i++) {
        const key = Math.floor(((i + 0.5) / steps) * KEY_SPACE);
        if (noiseOf(40, key) === noiseOf(41, key + r)) same += 1;
      }
      return same / steps;
    };
    const independent = [...perturbationRow(40).values()].reduce((sum, p) => sum + p * p, 0);
    for (const r of [1, 17, 65_536, 2 ** 31 - 1, 2 ** 32 - 3])
      expect(Math.abs(agreeing(r) - independent), `record key ${r}`).toBeLessThan(0.01);
  });

  it('publishes the same number for the same set every time, and the true count to an exact reader', () => {
    const set = { count: 12, key: 3_000_000_000 };
    const protectedReader = { exact: false, k: 5 };
    const first = publishedValue(protectedReader, set);
    for (let i = 0; i < 10; i++) expect(publishedValue(protectedReader, set)).toBe(first);
    expect(publishedValue({ exact: true, k: 5 }, set)).toBe(12);
    expect(publishedValue(protectedReader, { count: 0, key: 123 })).toBe(0);
  });

  it('adds the keys of disjoint sets modulo 2^32, whatever the order or the sign of the int32 sums', () => {
    const keys = [4_000_000_000, 3_500_000_000, 17, 2 ** 32 - 1];
    const forward = keys.reduce(addKeys, 0);
    const backward = [...keys].reverse().reduce(addKeys, 0);
    expect(forward).toBe(backward);
    expect(forward).toBe((4_000_000_000 + 3_500_000_000 + 17 + 2 ** 32 - 1) % 2 ** 32);
    expect(cellKeyOf(-1)).toBe(2 ** 32 - 1);
  });

  it('shows a published 1 … 4 as "< 5" and withholds a share of a withheld denominator', () => {
    const exact = { exact: true, k: 5 };
    expect(publishCount(exact, { count: 4, key: 0 }, 10)).toEqual({ suppressed: true });
    expect(publishCount(exact, { count: 5, key: 0 }, 10)).toEqual({ count: 5, percent: 50 });
    expect(publishCount(exact, { count: 0, key: 0 }, 10)).toEqual({ count: 0, percent: 0 });
    expect(publishCount(exact, { count: 9, key: 0 }, 10, true)).toEqual({ suppressed: true });
  });
});
