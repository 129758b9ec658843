// What the coding store takes and returns: codebooks (codes per survey and question), the codes given to answers,
// and their counts. Codes are referred to by id inside the store; the HTTP layer speaks their short names.
import type { CountFilter } from './count-types';

export interface CodeLabels {
  kk: string;
  ru: string;
  en: string;
}

/** A suggestion rule: a word form list or a phrase, matched on the folded text (server/domain/coding-rules.ts). */
export type CodeRule = string;

export interface CodebookCode {
  id: number;
  surveyId: string;
  question: string;
  code: string;
  labels: CodeLabels;
  description: string;
  /** The parent's short name; codes have two levels at most. */
  parent: string | null;
  rules: CodeRule[];
  createdAt: string;
  updatedAt: string;
}

export interface NewCode {
  surveyId: string;
  question: string;
  code: string;
  labels: CodeLabels;
  description: string;
  parent: string | null;
  rules: CodeRule[];
  at: string;
}

export type CodeChanges = Partial<Pick<NewCode, 'code' | 'description' | 'parent' | 'rules'>> & {
  labels?: Partial<CodeLabels>;
};

/** Why a codebook change was refused (nothing was written). */
export type CodebookRefusal =
  | 'code-exists'
  | 'code-not-found'
  | 'parent-not-found'
  /** The parent is itself a child, or the code has children and would become one: three levels. */
  | 'too-deep';

export type CodebookOutcome = { ok: true; code: CodebookCode } | { ok: false; refusal: CodebookRefusal };

/** One code given to an answer, with an optional passage of the text (UTF-16 offsets, end exclusive). */
export interface GivenCode {
  codeId: number;
  span: { start: number; end: number } | null;
}

/** A stored answer to code, with what the counts are kept on. */
export interface AnswerToCode {
  rowid: number;
  responseId: string;
  surveyId: string;
  version: number;
  region: string;
  briefing: string | null;
  submittedAt: string;
  locale: string;
  /** The response's record key (migration 0008): coding counts keep key sums for the cell key method. */
  recordKey: number;
  text: string;
}

/** 1: the coding that counts; 2: a second coder's blind sample, for agreement only. */
export type CodingPass = 1 | 2;

export interface AnswerCoding {
  coder: string;
  codedAt: string;
  codes: GivenCode[];
}

/** An answer in the coding queue, with its codes in the pass asked for (null: not coded yet). */
export interface QueuedAnswer {
  responseId: string;
  version: number;
  region: string;
  briefing: string | null;
  locale: string;
  submittedAt: string;
  text: string;
  coding: AnswerCoding | null;
}

export interface CodingQueueQuery {
  filter: CountFilter;
  question: string;
  /** The answers key holding the text: the question's name, or `<question>-Comment`. */
  key: string;
  pass: CodingPass;
  /** Which answers: every one, only those not yet coded in this pass, or (second pass) those the first pass coded. */
  state: 'all' | 'uncoded' | 'sample';
  offset: number;
  limit: number;
}

/** Coded answers (codeId 0) and answers tagged with each code, per region, over a filter. */
export interface CodeTallyRow {
  region: string;
  codeId: number;
  n: number;
  /** Sum of the respondents' record keys (any size: the caller takes it mod 2^32). */
  keys: number;
}

/** Both passes' codes of one answer the two coders both coded. */
export interface CodingPair {
  responseId: string;
  region: string;
  text: string;
  first: number[];
  second: number[];
}

export interface ChosenQuote {
  codeId: number;
  responseId: string;
  region: string;
  text: string;
  span: { start: number; end: number } | null;
  chosenBy: string;
  smallRegionConfirmed: boolean;
}
