// What the answer counts are built from (a count plan per survey version, passed in as plain data) and what the
// store hands back when asked for sums. The index order of `counts` below is the contract with exports/aggregates.

/** A stored choice value: SurveyJS keeps the JSON type, so 1 and "1" are different codes. */
export type CountCode = string | number | boolean;

/**
 * How one question of one version is counted. `counts[i]` of its tally means:
 * - single (radiogroup, dropdown, rating, boolean): respondents whose answer is `values[i]`;
 * - multi (checkbox, tagbox): respondents who chose `values[i]` (a respondent counts once per choice);
 * - matrix: respondents who answered row `rows[r]` with column `columns[c]`, at `i = r * columns.length + c`;
 * - ranking: respondents who put `choices[c]` at rank `k` (1-based), at `i = c * choices.length + (k - 1)`;
 * - answered (text, comment, numbers, other structured answers): no values, only whether it was answered.
 */
export type CountQuestion = (
  | { name: string; kind: 'single' | 'multi'; values: readonly CountCode[] }
  | { name: string; kind: 'matrix'; rows: readonly CountCode[]; columns: readonly CountCode[] }
  | { name: string; kind: 'ranking'; choices: readonly CountCode[] }
  | { name: string; kind: 'answered' }
  /**
   * Counted over a repeat's entries (part `of: 'entries'`): `answered` is the number of entries that answered the
   * field, `counts[i]` the number of entries whose value is (or, for a checkbox, holds) `values[i]`. A respondent
   * adds as many as they have such entries, and their record key as many times.
   */
  | { name: string; kind: 'entries'; values: readonly CountCode[] }
) & {
  /** Present when this counts a part of a grid or repeat answer: `name` is then a key of its own (exports/aggregates/count-parts.ts). */
  part?: CountPart;
};

/**
 * Where a part's value sits in the answer of its question (issue 19): counted as if it were a question of its own.
 * Paths are keys of the stored JSON (object keys are strings, whatever the row values' types).
 * - `cell`: answers[question][path[0]][path[1]]… — a grid's cell (matrixdropdown row, column), a multipletext item;
 * - `entries`: the same path inside each entry of the repeat answers[question] (a dynamic panel or matrix), kind
 *   `entries`; `path: []` counts the entries themselves;
 * - `respondents`: the same, but a respondent counts once for each value found in any of their entries;
 * - `entryCount`: the number of entries, kind `single` with values 1…n (a larger number counts as the last).
 */
export type CountPart =
  | { question: string; of: 'cell' | 'entries' | 'respondents'; path: readonly string[] }
  | { question: string; of: 'entryCount' };

/** Everything one version asks that may be counted or listed: personal-data questions are never in a plan. */
export interface CountPlan {
  surveyId: string;
  version: number;
  questions: readonly CountQuestion[];
  /** Answers keys whose free text the text browser lists: text questions, and `<question>-Comment` texts. */
  texts: readonly string[];
}

/**
 * Which responses to sum. Every field but the last two is a dimension of the counts' key, so any combination is a
 * sum over keys; `review` and `excludeFlagged` then add or take away the few responses that differ.
 * Days are calendar days at UTC+5 (Kazakhstan), inclusive at both ends, as the CSV export's date-only filters.
 */
export interface CountFilter {
  surveyId: string;
  regions?: readonly string[];
  versions?: readonly number[];
  /** Briefing slugs; '' stands for responses that came without a briefing. */
  briefings?: readonly string[];
  fromDay?: string;
  toDay?: string;
  /** `all`: rejected responses too (the kept counts leave them out); see count-adjustments.ts. */
  review?: 'all';
  /** Leave out flagged responses (straight-lining, duplicate, or under this fraction of the version's median time). */
  excludeFlagged?: { fastFraction: number };
}

/**
 * Respondents who answered one question, and its counts in the index order of its CountQuestion; beside each, the
 * cell key of those respondents (sum of their record keys mod 2^32, see exports/aggregates/disclosure.ts).
 */
export interface QuestionTally {
  answered: number;
  counts: number[];
  answeredKey: number;
  keys: number[];
}

/** Sums over the responses of one version in one group. A question is present only if the version asks it. */
export interface VersionTally {
  version: number;
  responses: number;
  /** The cell key of those responses. */
  responsesKey: number;
  questions: Map<string, QuestionTally>;
}

/**
 * How to split the sums: one group for everything, a group per region (summary by region), or a group per answer
 * of a single- or multiple-choice question (a respondent who chose several choices is in several groups).
 */
export type TallyGrouping = { by: 'all' } | { by: 'region' };

export interface TallyGroup {
  /** '' for `all`, the region code, or the by-question's answer code. */
  key: CountCode;
  versions: VersionTally[];
}

/** Response counts along one dimension of the key (coverage), each with the cell key of those responses. */
export interface DimensionCount {
  key: string | number;
  responses: number;
  cellKey: number;
}

/** Response counts along one dimension of the key (coverage). */
export type CoverageDimension = 'region' | 'briefing' | 'version' | 'day';

export interface RecountReport {
  surveys: string[];
  responses: number;
  /** Key rows (survey, version, region, briefing, day) whose response count or answer counts were wrong or missing. */
  keysDiffering: number;
  /** Chunks of per-response records (used by question × question crosstabs) that were wrong or missing. */
  recordChunksDiffering: number;
  /** Free texts indexed for the text browser that were wrong or missing. */
  textsDiffering: number;
}

/** A free-text answer as the text browser lists it. */
export interface TextAnswer {
  id: string;
  version: number;
  region: string;
  briefing: string | null;
  locale: string;
  submittedAt: string;
  text: string;
}

export interface TextQuery {
  filter: CountFilter;
  /** The answers key holding the text: a question name, or `<question>-Comment` for an "other" text. */
  key: string;
  /** Case-insensitive substring, matched on texts lower-cased with JavaScript's Unicode rules (Kazakh, Russian). */
  search?: string;
  offset: number;
  limit: number;
}
