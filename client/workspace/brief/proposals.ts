// Which free-text proposals the brief quotes (pure, so a test can pin the rule): from the most recent answers (the
// text API lists newest first), each distinct text once, skipping answers too short to be a proposal ("жоқ",
// "нет", "-"), at most two per region when the brief covers several, long ones cut at a word. The page says so.
import type { TextBody } from '../../../server/http/contract/aggregates';

export const PROPOSAL_RULE = {
  /** How many the brief quotes: one printed page's worth beside the section heading. */
  shown: 8,
  /** How many recent answers are read to choose from (one request; the text API's largest page). */
  read: 200,
  minWords: 4,
  maxChars: 320,
  /** Per region, when the brief covers several regions: more voices rather than the busiest briefing's. */
  perRegion: 2,
} as const;

export interface Proposal {
  id: string;
  text: string;
  /** The text was longer than maxChars and ends with "…". */
  cut: boolean;
  region: string;
  submittedAt: string;
  /** The language the respondent answered in, for the quote's lang attribute. */
  locale: string;
}

type Answer = TextBody['answers'][number];

/** Spaces and case aside, two answers with the same words are the same proposal. */
const sameKey = (text: string) =>
  text
    .toLocaleLowerCase()
    .replace(/[\s.,;:!?«»"'“”()-]+/gu, ' ')
    .trim();

const words = (text: string) => text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;

function shorten(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const space = text.lastIndexOf(' ', max);
  return { text: `${text.slice(0, space > max / 2 ? space : max).trimEnd()}…`, cut: true };
}

export function pickProposals(answers: readonly Answer[], rule = PROPOSAL_RULE): Proposal[] {
  const several = new Set(answers.map((a) => a.region)).size > 1;
  const seen = new Set<string>();
  const perRegion = new Map<string, number>();
  const picked: Proposal[] = [];
  for (const answer of answers) {
    if (picked.length === rule.shown) break;
    // Answers are kept as typed; line breaks inside a quote would only waste printed lines.
    const text = answer.text.replace(/\s+/gu, ' ').trim();
    const key = sameKey(text);
    if (words(text) < rule.minWords || seen.has(key)) continue;
    if (several && (perRegion.get(answer.region) ?? 0) >= rule.perRegion) continue;
    seen.add(key);
    perRegion.set(answer.region, (perRegion.get(answer.region) ?? 0) + 1);
    picked.push({
      id: answer.id,
      region: answer.region,
      submittedAt: answer.submittedAt,
      locale: answer.locale,
      ...shorten(text, rule.maxChars),
    });
  }
  return picked;
}
