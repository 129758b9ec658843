// The answer counts' key on PostgreSQL (survey, version, region, briefing, day): the row shape, the WHERE on its
// columns and a vector as bytea. A leaf of its own, so that the counts, the text index and the rejected responses'
// counts share it without importing each other.
import type { CountFilter } from '../store/count-types';

export interface KeyRow {
  survey_id: string;
  version: number;
  region: string;
  briefing: string;
  day: string;
  responses: number;
  counts: Buffer;
}

export const KEY_COLUMNS = 'survey_id, version, region, briefing, day';

/** WHERE on the key columns (answer_counts, answer_records, answer_texts); values travel only as parameters. */
export function keyWhere(filter: CountFilter, alias = ''): { sql: string; params: unknown[] } {
  const a = alias === '' ? '' : `${alias}.`;
  const params: unknown[] = [filter.surveyId];
  const parts = [`${a}survey_id = $1`];
  const add = (fragment: (n: string) => string, value: unknown) => {
    params.push(value);
    parts.push(fragment(`$${params.length}`));
  };
  if (filter.regions !== undefined) add((p) => `${a}region = ANY(${p}::text[])`, filter.regions);
  if (filter.versions !== undefined) add((p) => `${a}version = ANY(${p}::int[])`, filter.versions);
  if (filter.briefings !== undefined) add((p) => `${a}briefing = ANY(${p}::text[])`, filter.briefings);
  if (filter.fromDay !== undefined) add((p) => `${a}day >= ${p}`, filter.fromDay);
  if (filter.toDay !== undefined) add((p) => `${a}day <= ${p}`, filter.toDay);
  return { sql: parts.join(' AND '), params };
}

export const blobOf = (vector: Int32Array) =>
  Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
