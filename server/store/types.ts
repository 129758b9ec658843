// Domain types the store takes and returns; the HTTP layer and the CLI speak these, never rows.

export interface PublishedVersion {
  surveyId: string;
  version: number;
  sha256: string;
}

/** A version published from the workspace: the definition is kept in the database, not in surveys/. */
export interface StoredDefinition extends PublishedVersion {
  /** The JSON as published; `sha256` is of its canonical form, as for a file. */
  definition: Record<string, unknown>;
  publishedAt: string;
  /** Email of the admin who published it. */
  publishedBy: string;
}

/** A published version whose file no longer matches the hash recorded when it was first served. */
export interface PublishConflict extends PublishedVersion {
  recordedSha256: string;
  publishedAt: string;
}

export interface BriefingTitle {
  kk: string;
  ru: string;
  en: string;
}

export type BriefingCityNames = Partial<Record<'kk' | 'ru' | 'en', string>>;

export interface Briefing {
  slug: string;
  surveyId: string;
  region: string;
  /** The city as first typed; shown where `cityNames` lacks the reader's language. */
  city: string;
  /** The city's name in kk/ru/en, where given. */
  cityNames?: BriefingCityNames;
  /** Calendar date of the event, YYYY-MM-DD. */
  date: string;
  title: BriefingTitle;
  /** ISO times bounding when it takes answers; null or absent: no bound. */
  opensAt?: string | null;
  closesAt?: string | null;
  /** When an admin closed it by hand (ISO time); null or absent: not closed by hand. */
  closedAt?: string | null;
}

/** What PATCH /api/briefings/:slug may change; the slug is the link on printed posters, so it never changes. */
export type BriefingChanges = Partial<Omit<Briefing, 'slug' | 'title'>> & { title?: Partial<BriefingTitle> };

export type UpdateBriefingOutcome =
  | { status: 'updated'; briefing: Briefing }
  | { status: 'not-found' }
  /** The change moves the briefing to another survey while responses name it; nothing was changed. */
  | { status: 'survey-has-responses' };

/** Responses of one briefing in one hour of Kazakhstan's clock (UTC+5): `hour` is `YYYY-MM-DDTHH:00` local. */
export interface BriefingHour {
  hour: string;
  responses: number;
}

/** Responses of some set (a briefing within a reader's regions), and that set's cell key for disclosure control. */
export interface ScopedCount {
  responses: number;
  cellKey: number;
}

/** A response that passed every check, ready to be written. */
export interface NewResponse {
  id: string;
  surveyId: string;
  version: number;
  locale: 'kk' | 'ru' | 'en';
  region: string;
  briefing: string | null;
  startedAt: string | null;
  submittedAt: string;
  /** Answers as sent, without personal data. */
  answers: Record<string, unknown>;
  /** Answers to `pii: true` questions, stored apart; null when none were given. */
  contacts: Record<string, unknown> | null;
  /** sha256 of the canonical request content: equal hashes mean an identical retry. */
  contentHash: string;
  /** Written by `npm run cli -- demo`: removed again by `demo --remove` and the workspace's button. */
  demo?: boolean;
}

export type SubmitOutcome =
  | { status: 'created'; submittedAt: string }
  | { status: 'duplicate'; submittedAt: string }
  | { status: 'conflict' };

export interface StoredResponse {
  id: string;
  surveyId: string;
  version: number;
  locale: string;
  region: string;
  briefing: string | null;
  startedAt: string | null;
  submittedAt: string;
  answers: Record<string, unknown>;
}

export interface ResponseFilter {
  surveyId: string;
  regions?: readonly string[];
  versions?: readonly number[];
  briefing?: string;
  /** Inclusive lower bound on submitted_at (ISO 8601). */
  from?: string;
  /** Exclusive upper bound on submitted_at (ISO 8601). */
  to?: string;
  /** `all`: rejected responses too; by default they are left out (a test, junk: review status, issue 16). */
  review?: 'all';
}
