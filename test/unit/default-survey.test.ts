// Which survey a workspace page opens: the address's choice, else the most answered, else the first.
import { describe, expect, test } from 'vitest';
import type { SurveySummary } from '../../client/lib/api';
import { chooseSurvey } from '../../client/workspace/default-survey';

const survey = (id: string): SurveySummary => ({ id, version: 1, title: { default: id }, closed: false });
// Sorted by id, as GET /api/surveys lists them: the feedback form comes first.
const SURVEYS = [survey('briefing-feedback'), survey('roadmap-needs')];

describe('chooseSurvey', () => {
  test('opens the survey with the most responses when the address names none', () => {
    const counts = new Map([
      ['briefing-feedback', 0],
      ['roadmap-needs', 12],
    ]);
    expect(chooseSurvey(SURVEYS, null, counts)?.id).toBe('roadmap-needs');
  });

  test('keeps the survey the address chose, even one with fewer responses', () => {
    const counts = new Map([
      ['briefing-feedback', 0],
      ['roadmap-needs', 12],
    ]);
    expect(chooseSurvey(SURVEYS, 'briefing-feedback', counts)?.id).toBe('briefing-feedback');
  });

  test('opens the first while counts are unknown, missing or equal, and for an unknown id in the address', () => {
    expect(chooseSurvey(SURVEYS, null, null)?.id).toBe('briefing-feedback');
    expect(chooseSurvey(SURVEYS, null, new Map())?.id).toBe('briefing-feedback');
    expect(
      chooseSurvey(
        SURVEYS,
        null,
        new Map([
          ['briefing-feedback', 7],
          ['roadmap-needs', 7],
        ]),
      )?.id,
    ).toBe('briefing-feedback');
    expect(chooseSurvey(SURVEYS, 'gone', new Map([['roadmap-needs', 3]]))?.id).toBe('roadmap-needs');
  });

  test('has nothing to open without surveys', () => {
    expect(chooseSurvey([], null, null)).toBeUndefined();
  });
});
