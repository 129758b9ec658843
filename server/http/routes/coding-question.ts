// The question a coding route is about: a text question, or a choice question's "other" text or comment area, of
// any version of the survey; and codes as the routes show them.
import { describeQuestions, type QuestionInfo } from '../../../exports/questions';
import type { SurveyEntry } from '../../catalog/load';
import type { CodebookCode, GivenCode } from '../../store';
import type { AnswerCodingBody, CodableQuestionBody, CodeBody } from '../contract/coding';
import type { AppDeps } from '../deps';
import { Problem } from '../../domain/problem';

export interface CodableQuestion {
  survey: SurveyEntry;
  info: QuestionInfo;
  source: CodableQuestionBody['source'];
  /** The answers key holding the text (answer_texts.question). */
  key: string;
}

const questionsOf = new WeakMap<SurveyEntry, QuestionInfo[]>();

/** Questions of every version whose free text may be coded; personal data never. */
export function codableQuestions(survey: SurveyEntry): CodableQuestion[] {
  let questions = questionsOf.get(survey);
  if (!questions)
    questionsOf.set(survey, (questions = describeQuestions(survey.versions).filter((q) => !q.pii)));
  return questions.flatMap((info): CodableQuestion[] => {
    if (info.shape === 'text') return [{ survey, info, source: 'answer', key: info.name }];
    if (info.text) return [{ survey, info, source: info.text, key: `${info.name}-Comment` }];
    return [];
  });
}

export function surveyOf(deps: AppDeps, id: string): SurveyEntry {
  const survey = deps.catalog.getSurvey(id);
  if (!survey) throw new Problem('survey-not-found', `There is no survey "${id}".`);
  return survey;
}

/** 404 naming the question when it is not in the survey or has no free text to code. */
export function codableQuestion(survey: SurveyEntry, name: string): CodableQuestion {
  const found = codableQuestions(survey).find((q) => q.info.name === name);
  if (found) return found;
  throw new Problem(
    'not-found',
    `Survey "${survey.id}" has no question "${name}" with free text to code (text questions, and the "other" ` +
      'texts and comments of choice questions, can be coded; contact details never).',
    [{ question: 'question', message: 'no free-text question of this name' }],
  );
}

export const codeBody = (c: CodebookCode): CodeBody => ({
  code: c.code,
  labels: c.labels,
  description: c.description,
  parent: c.parent,
  rules: c.rules,
});

/** Given codes by id → by name, with passages; codes whose id is no longer in the codebook are left out. */
export function codingBody(
  coding: { coder: string; codedAt: string; codes: readonly GivenCode[] } | null,
  names: ReadonlyMap<number, string>,
): AnswerCodingBody | null {
  if (!coding) return null;
  const codes: string[] = [];
  const passages: AnswerCodingBody['passages'] = {};
  for (const given of coding.codes) {
    const name = names.get(given.codeId);
    if (name === undefined) continue;
    codes.push(name);
    if (given.span) passages[name] = given.span;
  }
  return { coder: coding.coder, codedAt: coding.codedAt, codes, passages };
}

export const namesById = (codes: readonly CodebookCode[]) => new Map(codes.map((c) => [c.id, c.code]));
