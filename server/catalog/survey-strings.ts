// A survey version's texts as rows (JSON path, English, Kazakh, Russian) for translators, and the way back: rows
// applied to the same structure make the next version's definition. Pure: no files, no spreadsheet format here.
import { LABEL_LISTS, LOCALIZABLE } from './translations';
import type { SurveyJson } from './types';

export interface StringRow {
  /** JSON path inside the definition, e.g. pages[1].elements[3].choices[2].text */
  path: string;
  en: string;
  kk: string;
  ru: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isLocalized = (v: unknown): v is Json =>
  isObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => /^(default|[a-z]{2})$/.test(k));
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Every text a respondent may see, in document order; a plain string counts as English without kk and ru. */
export function surveyStrings(definition: SurveyJson): StringRow[] {
  const rows: StringRow[] = [];
  const take = (value: unknown, path: string) => {
    if (typeof value === 'string') rows.push({ path, en: value, kk: '', ru: '' });
    else if (isLocalized(value))
      rows.push({ path, en: text(value.default), kk: text(value.kk), ru: text(value.ru) });
  };
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const here = path ? `${path}.${key}` : key;
      if (LOCALIZABLE.has(key) && (typeof value === 'string' || isLocalized(value))) take(value, here);
      else if (LABEL_LISTS.has(key) && Array.isArray(value))
        value.forEach((item, i) =>
          typeof item === 'string' && key !== 'rateValues'
            ? take(item, `${here}[${i}]`)
            : walk(item, `${here}[${i}]`),
        );
      else walk(value, here);
    }
  };
  walk(definition, '');
  return rows;
}

export type ApplyResult = { ok: true; definition: SurveyJson } | { ok: false; problems: string[] };

/**
 * The definition with each row's texts in place of the old ones. Refuses (naming the rows) any change of structure:
 * a path missing, added or repeated. Questions, choices and their codes change in the JSON, never in a sheet.
 */
export function applyStrings(definition: SurveyJson, rows: readonly StringRow[]): ApplyResult {
  const expected = surveyStrings(definition).map((r) => r.path);
  const known = new Set(expected);
  const given = new Set<string>();
  const problems: string[] = [];
  for (const row of rows) {
    if (!known.has(row.path)) problems.push(`row "${row.path}" is not a text of this version`);
    else if (given.has(row.path)) problems.push(`row "${row.path}" appears twice`);
    given.add(row.path);
  }
  for (const path of expected)
    if (!given.has(path)) problems.push(`row "${path}" is missing (rows may not be removed)`);
  if (problems.length > 0) return { ok: false, problems };

  const next = structuredClone(definition);
  for (const row of rows) {
    const localized: Json = { default: row.en.trim() };
    if (row.kk.trim() !== '') localized.kk = row.kk.trim();
    if (row.ru.trim() !== '') localized.ru = row.ru.trim();
    setAt(next, row.path, localized);
  }
  return { ok: true, definition: next };
}

/** Sets the value at a path made by surveyStrings (`a.b[2].c`). */
function setAt(root: Json, path: string, value: unknown): void {
  const steps = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : m[1]!,
  );
  let node: unknown = root;
  for (const step of steps.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  (node as Record<string | number, unknown>)[steps.at(-1)!] = value;
}
