// Cohen's kappa per code against a table worked out by hand, and the suggestion rules on Kazakh and Russian forms.
import { describe, expect, it } from 'vitest';
import { cohensKappa } from '../../server/domain/agreement';
import { compileRules, ruleProblem } from '../../server/domain/coding-rules';
import { withoutContacts } from '../../server/domain/quote-text';

describe('cohensKappa', () => {
  // Ten answers coded by both. Code 1: both 4, first only 1, second only 2, neither 3.
  //   pₒ = 7/10 = 0.7; first says yes 5/10, second 6/10; pₑ = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
  // Code 2: both 2, neither 8: pₒ = 1, pₑ = 0.2·0.2 + 0.8·0.8 = 0.68, κ = 1.
  // Code 3: nobody gave it: pₑ = 1, κ undefined (null) although they agree on every answer.
  const pairs = [
    { first: [1, 2], second: [1, 2] },
    { first: [1, 2], second: [1, 2] },
    { first: [1], second: [1] },
    { first: [1], second: [1] },
    { first: [1], second: [] },
    { first: [], second: [1] },
    { first: [], second: [1] },
    { first: [], second: [] },
    { first: [], second: [] },
    { first: [], second: [] },
  ];

  it('matches the hand-computed kappa, observed agreement and table per code', () => {
    const [one, two, three] = cohensKappa([1, 2, 3], pairs);
    expect(one).toMatchObject({
      answers: 10,
      both: 4,
      firstOnly: 1,
      secondOnly: 2,
      neither: 3,
      observed: 0.7,
    });
    expect(one!.kappa).toBeCloseTo(0.4, 10);
    expect(two!.kappa).toBeCloseTo(1, 10);
    expect(three).toMatchObject({ both: 0, neither: 10, observed: 1, kappa: null });
  });

  it('gives no kappa without answers coded by both', () => {
    expect(cohensKappa([1], [])[0]).toMatchObject({ answers: 0, kappa: null });
  });

  it('is negative when the coders disagree more than chance', () => {
    const [k] = cohensKappa(
      [1],
      [
        { first: [1], second: [] },
        { first: [], second: [1] },
      ],
    );
    expect(k!.kappa).toBeCloseTo(-1, 10);
  });
});

describe('suggestion rules', () => {
  const premises = compileRules(['орталы*', 'ғимарат*', 'помещени*', 'волонтер* центр*']);

  it('match Kazakh and Russian word forms by stem, and phrases of consecutive words', () => {
    expect(premises('Волонтерлік орталығына ғимарат керек')).toBe(true);
    expect(premises('Нужно ПОМЕЩЕНИЕ')).toBe(true);
    expect(premises('Открыть волонтерские центры в районах')).toBe(true);
    expect(premises('центр занятости для волонтеров')).toBe(false); // not consecutive in that order
    expect(premises('Оқыту курстары қажет')).toBe(false);
  });

  it('match a listed form exactly, with ё read as е', () => {
    const match = compileRules(['еще']);
    expect(match('Ещё больше грантов')).toBe(true);
    expect(match('ещенет')).toBe(false);
  });

  it('refuse stems too short to mean anything, and punctuation', () => {
    expect(ruleProblem('а*')).toMatch(/at least 3/);
    expect(ruleProblem('грант!')).toMatch(/letters or digits/);
    expect(ruleProblem('one two three four five six')).toMatch(/more than 5/);
    expect(ruleProblem('  ')).toBe('is empty');
    expect(ruleProblem('грант* қаржы*')).toBeNull();
  });
});

describe('quotes', () => {
  it('blank e-mail addresses and phone numbers, and keep years and counts', () => {
    expect(
      withoutContacts('Пишите aigerim.n@mail.kz или +7 701 234 56 78, к 2024-2027 нужно 150 волонтеров'),
    ).toBe('Пишите […] или […], к 2024-2027 нужно 150 волонтеров');
  });
});
