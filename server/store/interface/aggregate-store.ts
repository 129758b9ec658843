// What the dashboard, coverage and the text browser read: sums of the answer counts and the text index, both kept
// by the store's projections (projection.ts) in each insert's transaction.
import type {
  CountFilter,
  CoverageDimension,
  DimensionCount,
  RecountReport,
  TallyGroup,
  TallyGrouping,
  TextAnswer,
  TextQuery,
} from '../count-types';

export interface AggregateStore {
  /** Sums of answer counts over a filter, grouped; see count-types.ts. */
  tallyAnswers(
    filter: CountFilter,
    grouping: TallyGrouping,
    questions?: readonly string[],
  ): Promise<TallyGroup[]>;
  /** The `questions` tallied per answer to the `by` question (from each response's byte record; yields meanwhile). */
  tallyAnswersByAnswer(filter: CountFilter, by: string, questions: readonly string[]): Promise<TallyGroup[]>;
  /** Responses along one dimension, each with its cell key (the sum of the record keys, disclosure control). */
  countResponsesBy(filter: CountFilter, dimension: CoverageDimension): Promise<DimensionCount[]>;
  /** One page of free-text answers, newest first, searched on the text index. */
  listTextAnswers(query: TextQuery): Promise<{ answers: TextAnswer[]; hasMore: boolean }>;
  /** Rebuilds the counts of these surveys (default: every survey with a plan) from the responses. */
  recountAnswers(surveyIds?: readonly string[]): Promise<RecountReport>;
  /** Surveys whose counts were rebuilt when the store opened, because their count plans had changed. */
  readonly countsRebuilt: readonly RecountReport[];
}
