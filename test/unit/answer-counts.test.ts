// The counts kept at each insert against the truth: a full recount after many random inserts (duplicates, clashes
// and failing writes among them), and a brute-force count of the same stored responses, on the real instrument.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { answerGroups, regionGroups, summaryBody, surveyAggregates } from '../../exports/aggregates/summary';
import type { Count, QuestionAggregate } from '../../exports/aggregates/types';
import { describeQuestions } from '../../exports/questions';
import { loadCatalog } from '../../server/catalog/load';
import { REGION_CODES } from '../../server/catalog/regions';
import { openSqliteStore, type CountFilter, type NewResponse, type StoredResponse } from '../../server/store';
import { bruteCount, randomAnswers, seeded, type BruteCounts } from '../support/random-answers';
import { makeTempDir, REPO_SURVEYS } from '../support/server';
import { countStoredResponses, storedResponses, withDatabaseFile } from '../support/database-file';

const { catalog } = loadCatalog(REPO_SURVEYS);
const survey = catalog.getSurvey('roadmap-needs')!;
const ctx = surveyAggregates(survey.versions);
const random = seeded(20231915);
// Each version's own choices (v2's checkbox has one more): the union would give v1 answers validation refuses.
const versionQuestions = new Map(survey.versions.map((v) => [v.version, describeQuestions([v])]));
const DAYS = ['2023-09-15', '2023-09-16', '2023-10-02', '2024-03-01'];
const file = join(makeTempDir(), 'saualnama.db');
let store: ReturnType<typeof openSqliteStore>;
let serial = 0;

function randomResponse(): NewResponse {
  const version = random.pick(survey.versions);
  const region = random.pick(REGION_CODES.slice(0, 4));
  const id = `10000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
  // Late evening UTC is already the next day in Kazakhstan: both sides of that line are exercised.
  const submittedAt = `${random.pick(DAYS)}T${random.pick(['04', '12', '19', '23'])}:30:00.000Z`;
  return {
    id,
    surveyId: survey.id,
    version: version.version,
    locale: 'kk',
    region,
    briefing: random.next() < 0.4 ? 'b-semey' : null,
    startedAt: null,
    submittedAt,
    answers: randomAnswers(random, versionQuestions.get(version.version)!, region),
    contacts: null,
    contentHash: `h-${id}`,
  };
}

beforeAll(async () => {
  store = openSqliteStore(file, { projections: { countPlans: countPlansOf(catalog.surveys) } });
  await store.publishVersions(
    catalog.surveys.flatMap((s) =>
      s.versions.map((v) => ({ surveyId: s.id, version: v.version, sha256: v.sha256 })),
    ),
    'now',
  );
  await store.addBriefing(
    {
      slug: 'b-semey',
      surveyId: survey.id,
      region: 'KZ-10',
      city: 'Semey',
      date: '2023-09-15',
      title: { kk: 'a', ru: 'a', en: 'a' },
    },
    'now',
  );
  const sent: NewResponse[] = [];
  for (let round = 0; round < 40; round++) {
    const batch: NewResponse[] = [];
    for (let i = 0; i < 25; i++) {
      const roll = random.next();
      const old = sent.length > 0 ? random.pick(sent) : undefined;
      if (old && roll < 0.1)
        batch.push(old); // a retry: 200, must not count twice
      else if (old && roll < 0.18)
        batch.push({ ...randomResponse(), id: old.id }); // a clash: 409, must not count
      else if (roll < 0.22)
        batch.push({ ...randomResponse(), briefing: 'no-such-briefing' }); // the insert fails
      else batch.push(randomResponse());
    }
    sent.push(...batch);
    // A read between rounds: the in-memory sums then follow every later write by deltas, which the tests below check.
    await store.tallyAnswers({ surveyId: survey.id }, { by: 'all' });
    // Half the rounds through group commit (one savepoint each), half as one bulk transaction.
    if (round % 2 === 0) await Promise.allSettled(batch.map((r) => store.submitResponse(r)));
    else
      for (const r of batch)
        try {
          await store.insertResponses([r]);
        } catch {
          /* the failing writes */
        }
  }
});
afterAll(() => store.close());

const all = (filter: Partial<CountFilter> = {}): StoredResponse[] =>
  storedResponses(file, { surveyId: survey.id }).filter(
    (r) =>
      (!filter.regions || filter.regions.includes(r.region)) &&
      (!filter.versions || filter.versions.includes(r.version)) &&
      (!filter.briefings || filter.briefings.includes(r.briefing ?? '')) &&
      (!filter.fromDay ||
        new Date(Date.parse(r.submittedAt) + 5 * 3_600_000).toISOString().slice(0, 10) >= filter.fromDay),
  );

/** A summary entry in the brute-force shape (k = 1: nothing is hidden). */
function asBrute(a: QuestionAggregate): BruteCounts {
  const n = (c: Count) => (c.suppressed ? NaN : c.count);
  const cells: Record<string, number> = {};
  const put = (key: string, c: Count) => n(c) > 0 && (cells[key] = n(c));
  if (a.kind === 'choice' || a.kind === 'multiple' || a.kind === 'rating')
    for (const c of a.choices) put(String(c.code), c.result);
  if (a.kind === 'matrix')
    for (const r of a.rows) r.cells.forEach((c, i) => put(`${r.code}|${a.columns[i]!.code}`, c));
  if (a.kind === 'ranking')
    for (const c of a.choices) c.ranks.forEach((x, i) => put(`${c.code}|${i + 1}`, x));
  return { asked: n(a.asked), answered: n(a.answered), cells };
}

describe('answer counts kept at each insert', () => {
  it('stored a realistic mix: new answers, retries, clashes and failures', () => {
    expect(countStoredResponses(file, { surveyId: survey.id })).toBeGreaterThan(600);
  });

  it('list exactly the stored free texts of a filter, most recently received first, and search them ignoring case', async () => {
    const filter = { surveyId: survey.id, regions: ['KZ-10', 'KZ-11'] };
    const listed = await store.listTextAnswers({
      filter,
      key: 'roadmap_proposals',
      offset: 0,
      limit: 10_000,
    });
    const rowid = new Map(
      withDatabaseFile(
        file,
        (db) => db.prepare('SELECT id, rowid FROM responses').raw().all() as [string, number][],
      ),
    );
    const expected = all(filter)
      .filter((r) => typeof r.answers.roadmap_proposals === 'string' && r.answers.roadmap_proposals !== '')
      .sort((a, b) => rowid.get(a.id)! - rowid.get(b.id)!);
    expect(listed.hasMore).toBe(false);
    expect(listed.answers.map((a) => [a.id, a.text])).toEqual(
      expected.map((r) => [r.id, r.answers.roadmap_proposals]).reverse(),
    );
    const found = await store.listTextAnswers({
      filter,
      key: 'roadmap_proposals',
      search: 'ИӘ, Қ',
      offset: 0,
      limit: 10_000,
    });
    expect(found.answers.length).toBe(
      expected.filter((r) => r.answers.roadmap_proposals === 'Иә, қажет').length,
    );
    expect(found.answers.length).toBeGreaterThan(0);
    const page = await store.listTextAnswers({ filter, key: 'roadmap_proposals', offset: 3, limit: 2 });
    expect(page.answers.map((a) => a.id)).toEqual(listed.answers.slice(3, 5).map((a) => a.id));
    expect(page.hasMore).toBe(true);
  });

  it.each<[string, Partial<CountFilter>]>([
    ['everything', {}],
    ['two regions', { regions: ['KZ-10', 'KZ-15'] }],
    ['version 1', { versions: [1] }],
    ['the briefing', { briefings: ['b-semey'] }],
    ['outside briefings, from a UTC+5 day on', { briefings: [''], fromDay: '2023-09-16' }],
  ])('give the summary a brute-force count of the same responses gives: %s', async (_, filter) => {
    const [group] = await store.tallyAnswers({ surveyId: survey.id, ...filter }, { by: 'all' });
    const body = summaryBody(
      ctx,
      survey.id,
      { regions: [], versions: [], briefing: null, from: null, to: null },
      group?.versions ?? [],
      { exact: true, k: 1 },
    );
    const responses = all(filter);
    expect(body.responses).toEqual({ count: responses.length, percent: null });
    for (const q of ctx.questions)
      expect([q.name, asBrute(body.questions.find((x) => x.name === q.name)!)]).toEqual([
        q.name,
        bruteCount(q, responses),
      ]);
  });

  it('give crosstabs by region and by another question a brute-force count gives', async () => {
    const info = ctx.byName.get('problems_severity')!;
    const regions = REGION_CODES.slice(0, 5);
    const byRegion = regionGroups(
      ctx,
      info,
      regions,
      await store.tallyAnswers({ surveyId: survey.id }, { by: 'region' }, [info.name]),
      0,
      { exact: true, k: 1 },
    );
    for (const g of byRegion)
      expect(asBrute(g.aggregate)).toEqual(bruteCount(info, all({ regions: [String(g.code)] })));
    const by = ctx.byName.get('activity_fields')!; // a checkbox whose v2 has one choice more
    const groups = answerGroups(
      ctx,
      info,
      by,
      await store.tallyAnswersByAnswer({ surveyId: survey.id }, by.name, [info.name]),
      0,
      { exact: true, k: 1 },
    );
    for (const g of groups) {
      const chose = all().filter(
        (r) =>
          by.versions.includes(r.version) &&
          ((r.answers[by.name] as unknown[] | undefined) ?? []).includes(g.code),
      );
      expect([g.code, asBrute(g.aggregate)]).toEqual([g.code, bruteCount(info, chose)]);
    }
  });

  // After the brute-force checks: a recount reloads the in-memory sums, which those checks must see as kept by deltas.
  it('equal a full recount exactly, vectors and per-response records alike', async () => {
    expect(await store.recountAnswers([survey.id])).toMatchObject({
      keysDiffering: 0,
      recordChunksDiffering: 0,
      textsDiffering: 0,
    });
  });

  it('are found wrong and repaired by a recount after someone edits them by hand', async () => {
    withDatabaseFile(file, (db) => {
      db.prepare(
        'UPDATE answer_counts SET responses = responses + 1 WHERE id = (SELECT min(id) FROM answer_counts)',
      ).run();
      db.prepare(
        'DELETE FROM answer_records WHERE (key_id, chunk) = (SELECT key_id, chunk FROM answer_records LIMIT 1)',
      ).run();
      db.prepare(
        "UPDATE answer_texts SET folded = 'x' WHERE (survey_id, question, response_rowid) = (SELECT survey_id, question, response_rowid FROM answer_texts LIMIT 1)",
      ).run();
    });
    expect(await store.recountAnswers([survey.id])).toMatchObject({
      keysDiffering: 1,
      recordChunksDiffering: 1,
      textsDiffering: 1,
    });
    expect(await store.recountAnswers([survey.id])).toMatchObject({
      keysDiffering: 0,
      recordChunksDiffering: 0,
      textsDiffering: 0,
    });
  });

  it('are rebuilt when the store opens with a changed count plan', async () => {
    await store.close();
    const changed = countPlansOf(catalog.surveys).map((p) =>
      p.surveyId === survey.id && p.version === 1 ? { ...p, questions: p.questions.slice(1) } : p,
    );
    const reopened = openSqliteStore(file, { projections: { countPlans: changed } });
    expect(reopened.countsRebuilt.map((r) => r.surveys)).toEqual([[survey.id]]);
    await reopened.close();
    store = openSqliteStore(file, { projections: { countPlans: countPlansOf(catalog.surveys) } });
    expect(store.countsRebuilt).toHaveLength(1);
    expect(await store.recountAnswers([survey.id])).toMatchObject({ keysDiffering: 0 });
  });
});
