// Compiles a definition into a SurveyPlan: walks the JSON for structure and static flags, and reads each question
// from one compile-time survey-core Model for what survey-core derives (aliases, defaults, generated choices).
import {
  Model,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionCommentModel,
  QuestionMatrixModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
  settings,
  type Question,
} from 'survey-core';
import { registerCustomProperties } from '../serializer';
import type { SurveyJson } from '../types';
import { singleChoiceAnswer, multiChoiceAnswer, rankingAnswer } from './answer-choices';
import { booleanAnswer, commentAnswer, matrixAnswer, ratingAnswer, textAnswer } from './answer-types';
import { compileBuiltinValidator } from './builtin-validators';
import { LogicCompiler, type Expression } from './conditions';
import { DEFAULT_COMMENT_MAX_LENGTH } from './limits';
import type { AnswerType, CommentPlan, ContainerPlan, Flag, QuestionPlan, SurveyPlan } from './plan';
import { refuseUnsupported, refuseUnsupportedSurvey } from './unsupported';
import { isPlainObject } from './values';

export interface CompileOptions {
  regionCodes: readonly string[];
}

type Json = Record<string, unknown>;

function flag(fixed: boolean, when: Flag['when']): Flag {
  return { fixed, when };
}

function flagsOf(raw: Json, where: string, logic: LogicCompiler) {
  const enable = logic.condition(raw.enableIf, `${where} enableIf`);
  return {
    // A condition, when present, overrides the static property, as survey-core's runCondition does.
    visible: flag(raw.visible !== false, logic.condition(raw.visibleIf, `${where} visibleIf`)),
    readOnly: flag(raw.readOnly === true, enable && ((values) => !enable(values))),
    required: flag(raw.isRequired === true, logic.condition(raw.requiredIf, `${where} requiredIf`)),
  };
}

function childrenOf(raw: Json, where: string): Json[] {
  const list = raw.elements ?? raw.questions ?? [];
  if (!Array.isArray(list)) throw new Error(`${where}: "elements" must be an array`);
  return list.map((child: unknown, i) => {
    if (!isPlainObject(child)) throw new Error(`${where}: element ${i + 1} is not an object`);
    return child;
  });
}

/** survey-core's roundValue for expression questions: a precision rounds numbers, Infinity becomes no value. */
function computeOf(q: Question, where: string, logic: LogicCompiler): Expression | undefined {
  const expression = logic.expression(q.getPropertyValue('expression'), `${where} expression`);
  if (!expression) return undefined;
  const precision = Number(q.getPropertyValue('precision'));
  return (values) => {
    const value = expression(values);
    if (value === Infinity) return undefined;
    return precision >= 0 && typeof value === 'number' ? parseFloat(value.toFixed(precision)) : value;
  };
}

function answerOf(q: Question, where: string, options: CompileOptions): AnswerType {
  const type = q.getType();
  if (q.name === 'region' && type !== 'dropdown' && type !== 'radiogroup')
    throw new Error(`${where}: the region question must be a dropdown or radiogroup of region codes`);
  if (q instanceof QuestionRankingModel) return rankingAnswer(q, where);
  if (q instanceof QuestionCheckboxModel) return multiChoiceAnswer(q, where);
  if (q instanceof QuestionSelectBase && (type === 'radiogroup' || type === 'dropdown'))
    return singleChoiceAnswer(q, where, options.regionCodes);
  if (q instanceof QuestionTextModel) return textAnswer(q, where);
  if (q instanceof QuestionCommentModel) return commentAnswer(q);
  if (q instanceof QuestionRatingModel) return ratingAnswer(q, where);
  if (q instanceof QuestionBooleanModel) return booleanAnswer(q, where);
  if (q instanceof QuestionMatrixModel) return matrixAnswer(q, where);
  throw new Error(`${where}: question type "${type}" is not supported by the server's validator`);
}

const ANSWER_TYPES = new Set([
  'text',
  'comment',
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'ranking',
  'rating',
  'boolean',
  'matrix',
]);
const DISPLAY_TYPES = new Set(['html', 'image']);
const NO_ANSWER: AnswerType = { checkShape: () => undefined };

function commentOf(q: Question, maxLength: number): CommentPlan | undefined {
  const key = q.name + settings.commentSuffix;
  if (q.supportOther() && q.getPropertyValue('showOtherItem') === true)
    return { key, kind: 'other', maxLength };
  if (q.supportComment() && q.showCommentArea) return { key, kind: 'area', maxLength };
  return undefined;
}

export function buildPlan(definition: SurveyJson, options: CompileOptions): SurveyPlan {
  registerCustomProperties();
  refuseUnsupportedSurvey(definition);
  const model = new Model(definition);
  const maxCommentLength =
    Number(model.maxCommentLength) > 0 ? Number(model.maxCommentLength) : DEFAULT_COMMENT_MAX_LENGTH;
  const questions: QuestionPlan[] = [];
  const keys = new Set<string>();
  const logic = new LogicCompiler();

  function question(raw: Json, where: string): QuestionPlan {
    const name = raw.name;
    if (typeof name !== 'string' || name === '') throw new Error(`${where}: a question without a name`);
    where = `question "${name}"`;
    if (name === '__proto__') throw new Error(`${where}: the name is reserved`);
    const q = model.getQuestionByName(name);
    if (!q) throw new Error(`${where}: survey-core did not load it (unknown type "${String(raw.type)}"?)`);
    const type = q.getType();
    if (!ANSWER_TYPES.has(type) && !DISPLAY_TYPES.has(type) && type !== 'expression')
      throw new Error(`${where}: question type "${type}" is not supported by the server's validator`);
    refuseUnsupported(raw, q, where);
    const kind = type === 'expression' ? 'computed' : DISPLAY_TYPES.has(type) ? 'display' : 'answer';
    const comment = kind === 'answer' ? commentOf(q, maxCommentLength) : undefined;
    for (const key of comment ? [name, comment.key] : [name]) {
      if (keys.has(key))
        throw new Error(`${where}: "${key}" is used twice (question names and their comments)`);
      keys.add(key);
    }
    const plan: QuestionPlan = {
      element: 'question',
      name,
      type,
      kind,
      ...flagsOf(raw, where, logic),
      answer: kind === 'answer' ? answerOf(q, where, options) : NO_ANSWER,
      comment,
      validators: kind === 'answer' ? q.validators.map((v) => compileBuiltinValidator(v, where, logic)) : [],
      compute: kind === 'computed' ? computeOf(q, where, logic) : undefined,
    };
    questions.push(plan);
    return plan;
  }

  function container(raw: Json, element: 'page' | 'panel', where: string): ContainerPlan {
    const name = typeof raw.name === 'string' ? raw.name : '';
    where = `${element} "${name}"`;
    const children = childrenOf(raw, where).map((child, i) => {
      const at = `${where}, element ${i + 1}`;
      if (child.type === 'panel') return container(child, 'panel', at);
      return question(child, at);
    });
    return { element, name, ...flagsOf(raw, where, logic), children };
  }

  const rawPages = definition.pages ?? [definition];
  if (!Array.isArray(rawPages)) throw new Error('the definition\'s "pages" must be an array');
  const pages = rawPages.map((page: unknown, i) => {
    if (!isPlainObject(page)) throw new Error(`page ${i + 1} is not an object`);
    return container(page, 'page', `page ${i + 1}`);
  });
  if (questions.length !== model.getAllQuestions(false, true).length)
    throw new Error(
      'the definition holds questions outside pages and panels that the validator cannot place',
    );
  const computed = questions.filter((q) => q.compute);
  return {
    pages,
    questions,
    computed,
    // One pass computes every expression unless one reads another (then survey-core settles them over passes).
    computePasses: computed.some((q) => logic.reads(q.name)) ? computed.length + 1 : 1,
    keys,
    logicKeys: [...keys].filter((key) => logic.reads(key)),
  };
}
