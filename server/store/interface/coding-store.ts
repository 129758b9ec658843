// Coding free-text answers: codebooks, the codes given to answers (two passes), their counts and chosen quotes.
import type {
  AnswerCoding,
  AnswerToCode,
  ChosenQuote,
  CodebookCode,
  CodebookOutcome,
  CodeChanges,
  CodeTallyRow,
  CodingPair,
  CodingPass,
  CodingQueueQuery,
  GivenCode,
  NewCode,
  QueuedAnswer,
} from '../coding-types';
import type { CountFilter } from '../count-types';

export interface CodingStore {
  listCodes(surveyId: string, question: string): Promise<CodebookCode[]>;
  /** Every code of a survey, by question then creation order: the export's code columns. */
  listSurveyCodes(surveyId: string): Promise<CodebookCode[]>;
  getCode(surveyId: string, question: string, code: string): Promise<CodebookCode | undefined>;
  addCode(code: NewCode): Promise<CodebookOutcome>;
  updateCode(
    surveyId: string,
    question: string,
    code: string,
    changes: CodeChanges,
    at: string,
  ): Promise<CodebookOutcome>;
  /** Folds `from` into `into`, keeping every answer's codes; `moved`: answers whose code changed. */
  mergeCodes(
    surveyId: string,
    question: string,
    from: string,
    into: string,
    at: string,
  ): Promise<CodebookOutcome & { moved?: number }>;

  /** The response and its text under `key` (question name or `<question>-Comment`); text '' when unanswered. */
  getAnswerToCode(responseId: string, key: string): Promise<AnswerToCode | undefined>;
  getAnswerCoding(answer: AnswerToCode, question: string, pass: CodingPass): Promise<AnswerCoding | null>;
  /** Replaces an answer's codes in a pass (null: not coded any more); returns what it had before. */
  setAnswerCodes(
    answer: AnswerToCode,
    question: string,
    pass: CodingPass,
    codes: readonly GivenCode[] | null,
    coder: string,
    at: string,
  ): Promise<AnswerCoding | null>;
  /** Codes the answers not yet coded with one code, in one transaction; returns how many were coded. */
  codeAnswers(
    answers: readonly AnswerToCode[],
    question: string,
    codeId: number,
    coder: string,
    at: string,
  ): Promise<number>;

  listCodingQueue(
    query: CodingQueueQuery,
  ): Promise<{ answers: QueuedAnswer[]; total: number; coded: number }>;
  tallyCodes(filter: CountFilter, question: string): Promise<CodeTallyRow[]>;
  listCodingPairs(
    surveyId: string,
    question: string,
    key: string,
    regions: readonly string[],
  ): Promise<CodingPair[]>;
  iterateUncodedTexts(
    filter: CountFilter,
    question: string,
    key: string,
  ): AsyncIterable<{ answer: AnswerToCode; folded: string }>;
  /**
   * Chooses (or chooses again) an answer as a quote under a code; false, writing nothing, when the answer is not
   * coded with it in pass 1. Checked in the write itself, so a coder taking the code off meanwhile cannot leave a
   * quote under a code its answer no longer has.
   */
  chooseQuote(
    codeId: number,
    rowid: number,
    by: string,
    at: string,
    smallRegionConfirmed: boolean,
  ): Promise<boolean>;
  removeQuote(codeId: number, rowid: number): Promise<boolean>;
  listQuotes(surveyId: string, question: string, key: string): Promise<ChosenQuote[]>;
}
