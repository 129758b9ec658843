// Which questions the free-text browser offers, read from the summary (which already leaves personal-data questions
// out): text and comment questions, then the "Other (please specify)" texts of choice questions.
import type { Count, Labels, SummaryBody } from '../../../server/http/contract/aggregates';

export interface TextQuestion {
  name: string;
  title: Labels;
  /** The texts typed beside a choice question's "Other" item, not a question's own answer. */
  other: boolean;
  /** Respondents who answered (for "Other": who ticked it). */
  answered: Count;
}

export function textQuestions(summary: SummaryBody): TextQuestion[] {
  const own: TextQuestion[] = [];
  const other: TextQuestion[] = [];
  for (const q of summary.questions) {
    if (q.kind === 'answered' && q.listable)
      own.push({ name: q.name, title: q.title, other: false, answered: q.answered });
    if (q.kind === 'choice' || q.kind === 'multiple') {
      const item = q.choices.find((c) => c.special === 'other');
      if (item) other.push({ name: q.name, title: q.title, other: true, answered: item.result });
    }
  }
  return [...own, ...other];
}

/** Splits `text` around case-insensitive matches of `needle` (as the server searched), to mark them. */
export function splitMatches(text: string, needle: string): { text: string; match: boolean }[] {
  const lower = text.toLocaleLowerCase();
  const find = needle.toLocaleLowerCase();
  // Lower-casing can change a string's length (İ → i̇); then positions would not line up, so nothing is marked.
  if (!find || lower.length !== text.length) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (let found = lower.indexOf(find); found >= 0; found = lower.indexOf(find, at)) {
    if (found > at) parts.push({ text: text.slice(at, found), match: false });
    parts.push({ text: text.slice(found, found + find.length), match: true });
    at = found + find.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}
