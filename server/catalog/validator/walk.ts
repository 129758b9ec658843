// Compiles a definition into a SurveyPlan: walks the JSON for structure and static flags, and reads each question
// from one compile-time survey-core Model for what survey-core derives (aliases, defaults, generated choices).
import {
  Model,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionCommentModel,
  QuestionMatrixDropdownModel,
  QuestionMatrixDynamicModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
  type Question,
} from 'survey-core';
import { registerCustomProperties } from '../serializer';
import type { SurveyJson } from '../types';
import { singleChoiceAnswer, multiChoiceAnswer, rankingAnswer } from './answer-choices';
import { booleanAnswer, commentAnswer, matrixAnswer, ratingAnswer, textAnswer } from './answer-types';
import { LogicCompiler } from './conditions';
import { DEFAULT_COMMENT_MAX_LENGTH } from './limits';
import { matrixRowsAnswer, multipleTextAnswer, panelDynamicAnswer } from './nested';
import type { AnswerType, SurveyPlan } from './plan';
import { ScopeBuilder, type Json, type ScopeContext } from './scope';
import { refuseUnsupportedSurvey } from './unsupported';
import { isPlainObject } from './values';

export interface CompileOptions {
  regionCodes: readonly string[];
}

function answerOf(
  q: Question,
  raw: Json,
  where: string,
  options: CompileOptions,
  ctx: ScopeContext,
): AnswerType {
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
  if (q instanceof QuestionPanelDynamicModel) return panelDynamicAnswer(q, raw, where, ctx);
  if (q instanceof QuestionMatrixDynamicModel || q instanceof QuestionMatrixDropdownModel)
    return matrixRowsAnswer(q, raw, where, ctx);
  if (q instanceof QuestionMultipleTextModel) return multipleTextAnswer(q, raw, where, ctx);
  throw new Error(`${where}: question type "${type}" is not supported by the server's validator`);
}

export function buildPlan(definition: SurveyJson, options: CompileOptions): SurveyPlan {
  registerCustomProperties();
  refuseUnsupportedSurvey(definition);
  const model = new Model(definition);
  const maxCommentLength =
    Number(model.maxCommentLength) > 0 ? Number(model.maxCommentLength) : DEFAULT_COMMENT_MAX_LENGTH;
  const ctx: ScopeContext = {
    logic: new LogicCompiler(),
    maxCommentLength,
    answerOf: (q, raw, where) => answerOf(q, raw, where, options, ctx),
  };
  // Only the survey's own scope: questions of dynamic panels' templates and matrix columns have scopes of their own.
  const root = new ScopeBuilder(ctx, (name) => model.getQuestionByName(name), '');
  const rawPages = definition.pages ?? [definition];
  if (!Array.isArray(rawPages)) throw new Error('the definition\'s "pages" must be an array');
  const pages = rawPages.map((page: unknown, i) => {
    if (!isPlainObject(page)) throw new Error(`page ${i + 1} is not an object`);
    return root.container(page, 'page', `page ${i + 1}`);
  });
  if (root.questions.length !== model.getAllQuestions(false, false).length)
    throw new Error(
      'the definition holds questions outside pages and panels that the validator cannot place',
    );
  return root.plan(pages);
}
