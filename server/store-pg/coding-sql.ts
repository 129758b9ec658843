// SQL fragments the coding reads share: numbered parameters, and an answer's text read from the response's JSON.
// Values travel only as parameters; `Params` numbers them.

export class Params {
  /** @param values parameters already numbered ($1…), e.g. keyWhere's. */
  constructor(readonly values: unknown[] = []) {}
  /** `$n` of a new parameter. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The answer under `key` (a parameter) when it is a string, else NULL: SQLite's `answers ->> path` as a text. */
export const answerText = (alias: string, key: string) =>
  `CASE WHEN json_typeof(${alias}.answers::json -> ${key}::text) = 'string'
    THEN ${alias}.answers::json ->> ${key}::text END`;

/** The ids as SQLite's group_concat gives them: "3,5", or null for none. */
export const idList = (list: string | null) =>
  list === null || list === '' ? [] : list.split(',').map(Number);

/** A passage from its two columns. */
export const spanOf = (start: number | null, end: number | null) =>
  start === null || end === null ? null : { start, end };
