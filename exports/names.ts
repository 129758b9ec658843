// The column-name rule: `question`, `question/choice`, `question/row/column`. Each segment is the survey's own
// code with a few characters percent-encoded, so a name splits back into its parts however odd the codes are.
import { QUALITY_COLUMNS } from './quality-columns';

/**
 * Characters that would make a name ambiguous or unreadable: `/` (the separator), `%` (the escape itself), `;` (the
 * separator of joined cells and of `__not_asked`) and control characters (invisible, or break lines in tools).
 * Spaces and other punctuation stay as they are: they cannot be confused with the structure.
 */
function escaped(code: number): boolean {
  return code === 0x25 || code === 0x2f || code === 0x3b || code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

function percent(code: number): string {
  return `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Percent-encodes `%`, `/`, `;` and control characters; everything else is kept, Cyrillic included. */
export function encodeSegment(code: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (!escaped(c)) continue;
    out += code.slice(start, i) + percent(c);
    start = i + 1;
  }
  return start === 0 ? code : out + code.slice(start);
}

/** The inverse of encodeSegment (and of the reserved-word escape below): what a tool does to recover a code. */
export function decodeSegment(segment: string): string {
  return segment.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Names of the fixed leading columns, and the trailing not-asked list: no question may take them. */
export const FIXED_COLUMNS = [
  'response_id',
  'survey',
  'version',
  'submitted_at',
  'locale',
  'region',
  'region_name',
  'briefing',
] as const;
export const NOT_ASKED_COLUMN = '__not_asked';

const RESERVED_FIRST = new Set<string>([...FIXED_COLUMNS, NOT_ASKED_COLUMN, ...QUALITY_COLUMNS]);
/** Second segments that name a question's own texts: `q/other` (the "other" text), `q/comment` (comment area). */
const RESERVED_SECOND = new Set(['other', 'comment']);

/** A segment equal to a reserved word gets its first letter percent-encoded: `version` → `%76ersion`. */
function unreserved(segment: string, reserved: ReadonlySet<string>): string {
  return reserved.has(segment) ? percent(segment.charCodeAt(0)) + segment.slice(1) : segment;
}

/** First segment: the question's name. A question called `version` cannot hide the fixed `version` column. */
export function questionSegment(name: string): string {
  return unreserved(encodeSegment(name), RESERVED_FIRST);
}

/** Second (and third) segments: a choice, row, item or matrix column code; `other`/`comment` stay the question's texts. */
export function codeSegment(code: string): string {
  return unreserved(encodeSegment(code), RESERVED_SECOND);
}

export function columnName(question: string, ...codes: string[]): string {
  return [questionSegment(question), ...codes.map(codeSegment)].join('/');
}

/** `other`/`comment` columns are built with this, so they are the only names whose last segment is the bare word. */
export function textColumnName(question: string, which: 'other' | 'comment'): string {
  return `${questionSegment(question)}/${which}`;
}
