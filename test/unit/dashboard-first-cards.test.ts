// The dashboard renders the first few cards of a survey before the rest (issue 13: the first screen of charts must
// not wait for the last card's render): firstQuestions takes them in order, keeping each card under its page.
import { describe, expect, it } from 'vitest';
import { firstQuestions, groupByPage } from '../../client/workspace/dashboard/survey-pages';

const pages = [
  { name: 'about', title: 'About you', questions: ['region', 'role', 'age'] },
  { name: 'needs', title: 'Needs', questions: ['problems', 'support'] },
  { name: 'roadmap', title: 'Roadmap', questions: ['proposals'] },
];
const questions = ['region', 'role', 'age', 'problems', 'support', 'proposals'].map((name) => ({ name }));

describe('the dashboard’s first cards', () => {
  it('takes the first n questions in order, under their own pages, and stops there', () => {
    const head = firstQuestions(groupByPage(questions, pages), 4);
    expect(head.map((g) => [g.page.name, g.questions.map((q) => q.name)])).toEqual([
      ['about', ['region', 'role', 'age']],
      ['needs', ['problems']],
    ]);
  });

  it('gives every question when n covers them all, and leaves the groups it was given unchanged', () => {
    const groups = groupByPage(questions, pages);
    expect(firstQuestions(groups, 100)).toEqual(groups);
    firstQuestions(groups, 1);
    expect(groups[0]!.questions).toHaveLength(3);
  });
});
