// The 20 first-level units of Kazakhstan (ISO 3166-2:KZ), the project's own copy of shared/regions.json.
import regionsFile from './regions.json' with { type: 'json' };
import type { Locale, RegionCode } from './types';

export interface Region {
  code: RegionCode;
  kind: 'region' | 'city';
  name: Record<Locale, string>;
  center: Record<Locale, string>;
}

export const REGIONS: readonly Region[] = regionsFile.regions.map((r) => ({
  ...r,
  code: r.code as RegionCode,
  kind: r.kind === 'city' ? 'city' : 'region',
}));

export const REGION_CODES: readonly RegionCode[] = REGIONS.map((r) => r.code);

const byCode = new Map(REGIONS.map((r) => [r.code as string, r]));

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && byCode.has(value);
}

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}
