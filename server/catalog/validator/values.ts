// Value helpers with survey-core's exact semantics (emptiness) and JSON-typed choice sets.
// Everything here runs per response, so it allocates nothing on the happy path.

/** undefined, null and '': no answer at all, whatever the question type (so no type check applies). */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * survey-core's `Helpers.isValueEmpty`: undefined, null, NaN, '', [] and plain objects whose values are all empty.
 * `false` and `0` are answers.
 */
export function isEmptyValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  // Same test as survey-core, quirk included: an own "constructor" key (possible in JSON) makes it non-empty.
  if (
    value !== null &&
    typeof value === 'object' &&
    (value as { constructor?: unknown }).constructor === Object
  ) {
    for (const key of Object.keys(value)) {
      if (!isEmptyValue((value as Record<string, unknown>)[key])) return false;
    }
    return true;
  }
  return !value && value !== 0 && value !== false;
}

/** survey-core's `Question.isEmpty()`: as above, after trimming a string (so "   " is no answer to a required question). */
export function isEmptyAnswer(value: unknown): boolean {
  return isEmptyValue(typeof value === 'string' ? value.trim() : value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export type Primitive = string | number | boolean;

export function isPrimitive(value: unknown): value is Primitive {
  return (
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean'
  );
}

/** Short JSON rendering of a value for error messages, capped so a huge string does not echo back whole. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * A set of choice values compared with JSON-typed equality: when the choices are strings, the number 1 is not
 * the choice "1". The page sends each choice's value with its JSON type, so a mismatch means the request did not
 * come from it, and storing it would split one answer into two in exports and charts.
 */
export class ChoiceSet {
  private readonly values: ReadonlySet<Primitive>;
  private readonly asText: ReadonlyMap<string, Primitive>;

  constructor(readonly list: readonly Primitive[]) {
    this.values = new Set(list);
    this.asText = new Map(list.map((v) => [String(v), v]));
  }

  /** A Set keeps 1 and "1" apart (SameValueZero), which is the JSON-typed equality wanted here. */
  has(value: unknown): boolean {
    return isPrimitive(value) && this.values.has(value);
  }

  /** Why `value` is not a choice, in words that help the author of a client. */
  explainMiss(value: unknown): string {
    const twin = isPrimitive(value) ? this.asText.get(String(value)) : undefined;
    if (twin !== undefined && typeof twin !== typeof value) {
      return `${show(value)} (${jsonTypeOf(value)}) is not a choice: the choice is ${show(twin)} (${jsonTypeOf(twin)}); values keep their JSON type`;
    }
    return `${show(value)} is not one of the choices (${this.preview()})`;
  }

  private preview(): string {
    const shown = this.list.slice(0, 8).map(show).join(', ');
    return this.list.length > 8 ? `${shown}, ...` : shown;
  }
}
