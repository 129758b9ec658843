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

/** Splits answers to `pii: true` questions (and their comments) off, to be stored apart. */
export function splitPersonalData(data: Record<string, unknown>, pii: ReadonlySet<string>) {
  const answers: Record<string, unknown> = {};
  const contacts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const question = key.endsWith('-Comment') ? key.slice(0, -'-Comment'.length) : key;
    if (pii.has(question)) contacts[key] = value;
    else answers[key] = value;
  }
  return { answers, contacts: Object.keys(contacts).length > 0 ? contacts : null };
}

/** The hash covers the whole content, personal data included, so a retry with other contacts is a conflict. */
export function contentHash(content: ResponseContent): string {
  return sha256Hex(
    canonicalJson({
      survey: content.surveyId,
      version: content.version,
      locale: content.locale,
      briefing: content.briefing,
      startedAt: content.startedAt,
      data: content.data,
    }),
  );
}

export function toResponseRecord(content: ResponseContent, pii: ReadonlySet<string>): ResponseRecord {
  return { ...splitPersonalData(content.data, pii), contentHash: contentHash(content) };
}
