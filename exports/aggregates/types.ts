// The JSON the aggregate APIs return (summary, crosstab, coverage, text): the contract the dashboard codes
// against. The client imports these types only. Every count is published through disclosure.ts (perturbed unless
// the reader may see exact counts) and shown as "< k" when it is 1 … k−1.
import type { Code, Labels, Shape } from '../questions';

export type { Code, Labels, Shape };

/**
 * A number of respondents. `percent` (0–100, one decimal) is of the denominator the field's comment names, null when
 * that denominator is 0. `{suppressed: true}` replaces count and percent when the count is 1 … k−1 (k =
 * smallCellThreshold), when the cell could be worked out from suppressed neighbours, or when its denominator is
 * itself suppressed: show "< k" and nothing else.
 */
export type Count = { count: number; percent: number | null; suppressed?: never } | { suppressed: true };

export interface ChoiceCount {
  code: Code;
  label: Labels;
  /** SurveyJS's generated items: none, refused, don't know, other (whose text the text API lists). */
  special?: 'none' | 'refused' | 'dontknow' | 'other';
  /** Percent of `answered` (for checkboxes too: the share of respondents who chose it; they add up past 100). */
  result: Count;
}

interface QuestionBase {
  name: string;
  /** SurveyJS type in the newest chosen version asking it (radiogroup, checkbox, rating, matrix, ranking, ...). */
  type: string;
  shape: Shape;
  title: Labels;
  /** Chosen versions that ask it: responses of other versions are not in its denominators. */
  versions: number[];
  /** Responses of those versions in the filter; percent of all responses in the filter. */
  asked: Count;
  /** Asked and gave a non-empty answer; percent of `asked`. The denominator of every cell below. */
  answered: Count;
}

/** radiogroup, dropdown, boolean: one answer each, cells add up to `answered`. */
export interface ChoiceAggregate extends QuestionBase {
  kind: 'choice';
  choices: ChoiceCount[];
}

/** checkbox, tagbox: cells are shares of respondents who answered. */
export interface MultipleAggregate extends QuestionBase {
  kind: 'multiple';
  choices: ChoiceCount[];
}

/** rating: the distribution, and the mean and median of the numeric values (null when suppressed or not numbers). */
export interface RatingAggregate extends QuestionBase {
  kind: 'rating';
  choices: ChoiceCount[];
  mean: number | null;
  median: number | null;
}

/** matrix: per row, the distribution over the columns; percent of the row's `answered`. */
export interface MatrixAggregate extends QuestionBase {
  kind: 'matrix';
  columns: { code: Code; label: Labels }[];
  rows: { code: Code; label: Labels; answered: Count; cells: Count[] }[];
}

/** ranking: per choice, how many ranked it, how many put it first, the mean rank, and the count at each rank. */
export interface RankingAggregate extends QuestionBase {
  kind: 'ranking';
  choices: {
    code: Code;
    label: Labels;
    /** Ranked it at all; percent of `answered`. */
    ranked: Count;
    /** Ranked it first; percent of `answered` ("share ranked first"). */
    first: Count;
    /** Mean of its ranks (1 = most important) among those who ranked it; null when `ranked` is suppressed. */
    meanRank: number | null;
    /** ranks[k - 1]: put it at rank k; percent of `answered`. */
    ranks: Count[];
  }[];
}

/** text, comment, numbers and other structured answers: counted as answered only, never by value. */
export interface AnsweredAggregate extends QuestionBase {
  kind: 'answered';
  /** The free text can be read through GET /api/surveys/:id/text/:question. */
  listable: boolean;
  /** A grid (matrixdropdown) by column, or a multipletext's items as one column (issue 19). */
  grid?: GridColumn[];
  /** A repeating group (dynamic panel, dynamic matrix): entries per respondent and each field over the entries. */
  repeat?: RepeatCounts;
}

/** How a grid cell or a repeat's field is counted: one value, several (checkbox), or as answered only (text). */
export type PartShape = 'single' | 'multiple' | 'answered';

/** One column of a grid (a multipletext's items make one column, code ''): each row's answers to it. */
export interface GridColumn {
  code: Code;
  label: Labels;
  /** SurveyJS cell type: dropdown, radiogroup, rating, boolean, checkbox, text, comment, … */
  cellType: string;
  shape: PartShape;
  values: { code: Code; label: Labels }[];
  /**
   * `answered`: respondents who answered this row's cell, percent of the question's `answered`. `cells[i]`:
   * respondents with `values[i]`, percent of the row's answered (a single value's cells add up to it).
   */
  rows: { code: Code; label: Labels; answered: Count; cells: Count[] }[];
}

/**
 * A field of a repeat's entries: a template question, a matrix column, or a row or cell of a grid inside the entry.
 * Entry counts are shown only where the respondents behind them are: many entries may come from one person.
 */
export interface RepeatField {
  /** Keys inside an entry: [field], [field, row] or [field, row, column]. */
  path: string[];
  /** A label per step of the path: the field's title, then the row's and the column's. */
  labels: Labels[];
  cellType: string;
  shape: PartShape;
  /**
   * `entries`: entries that answered it, percent of all entries. `respondents`: respondents with at least one such
   * entry, percent of the respondents with an entry (the question's `answered`).
   */
  answered: { entries: Count; respondents: Count };
  /** Entries with the value (percent of the field's answered entries); respondents with at least one (of its). */
  values: { code: Code; label: Labels; entries: Count; respondents: Count }[];
}

export interface RepeatCounts {
  /** Entries of all respondents in the filter (percent null). */
  entries: Count;
  /**
   * Respondents asked, by their number of entries, 0 first; percent of `asked`. With `orMore`, the last counts
   * respondents with that many entries or more.
   */
  perRespondent: { entries: number; orMore?: true; respondents: Count }[];
  fields: RepeatField[];
}

export type QuestionAggregate =
  | ChoiceAggregate
  | MultipleAggregate
  | RatingAggregate
  | MatrixAggregate
  | RankingAggregate
  | AnsweredAggregate;

/** The filters as applied: regions are those the reader may see when none were asked for. Days are UTC+5 dates. */
export interface AppliedFilters {
  regions: string[];
  versions: number[];
  briefing: string | null;
  from: string | null;
  to: string | null;
  /** Present when rejected responses were counted too (`review=all`). */
  review?: 'all';
  /** Present when flagged responses were left out (`flagged=exclude`). */
  flagged?: 'exclude';
}

export interface SummaryBody {
  survey: string;
  filters: AppliedFilters;
  smallCellThreshold: number;
  /**
   * Present (true) when the counts are perturbed for this reader by the cell key method (±2 at most, see the
   * README's "How small groups are protected"); absent when the reader may see exact counts.
   */
  perturbed?: true;
  /** Responses in the filter; percent is null. */
  responses: Count;
  /** Every question of the chosen versions in the newest version's order, personal-data questions left out. */
  questions: QuestionAggregate[];
}

export interface CrosstabGroup {
  code: Code;
  label: Labels;
  /** Responses in the group; percent of the filter's responses. */
  responses: Count;
  /** No responses at all: highlight rather than leave out. */
  empty: boolean;
  aggregate: QuestionAggregate;
}

export interface CrosstabBody {
  survey: string;
  filters: AppliedFilters;
  smallCellThreshold: number;
  /** As in SummaryBody. */
  perturbed?: true;
  question: string;
  /** By region: every region the reader may see, in the regions' order. By a question: each of its choices. */
  by: { kind: 'region' } | { kind: 'question'; name: string; title: Labels; shape: Shape };
  groups: CrosstabGroup[];
  /** The question over the whole filter (as in the summary). */
  total: QuestionAggregate;
}

export interface CoverageBody {
  survey: string;
  filters: AppliedFilters;
  smallCellThreshold: number;
  /** As in SummaryBody. */
  perturbed?: true;
  responses: Count;
  /** Every region the reader may see, zeros included (`none: true`), in the regions' order. */
  regions: { code: string; name: Labels; responses: Count; none: boolean; briefings: number }[];
  /** The survey's briefings in the reader's regions, by date; `none: true` for one without responses yet. */
  briefings: {
    slug: string;
    region: string;
    city: string;
    date: string;
    title: Labels;
    responses: Count;
    none: boolean;
  }[];
  /** Responses that came through the survey's own link, not a briefing's. */
  outsideBriefings: Count;
  versions: { version: number; responses: Count }[];
  /** Days (UTC+5) with responses, ascending. */
  days: { day: string; responses: Count }[];
}

export interface TextBody {
  survey: string;
  filters: AppliedFilters;
  question: { name: string; title: Labels; source: 'answer' | 'other' | 'comment' };
  q: string | null;
  page: number;
  pageSize: number;
  /** All answers in the filter (null when searching: a search stops reading once the page is full). */
  total: number | null;
  hasMore: boolean;
  answers: {
    id: string;
    version: number;
    region: string;
    briefing: string | null;
    locale: string;
    submittedAt: string;
    text: string;
  }[];
}
