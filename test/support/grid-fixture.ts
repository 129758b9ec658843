// A survey with a grid (matrixdropdown), a multipletext, a dynamic panel holding a grid and a checkbox, and a dynamic
// matrix; five responses whose per-column, per-field and entries-per-respondent counts the tests work out by hand.
import { join } from 'node:path';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import type { VersionInput } from '../../exports/questions';
import { openSqliteStore, type NewResponse } from '../../server/store';
import { makeTempDir } from './server';

export const GRID_VERSION: VersionInput = {
  surveyId: 'grids',
  version: 1,
  piiQuestions: new Set(),
  definition: {
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'dropdown', name: 'region', choices: ['KZ-10', 'KZ-55'] },
          {
            type: 'matrixdropdown',
            name: 'channels',
            rows: [
              { value: 'ngo', text: { default: 'NGOs', kk: 'ҮЕҰ', ru: 'НКО' } },
              { value: 'akimat', text: { default: 'Akimat', kk: 'Әкімдік', ru: 'Акимат' } },
            ],
            columns: [
              {
                name: 'used',
                title: { default: 'Used', kk: 'Қолданылады', ru: 'Используется' },
                cellType: 'boolean',
              },
              { name: 'quality', cellType: 'rating', rateMin: 1, rateMax: 3 },
              { name: 'tools', cellType: 'checkbox', choices: ['chat', 'mail'] },
              { name: 'note', cellType: 'text' },
            ],
          },
          { type: 'multipletext', name: 'team', items: [{ name: 'volunteers' }, { name: 'staff' }] },
          {
            type: 'paneldynamic',
            name: 'practices',
            maxPanelCount: 3,
            templateElements: [
              { type: 'radiogroup', name: 'who', choices: ['ngo', 'akimat'] },
              { type: 'checkbox', name: 'funding', choices: ['grants', 'donations'] },
              {
                type: 'matrixdropdown',
                name: 'ratings',
                rows: ['reach'],
                columns: [{ name: 'score', cellType: 'rating', rateMax: 3 }],
              },
              { type: 'comment', name: 'contact' },
            ],
          },
          {
            type: 'matrixdynamic',
            name: 'needs',
            columns: [{ name: 'need', cellType: 'dropdown', choices: ['space', 'money'] }],
          },
        ],
      },
    ],
  },
};

let serial = 0;
export function gridResponse(answers: Record<string, unknown>): NewResponse {
  const id = `00000000-0000-4000-9000-${String(++serial).padStart(12, '0')}`;
  return {
    id,
    surveyId: 'grids',
    version: 1,
    locale: 'kk',
    region: String(answers.region),
    briefing: null,
    startedAt: null,
    submittedAt: '2024-03-01T06:00:00.000Z',
    answers,
    contacts: null,
    contentHash: `hash-${id}`,
  };
}

/**
 * channels: ngo row answered by R1–R4, akimat by R1 and R2. practices: R1 has 3 entries, R2 1, R3 2, R4 and R5
 * none. needs: R1 has 2 rows, R2 5 (counted as 5: no maximum, so the last bucket is "10 or more" only from 10).
 */
export const GRID_RESPONSES = (): NewResponse[] => [
  gridResponse({
    region: 'KZ-10',
    channels: {
      ngo: { used: true, quality: 3, tools: ['chat', 'mail'], note: 'ok' },
      akimat: { used: false, quality: 1 },
    },
    team: { volunteers: 12, staff: 3 },
    practices: [
      { who: 'ngo', funding: ['grants'], ratings: { reach: { score: 3 } }, contact: 'x' },
      { who: 'ngo', funding: ['grants', 'donations'] },
      { who: 'akimat' },
    ],
    needs: [{ need: 'space' }, { need: 'space' }],
  }),
  gridResponse({
    region: 'KZ-10',
    channels: { ngo: { used: true, quality: 3, tools: ['chat'] }, akimat: { used: true } },
    team: { volunteers: 4 },
    practices: [{ who: 'ngo', ratings: { reach: { score: 2 } } }],
    needs: [{ need: 'money' }, { need: 'space' }, {}, { need: 'money' }, { need: 'money' }],
  }),
  gridResponse({
    region: 'KZ-55',
    channels: { ngo: { used: false, quality: 2 } },
    practices: [{ who: 'akimat', funding: ['donations'] }, { contact: 'y' }],
  }),
  gridResponse({ region: 'KZ-55', channels: { ngo: { used: true } } }),
  gridResponse({ region: 'KZ-55' }),
];

export async function openGridStore() {
  const file = join(makeTempDir(), 'saualnama.db');
  const store = openSqliteStore(file, {
    projections: { countPlans: countPlansOf([{ versions: [GRID_VERSION] }]) },
  });
  await store.publishVersions([{ surveyId: 'grids', version: 1, sha256: 'v1' }], '2024-01-01T00:00:00Z');
  return Object.assign(store, { file });
}
