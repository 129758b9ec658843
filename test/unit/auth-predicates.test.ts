// The named permission predicates every reading route uses: region scope, personal data, user management.
import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../server/catalog/regions';
import {
  canExportPersonalData,
  canManageUsers,
  canReadRegion,
  readableRegions,
  type SessionUser,
} from '../../server/http/auth';
import { Problem } from '../../server/domain/problem';

const admin: SessionUser = { id: 1, email: 'admin@example.kz', role: 'admin', regions: null };
const national: SessionUser = { id: 2, email: 'all@example.kz', role: 'analyst', regions: null };
const abai: SessionUser = { id: 3, email: 'abai@example.kz', role: 'analyst', regions: ['KZ-10', 'KZ-55'] };
const author: SessionUser = { id: 4, email: 'author@example.kz', role: 'author', regions: null };

function thrown(fn: () => unknown): Problem {
  try {
    fn();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a Problem');
}

describe('region scope', () => {
  it('a user without a region list reads every one of the 20 regions', () => {
    expect(REGION_CODES.every((code) => canReadRegion(national, code))).toBe(true);
    expect(readableRegions(national, undefined)).toEqual([...REGION_CODES]);
  });

  it('a region-limited analyst reads only their regions', () => {
    expect(canReadRegion(abai, 'KZ-10')).toBe(true);
    expect(canReadRegion(abai, 'KZ-75')).toBe(false);
  });

  it('readableRegions narrows "all regions" to the analyst’s scope, in the catalog’s order', () => {
    expect(readableRegions(abai, undefined)).toEqual(['KZ-10', 'KZ-55']);
    expect(readableRegions(abai, [])).toEqual(['KZ-10', 'KZ-55']);
  });

  it('readableRegions keeps requested regions inside the scope, once each', () => {
    expect(readableRegions(abai, ['KZ-55', 'KZ-55'])).toEqual(['KZ-55']);
    expect(readableRegions(national, ['KZ-75', 'KZ-10'])).toEqual(['KZ-75', 'KZ-10']);
  });

  it('readableRegions throws 403 naming the region when one requested region is outside the scope', () => {
    const problem = thrown(() => readableRegions(abai, ['KZ-10', 'KZ-75']));
    expect(problem.status).toBe(403);
    expect(problem.detail).toMatch(/KZ-75/);
    expect(problem.detail).not.toMatch(/may not read region KZ-10/);
  });

  it('readableRegions throws 400 for a code that is not one of the 20, even for a national user', () => {
    expect(thrown(() => readableRegions(national, ['KZ-99'])).status).toBe(400);
    expect(thrown(() => readableRegions(abai, ['kz-10'])).status).toBe(400);
  });
});

describe('role predicates', () => {
  it('only admins may export personal data or manage users', () => {
    expect([admin, national, abai, author].map(canExportPersonalData)).toEqual([true, false, false, false]);
    expect([admin, national, abai, author].map(canManageUsers)).toEqual([true, false, false, false]);
  });
});
