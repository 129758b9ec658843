// The counts are written once per group-commit batch (answer-counts.ts countBatch): one key row for all of a
// batch's responses and their byte records appended a chunk at a time. A batch that tops up a key's last chunk,
// fills the next and starts another, with a clash and a failing write among its writes, must leave exactly what a
// recount builds, and the in-memory sums must follow it.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import { openSqliteStore, type NewResponse } from '../../server/store';
import { RECORDS_PER_CHUNK } from '../../server/store/answer-counts';
import { randomAnswers, seeded } from '../support/random-answers';
import { describeQuestions } from '../../exports/questions';
import { makeTempDir, REPO_SURVEYS } from '../support/server';

const { catalog } = loadCatalog(REPO_SURVEYS);
const survey = catalog.getSurvey('roadmap-needs')!;
const version = survey.versions[0]!;
const questions = describeQuestions([version]);
const random = seeded(150615);
const store = openSqliteStore(join(makeTempDir(), 'saualnama.db'), {
  projections: { countPlans: countPlansOf(catalog.surveys) },
});
afterAll(() => store.close());
let serial = 0;

/** All in one key: same survey, version, region, no briefing, same Kazakhstan day. */
function response(): NewResponse {
  const id = `20000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
  return {
    id,
    surveyId: survey.id,
    version: version.version,
    locale: 'ru',
    region: 'KZ-10',
    briefing: null,
    startedAt: null,
    submittedAt: '2024-03-01T09:00:00.000Z',
    answers: randomAnswers(random, questions, 'KZ-10'),
    contacts: null,
    contentHash: `h-${id}`,
  };
}

it('a batch across record chunks, with a clash and a failing write in it, equals a recount', async () => {
  await store.publishVersions(
    [{ surveyId: survey.id, version: version.version, sha256: version.sha256 }],
    'now',
  );
  const first = Array.from({ length: 30 }, response);
  await Promise.all(first.map((r) => store.submitResponse(r)));
  const before = await store.countResponsesBy({ surveyId: survey.id }, 'region');
  expect(before.map((c) => c.responses)).toEqual([30]);

  // One turn of the event loop: one batch. 34 records top up chunk 0, 64 fill chunk 1, the rest start chunk 2.
  const batch = Array.from({ length: 2 * RECORDS_PER_CHUNK + 10 }, response);
  batch.splice(40, 0, { ...response(), id: first[0]!.id }); // 409: other answers under a stored id
  batch.splice(80, 0, { ...response(), briefing: 'no-such-briefing' }); // the insert fails in its savepoint
  const outcomes = await Promise.allSettled(batch.map((r) => store.submitResponse(r)));
  expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
  expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value.status === 'conflict')).toHaveLength(1);

  const counted = await store.countResponsesBy({ surveyId: survey.id }, 'region');
  expect(counted.map((c) => c.responses)).toEqual([30 + 2 * RECORDS_PER_CHUNK + 10]);
  expect(await store.recountAnswers([survey.id])).toMatchObject({
    responses: 30 + 2 * RECORDS_PER_CHUNK + 10,
    keysDiffering: 0,
    recordChunksDiffering: 0,
    textsDiffering: 0,
  });
});
