// A two-version survey with every counted question type, and six responses whose aggregates the unit tests
// compute by hand. v1 alone asks `old_q`, v2 alone asks `platforms`; `email` is personal data.
import { join } from 'node:path';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import type { VersionInput } from '../../exports/questions';
import { openSqliteStore, type NewResponse } from '../../server/store';
import { makeTempDir } from './server';

const common = (needs: string[]) => [
  { type: 'dropdown', name: 'region', choices: ['KZ-10', 'KZ-55', 'KZ-63'] },
  { type: 'radiogroup', name: 'role', choices: ['volunteer', 'ngo_staff'], showOtherItem: true },
  { type: 'checkbox', name: 'needs', choices: needs, showNoneItem: true },
  { type: 'rating', name: 'score', rateMin: 1, rateMax: 5 },
  { type: 'boolean', name: 'consent' },
  { type: 'matrix', name: 'grid', rows: ['a', 'b'], columns: ['low', 'high'] },
  { type: 'ranking', name: 'order', choices: ['x', 'y', 'z'], selectToRankEnabled: true },
  { type: 'comment', name: 'note' },
];

export const AGG_VERSIONS: VersionInput[] = [
  {
    surveyId: 'agg',
    version: 1,
    piiQuestions: new Set(['email']),
    definition: {
      pages: [
        {
          name: 'p',
          elements: [
            ...common(['funding', 'training', 'premises']),
            { type: 'radiogroup', name: 'old_q', choices: ['p', 'q'] },
            { type: 'text', name: 'email', pii: true },
          ],
        },
      ],
    },
  },
  {
    surveyId: 'agg',
    version: 2,
    piiQuestions: new Set(['email']),
    definition: {
      pages: [
        {
          name: 'p',
          elements: [
            ...common(['funding', 'training', 'premises', 'insurance']),
            { type: 'checkbox', name: 'platforms', choices: ['web', 'app'] },
            { type: 'text', name: 'email', pii: true },
          ],
        },
      ],
    },
  },
];

let serial = 0;
export function aggResponse(
  version: number,
  submittedAt: string,
  answers: Record<string, unknown>,
): NewResponse {
  const id = `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
  return {
    id,
    surveyId: 'agg',
    version,
    locale: 'ru',
    region: String(answers.region),
    briefing: null,
    startedAt: null,
    submittedAt,
    answers,
    contacts: null,
    contentHash: `hash-${id}`,
  };
}

/** R1–R3 answer v1 on 15 Sep 2023; R4 is 20:00 UTC on 1 March 2024, which is already 2 March in Kazakhstan. */
export const AGG_RESPONSES = (): NewResponse[] => [
  aggResponse(1, '2023-09-15T05:00:00.000Z', {
    region: 'KZ-10',
    role: 'volunteer',
    needs: ['funding', 'training'],
    score: 5,
    consent: true,
    grid: { a: 'low', b: 'high' },
    order: ['x', 'y'],
    note: 'hello',
    old_q: 'p',
  }),
  aggResponse(1, '2023-09-15T06:00:00.000Z', {
    region: 'KZ-10',
    role: 'ngo_staff',
    needs: ['none'],
    score: 3,
    consent: false,
    grid: { a: 'high' },
    order: ['y'],
    note: '',
    old_q: 'q',
  }),
  aggResponse(1, '2023-09-15T07:00:00.000Z', {
    region: 'KZ-55',
    role: 'other',
    'role-Comment': 'teacher',
    needs: ['funding'],
    score: 4,
    grid: {},
    order: [],
    old_q: 'p',
  }),
  aggResponse(2, '2024-03-01T20:00:00.000Z', {
    region: 'KZ-10',
    role: 'volunteer',
    needs: ['insurance', 'funding'],
    score: 2,
    consent: true,
    grid: { a: 'low', b: 'low' },
    order: ['z', 'x', 'y'],
    platforms: ['web'],
    note: 'text two',
  }),
  aggResponse(2, '2024-03-02T10:00:00.000Z', {
    region: 'KZ-63',
    role: 'volunteer',
    needs: ['training'],
    score: 5,
    platforms: ['web', 'app'],
    order: ['x'],
  }),
  aggResponse(2, '2024-03-03T10:00:00.000Z', { region: 'KZ-55', role: 'ngo_staff' }),
];

/** A fresh store on a temp file that counts the fixture survey; versions published, nothing inserted. */
export async function openAggStore() {
  const file = join(makeTempDir(), 'saualnama.db');
  const store = openSqliteStore(file, {
    projections: { countPlans: countPlansOf([{ versions: AGG_VERSIONS }]) },
  });
  await store.publishVersions(
    AGG_VERSIONS.map((v) => ({ surveyId: 'agg', version: v.version, sha256: `v${v.version}` })),
    '2023-09-01T00:00:00Z',
  );
  return Object.assign(store, { file });
}
