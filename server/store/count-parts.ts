// Reads a part of a grid or repeat answer out of a response's answers (CountPart in count-types.ts), so that the
// layout counts it as if it were a question of its own: a grid's cell, a repeat's field over its entries or once per
// respondent, a repeat's number of entries. Pure; shared by both engines through count-layout.ts.
import type { CountPart } from './count-types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Not answered: absent, null, '' and empty arrays or objects; the CSV leaves exactly these cells empty. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function down(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A repeat's entries: SurveyJS stores a dynamic panel or matrix as an array of objects, one per entry. */
const entriesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The function giving a part's value from a response's answers:
 * - cell: the value at the path (a single value, or a checkbox cell's array);
 * - entries: one item per entry that answered the field (`path: []`: every entry, as `true`);
 * - respondents: the distinct values found in any entry (a checkbox field's choices spread out), as a list, so that
 *   a respondent counts once per value however many entries hold it; an answered-only field gives `[true]`;
 * - entryCount: the number of entries, capped at `largest` (the plan's last value), or undefined for none.
 */
export function partReader(part: CountPart, largest: number): (answers: Json) => unknown {
  const question = part.question;
  switch (part.of) {
    case 'cell':
      return (answers) => down(answers[question], part.path);
    case 'entries':
      if (part.path.length === 0) return (answers) => entriesOf(answers[question]).map(() => true);
      return (answers) =>
        entriesOf(answers[question])
          .map((entry) => down(entry, part.path))
          .filter(isAnswered);
    case 'respondents':
      return (answers) => {
        const found = new Set<unknown>();
        for (const entry of entriesOf(answers[question])) {
          const value = down(entry, part.path);
          if (!isAnswered(value)) continue;
          if (Array.isArray(value)) for (const item of value) found.add(item);
          else found.add(isObject(value) ? true : value);
        }
        return [...found];
      };
    case 'entryCount':
      return (answers) => {
        const n = entriesOf(answers[question]).length;
        return n === 0 ? undefined : Math.min(n, largest);
      };
  }
}
