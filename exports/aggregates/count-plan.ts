// The count plan of each survey version, from the same question metadata as the CSV columns (exports/questions.ts),
// so a chart's codes are the export's codes. Passed to the store at boot as plain data; pii questions are left out.
import type { CountPlan, CountQuestion } from '../../server/store';
import { describeQuestions, type QuestionInfo, type VersionInput } from '../questions';
import { findElement } from '../repeats';
import { countPartsOf, partsOfElement } from './count-parts';

function toCountQuestion(q: QuestionInfo): CountQuestion {
  const codes = (items: QuestionInfo['choices']) => items.map((c) => c.code);
  switch (q.shape) {
    case 'single':
    case 'rating':
    case 'boolean':
      return { name: q.name, kind: 'single', values: codes(q.choices) };
    case 'multiple':
      return { name: q.name, kind: 'multi', values: codes(q.choices) };
    case 'matrix':
      return { name: q.name, kind: 'matrix', rows: codes(q.rows), columns: codes(q.choices) };
    case 'ranking':
      return { name: q.name, kind: 'ranking', choices: codes(q.choices) };
    default:
      // Text, numbers and structured answers are counted as answered only: never by value.
      return { name: q.name, kind: 'answered' };
  }
}

/** The question's count, then those of the parts of its grid or repeat answer (count-parts.ts), if any. */
function countsOf(version: VersionInput, q: QuestionInfo): CountQuestion[] {
  const raw = q.shape === 'matrixdropdown' || q.shape === 'multipletext' || q.shape === 'repeat';
  const element = raw ? findElement(version.definition, q.name) : undefined;
  const parts = element && partsOfElement(element, q.shape);
  return [toCountQuestion(q), ...(parts ? countPartsOf(q.name, parts) : [])];
}

export function countPlanOf(version: VersionInput): CountPlan {
  const questions = describeQuestions([version]).filter((q) => !q.pii);
  return {
    surveyId: version.surveyId,
    version: version.version,
    questions: questions.flatMap((q) => countsOf(version, q)),
    // What the text browser lists: text answers, and the text beside a choice ("other", or a comment area).
    texts: questions.flatMap((q) => [
      ...(q.shape === 'text' ? [q.name] : []),
      ...(q.text ? [`${q.name}-Comment`] : []),
    ]),
  };
}

export function countPlansOf(surveys: readonly { versions: readonly VersionInput[] }[]): CountPlan[] {
  return surveys.flatMap((s) => s.versions.map(countPlanOf));
}
