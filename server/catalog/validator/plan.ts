// The compiled form of one survey version: a tree of containers and questions with their checks, built once.
// walk.ts builds it from the definition; judge.ts runs it against each response.
import type { ValueCheck } from './builtin-validators';
import type { Condition, Expression, Values } from './conditions';
import type { JudgedError, Rule } from './rules';

/** A static property (`visible`, `readOnly`, `isRequired`) or the condition that overrides it. */
export interface Flag {
  fixed: boolean;
  when: Condition | undefined;
}

/** What one question type checks on its value. Messages are English and do not repeat the question's name. */
export interface AnswerType {
  /** Saualnama's stricter checks of a present value: JSON type, choices, structure, length caps. */
  checkShape(value: unknown, errors: JudgedError[], question: string): void;
  /** survey-core's own rules beyond isRequired (min/max/step, minSelectedChoices, ...); the value may be absent. */
  checkCore?: (value: unknown, errors: JudgedError[], question: string) => void;
  /** True when the value includes the "other" choice, which then needs its text. */
  hasOther?: (value: unknown) => boolean;
  /**
   * Judges what a repeat, grid or item list holds (entries, rows, items) against their own scope. Runs when the
   * shape passed, also on an absent value: survey-core shows empty entries then (rowCount, minPanelCount).
   */
  checkNested?: (
    value: unknown,
    values: Values,
    editable: boolean,
    errors: JudgedError[],
    question: string,
  ) => void;
  /** Keys beside the answer that the page fills with computed values (`<name>-total`): refused as computed. */
  computedKeys?: readonly string[];
}

export interface CommentPlan {
  /** `<name>-Comment` (settings.commentSuffix). */
  key: string;
  /** 'other': the text of the "other" choice; 'area': the free comment area (showCommentArea). */
  kind: 'other' | 'area';
  maxLength: number;
}

export interface QuestionPlan {
  element: 'question';
  name: string;
  type: string;
  /** 'answer' takes a value; 'computed' (expression) and 'display' (html, image) must never get one. */
  kind: 'answer' | 'computed' | 'display';
  visible: Flag;
  readOnly: Flag;
  required: Flag;
  answer: AnswerType;
  comment: CommentPlan | undefined;
  validators: readonly ValueCheck[];
  /** For expression questions: computes the value conditions see, as survey-core does on the page. */
  compute: Expression | undefined;
}

export interface ContainerPlan {
  element: 'page' | 'panel';
  name: string;
  visible: Flag;
  readOnly: Flag;
  required: Flag;
  children: readonly (ContainerPlan | QuestionPlan)[];
}

export interface SurveyPlan {
  pages: readonly ContainerPlan[];
  /** Every question, in definition order. */
  questions: readonly QuestionPlan[];
  /** Expression questions, in definition order. */
  computed: readonly QuestionPlan[];
  /** How many times to compute them: more than once only when one expression reads another. */
  computePasses: number;
  /** The keys of `data` that conditions, expressions and expression validators read. */
  logicKeys: readonly string[];
  /** Every key `data` may hold: question names and the comment keys their questions offer. */
  keys: ReadonlySet<string>;
  /** Keys the page writes with computed values (matrix totals) → the question they belong to. */
  computedKeys: ReadonlyMap<string, string>;
}

export function fail(errors: JudgedError[], question: string, rule: Rule, message: string): void {
  errors.push({ question, message, rule });
}

/** How many wrong items one message lists: a hostile value with thousands of them gets a short error. */
export const MAX_LISTED = 3;

/** "a; b; c (and 7 more)" from the first few explanations and the total count. */
export function someOf(shown: readonly string[], total: number): string {
  const more = total > shown.length ? ` (and ${total - shown.length} more)` : '';
  return shown.join('; ') + more;
}
