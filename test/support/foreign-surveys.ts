// Public SurveyJS definitions written by others (test/fixtures/foreign, sources in SOURCES.md), made servable the
// one way Saualnama requires: every survey asks the respondent's region. Nothing else in them is changed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REGION_CODES } from '../../server/catalog/regions';
import type { SurveyJson } from '../../server/catalog/types';

export const FOREIGN_DIR = resolve(import.meta.dirname, '../fixtures/foreign');

/** The definition with a `region` dropdown of the 20 codes first on its first page. */
export function withRegion(definition: SurveyJson): SurveyJson {
  const copy = structuredClone(definition) as SurveyJson & {
    pages?: { elements?: unknown[]; questions?: unknown[] }[];
    elements?: unknown[];
    questions?: unknown[];
  };
  const region = { type: 'dropdown', name: 'region', isRequired: true, choices: [...REGION_CODES] };
  const first = copy.pages?.[0];
  const list = first ? (first.elements ?? first.questions) : (copy.elements ?? copy.questions);
  if (!list) throw new Error('withRegion: the definition has no elements to add the region question to');
  list.unshift(region);
  return copy;
}

export function readForeign(name: string): SurveyJson {
  return withRegion(JSON.parse(readFileSync(join(FOREIGN_DIR, name), 'utf8')) as SurveyJson);
}
