// What a phone sends leaves out every computed value, at any depth, so that the server's validator (which refuses
// them, as a respondent cannot answer them) accepts what a respondent filled in on the page.
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { answersOf } from '../../client/respond/computed-values';
import type { SurveyJson } from '../../server/catalog/types';
import { compileValidator } from '../../server/catalog/validator';

const options = { regionCodes: ['KZ-10', 'KZ-11'] };

/** A repeat ("add another practice") whose entries hold a cost table with a computed column and a total. */
const definition: SurveyJson = {
  elements: [
    { type: 'dropdown', name: 'region', choices: ['KZ-10', 'KZ-11'] },
    {
      type: 'paneldynamic',
      name: 'practices',
      templateElements: [
        { type: 'text', name: 'title' },
        { type: 'expression', name: 'title_length', expression: 'iif({panel.title} notempty, 1, 0)' },
        {
          type: 'matrixdynamic',
          name: 'costs',
          rowCount: 1,
          columns: [
            { name: 'item', cellType: 'text' },
            { name: 'amount', cellType: 'text', inputType: 'number', totalType: 'sum' },
            { name: 'doubled', cellType: 'expression', expression: '{row.amount} * 2' },
          ],
        },
        {
          type: 'matrixdropdown',
          name: 'ratings',
          cellType: 'expression',
          rows: ['now'],
          columns: [
            { name: 'computed', expression: '1 + 1' },
            { name: 'score', cellType: 'rating' },
          ],
        },
      ],
    },
    {
      type: 'matrixdynamic',
      name: 'top_costs',
      rowCount: 1,
      columns: [
        { name: 'amount', cellType: 'text', inputType: 'number' },
        { name: 'tripled', cellType: 'expression', expression: '{row.amount} * 3' },
      ],
    },
    { type: 'expression', name: 'entries', expression: '{practices.length}' },
  ],
};

function filledModel(): Model {
  const model = new Model(definition);
  model.setValue('region', 'KZ-10');
  model.setValue('practices', [
    { title: 'Volunteer hub', costs: [{ item: 'rent', amount: 100 }], ratings: { now: { score: 4 } } },
  ]);
  model.setValue('top_costs', [{ amount: 5 }]);
  return model;
}

describe('answersOf', () => {
  it('leaves out expression cells and totals of a matrix inside a dynamic panel, which the server would refuse', () => {
    const model = filledModel();
    const validate = compileValidator(definition, options);
    // survey-core computed them into the data: sent as they are, the server answers 422.
    const entry = (model.data.practices as Record<string, unknown>[])[0]!;
    expect((entry.costs as Record<string, unknown>[])[0]!.doubled).toBe(200);
    expect(validate(model.data).map((e) => e.question)).toContain('practices');

    const sent = answersOf(model);
    expect(validate(sent)).toEqual([]);
    expect(sent).toEqual({
      region: 'KZ-10',
      practices: [
        { title: 'Volunteer hub', costs: [{ item: 'rent', amount: 100 }], ratings: { now: { score: 4 } } },
      ],
      top_costs: [{ amount: 5 }],
    });
  });

  it('keeps what the respondent typed when nothing is computed', () => {
    const model = new Model({ elements: [{ type: 'text', name: 'a' }] });
    model.setValue('a', 'x');
    expect(answersOf(model)).toEqual({ a: 'x' });
  });
});
