// The in-memory count cache of one connection follows what other connections commit (the response writer thread,
// a CLI beside the server): keys added, changed and deleted, found by their revision in answer_count_changes.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { describeQuestions } from '../../exports/questions';
import { loadCatalog } from '../../server/catalog/load';
import { openSqliteStore, type NewResponse, type Store } from '../../server/store';
import { randomAnswers, seeded } from '../support/random-answers';
import { makeTempDir, REPO_SURVEYS } from '../support/server';

const { catalog } = loadCatalog(REPO_SURVEYS);
const survey = catalog.getSurvey('roadmap-needs')!;
const v1 = survey.versions[0]!;
const questions = describeQuestions([v1]);
const random = seeded(15_6);
const file = join(makeTempDir(), 'saualnama.db');
const projections = { countPlans: countPlansOf(catalog.surveys) };
const reader = openSqliteStore(file, { projections });
const writer = openSqliteStore(file, { projections });
let serial = 0;

function response(region: string): NewResponse {
  const id = `20000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
  return {
    id,
    surveyId: survey.id,
    version: v1.version,
    locale: 'ru',
    region,
    briefing: null,
    startedAt: null,
    submittedAt: `2024-03-0${1 + (serial % 3)}T10:00:00.000Z`,
    answers: randomAnswers(random, questions, region),
    contacts: null,
    contentHash: `h-${id}`,
  };
}

/** What a store opened afresh (no cache yet) counts: the truth to compare with. */
async function freshCounts() {
  const fresh = openSqliteStore(file, { projections });
  try {
    return await fresh.countResponsesBy({ surveyId: survey.id }, 'day');
  } finally {
    await fresh.close();
  }
}

afterAll(async () => {
  await reader.close();
  await writer.close();
});

it('sees keys another connection added and changed, and those a recount there deleted', async () => {
  await writer.publishVersions([{ surveyId: survey.id, version: v1.version, sha256: v1.sha256 }], 'now');
  await Promise.all(['KZ-10', 'KZ-11'].map((r) => writer.submitResponse(response(r))));
  expect(await reader.countResponsesBy({ surveyId: survey.id }, 'day')).toEqual(await freshCounts());

  await Promise.all(['KZ-10', 'KZ-10', 'KZ-19'].map((r) => writer.submitResponse(response(r))));
  const byRegion = await reader.countResponsesBy({ surveyId: survey.id }, 'region');
  expect(byRegion.map((c) => [c.key, c.responses])).toEqual([
    ['KZ-10', 3],
    ['KZ-11', 1],
    ['KZ-19', 1],
  ]);

  // A recount deletes the survey's keys and inserts them again under new ids.
  await (writer as Store).recountAnswers([survey.id]);
  await writer.submitResponse(response('KZ-11'));
  expect(await reader.countResponsesBy({ surveyId: survey.id }, 'day')).toEqual(await freshCounts());
  expect((await reader.countResponsesBy({ surveyId: survey.id }, 'region')).map((c) => c.responses)).toEqual([
    3, 2, 1,
  ]);
});
