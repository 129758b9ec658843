// PostgreSQL only: what the conformance suite cannot reach through the interface. A store opened with a changed count
// plan rebuilds the counts (it used to refuse to open); a recount repairs counts, records and texts that someone
// changed by hand, and says what it found; a line written under an older layout generation is never exported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectionPlansOf } from '../../exports/projections';
import { loadCatalog } from '../../server/catalog/load';
import type { CountPlan, NewResponse } from '../../server/store';
import { openPostgresStore, type PostgresStore } from '../../server/store-pg';
import { FIXTURE_SURVEYS } from '../support/server';
import { freshSchema, type TestSchema } from '../support/postgres';

const plans = projectionPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);
const widened: CountPlan[] = plans.countPlans!.map((p) =>
  p.surveyId !== 'example'
    ? p
    : {
        ...p,
        questions: p.questions.map((q) =>
          q.name === 'role' && q.kind === 'single' ? { ...q, values: [...q.values, 'journalist'] } : q,
        ),
      },
);
const DATA: NewResponse[] = Array.from({ length: 20 }, (_, i) => ({
  id: `q${i}`,
  surveyId: 'example',
  version: 1,
  locale: 'ru',
  region: i % 2 ? 'KZ-10' : 'KZ-75',
  briefing: null,
  startedAt: null,
  submittedAt: `2024-07-0${1 + (i % 3)}T09:00:00.000Z`,
  answers: { role: 'volunteer', proposal: `Ұсыныс ${i}` },
  contacts: null,
  contentHash: `h${i}`,
}));

let schema: TestSchema;
let store: PostgresStore;
beforeEach(async () => {
  schema = await freshSchema();
  store = await openPostgresStore(schema.url, { projections: plans, poolSize: 3 });
  await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
  await store.insertResponses(DATA.slice(0, 10));
  await Promise.all(DATA.slice(10).map((r) => store.submitResponse(r)));
});
afterEach(async () => {
  await store.close();
  await schema.drop();
});

describe('PostgreSQL projections', () => {
  it('rebuild the counts when a store opens with a changed count plan, instead of refusing to open', async () => {
    const second = await openPostgresStore(schema.url, { projections: { ...plans, countPlans: widened } });
    try {
      expect(second.countsRebuilt).toEqual([
        expect.objectContaining({ surveys: ['example'], responses: 20 }),
      ]);
      const [all] = await second.tallyAnswers({ surveyId: 'example' }, { by: 'all' }, ['role']);
      const counts = all!.versions[0]!.questions.get('role')!.counts;
      expect(counts.at(-1)).toBe(0);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    } finally {
      await second.close();
    }
  });

  it('repair counts, records and texts changed by hand, and say how many were wrong', async () => {
    await store.pool.query(
      "DELETE FROM answer_texts WHERE response_seq IN (SELECT seq FROM responses WHERE id = 'q3')",
    );
    await store.pool.query("UPDATE answer_counts SET responses = responses + 5 WHERE region = 'KZ-10'");
    await store.pool.query('DELETE FROM answer_records WHERE id = (SELECT min(id) FROM answer_records)');
    const report = await store.recountAnswers(['example']);
    expect(report.responses).toBe(20);
    expect(report.textsDiffering).toBe(1);
    expect(report.keysDiffering).toBeGreaterThan(0);
    expect(report.recordChunksDiffering).toBeGreaterThan(0);
    expect(await store.recountAnswers(['example'])).toMatchObject({
      keysDiffering: 0,
      recordChunksDiffering: 0,
      textsDiffering: 0,
    });
    const found = await store.listTextAnswers({
      filter: { surveyId: 'example' },
      key: 'proposal',
      search: 'ұсыныс 3',
      offset: 0,
      limit: 10,
    });
    expect(found.answers.map((a) => a.id)).toEqual(['q3']);
  });

  it('never exports a line of an older layout generation: such a response is built again', async () => {
    const key = plans.lineRenderers!.find((r) => r.surveyId === 'example')!.key;
    // As if a server that had not yet seen a new layout wrote this line after the reset.
    await store.pool.query(
      `UPDATE export_lines SET generation = generation - 1, line = 'stale'::bytea
       WHERE response_seq = (SELECT seq FROM responses WHERE id = 'q4')`,
    );
    const reader = await store.openExportReader();
    try {
      const rows = [];
      for await (const batch of reader.lines({ surveyId: 'example' }, key)) rows.push(...batch);
      expect(rows).toHaveLength(20);
      const built = rows.filter((r) => typeof r[0] === 'string');
      expect(built.map((r) => r[0])).toEqual(['q4']);
      expect(rows.some((r) => Buffer.isBuffer(r[0]) && r[0].toString() === 'stale')).toBe(false);
      expect(await reader.storedLines('example')).toEqual({ layout: key, missing: 1 });
    } finally {
      await reader.close();
    }
    // The filler renders it again under the current generation.
    expect(await store.fillExportLines(1000)).toEqual({ filled: 1, pending: false });
  });
});
