// The pure part of storing a response: split personal data off the answers and hash the content.
// Shared by the HTTP route (judge-response.ts) and the demo generator, so both store exactly the same shape.
import { canonicalJson, sha256Hex } from './canonical-json';

/** What a respondent sent, as far as "is this the same submission?" is concerned (the id aside). */
export interface ResponseContent {
  surveyId: string;
  version: number;
  locale: string;
  briefing: string | null;
  startedAt: string | null;
  data: Record<string, unknown>;
}

export interface ResponseRecord {
  /** Answers as sent, without personal data. */
  answers: Record<string, unknown>;
  /** Answers to `pii: true` questions (and their comments); null when none were given. */
  contacts: Record<string, unknown> | null;
  /** sha256 of the canonical content: equal hashes mean an identical retry. */
  contentHash: string;
}

const COMMENT = '-Comment';

/** Splits answers to `pii: true` questions (and their comments) off, to be stored apart. */
export function splitPersonalData(data: Record<string, unknown>, pii: ReadonlySet<string>) {
  // Most responses give no contact details: then the answers are the data, and nothing is copied.
  let any = false;
  for (const name of pii) if (Object.hasOwn(data, name) || Object.hasOwn(data, name + COMMENT)) any = true;
  if (!any) return { answers: data, contacts: null };
  const answers: Record<string, unknown> = {};
  const contacts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const question = key.endsWith(COMMENT) ? key.slice(0, -COMMENT.length) : key;
    if (pii.has(question)) contacts[key] = value;
    else answers[key] = value;
  }
  return { answers, contacts };
}

/**
 * True when JSON.stringify(value) already is canonicalJson(value): plain JSON whose keys are in sorted order at
 * every depth, with nothing JSON.stringify would treat differently (undefined, toJSON, non-finite numbers).
 */
function isCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => item !== undefined && isCanonicalOrder(item));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  let previous: string | undefined;
  for (const key in value) {
    // An own "__proto__" key would be read as the prototype: leave such content to canonicalJson.
    if (key === '__proto__' || !Object.hasOwn(value, key) || (previous !== undefined && !(previous < key)))
      return false;
    previous = key;
    if (!isCanonicalOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * The hash covers the whole content, personal data included, so a retry with other contacts is a conflict.
 * Content built with sorted keys (the demo generator's) skips canonicalJson's re-sorting: same text, less work.
 */
export function contentHash(content: ResponseContent): string {
  // Keys in sorted order, so that only `data` decides which path is taken.
  const hashed = {
    briefing: content.briefing,
    data: content.data,
    locale: content.locale,
    startedAt: content.startedAt,
    survey: content.surveyId,
    version: content.version,
  };
  return sha256Hex(isCanonicalOrder(hashed) ? JSON.stringify(hashed) : canonicalJson(hashed));
}

export function toResponseRecord(content: ResponseContent, pii: ReadonlySet<string>): ResponseRecord {
  return { ...splitPersonalData(content.data, pii), contentHash: contentHash(content) };
}
