// The dashboard's "leave out flagged responses" (issue 16): summary, crosstab and coverage with flagged=exclude count
// what the CSV with flagged=exclude holds (very fast and repeated answer sets left out), also beside review=all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { download, parseCsv } from '../support/export-download';
import { startServer, type TestServer } from '../support/server';

const BASE = '/api/surveys/example';
let server: TestServer;
let admin = '';
let now = new Date('2024-03-01T06:00:00.000Z');
const ids: Record<string, string> = {};

async function post(
  name: string,
  minutes: number,
  seconds: number,
  data: Record<string, unknown>,
  briefing?: string,
) {
  now = new Date(Date.parse('2024-03-01T06:00:00.000Z') + minutes * 60_000);
  const r = await postResponse(
    server.url,
    envelope(
      { startedAt: new Date(now.getTime() - seconds * 1000).toISOString(), ...(briefing && { briefing }) },
      exampleAnswers(data),
    ),
  );
  expect(r.status, r.text).toBe(201);
  ids[name] = r.json!.id as string;
}

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  await server.store.addBriefing(
    {
      slug: 'semey-2024',
      surveyId: 'example',
      region: 'KZ-10',
      city: 'Semey',
      date: '2024-03-01',
      title: { kk: 'Семей', ru: 'Семей', en: 'Semey' },
    },
    now.toISOString(),
  );
  // Every respondent a volunteer, so that no count is small enough to be hidden. Eight ordinary ones of 10 minutes (median 600 s: "very fast" is under 200 s).
  for (let i = 0; i < 8; i++) await post(`normal${i}`, i, 600, { role: 'volunteer', proposal: `ой ${i}` });
  await post('fast', 20, 60, { role: 'volunteer' });
  // The same answers twice from the hall within minutes: the second is a duplicate.
  const same = { role: 'volunteer', proposal: 'бірдей' };
  await post('first', 30, 600, same, 'semey-2024');
  await post('again', 32, 600, same, 'semey-2024');
  await createUser(server.store, {
    email: 'admin@example.kz',
    role: 'admin',
    password: 'correct horse battery staple',
  });
  admin = await signIn(server.url, 'admin@example.kz', 'correct horse battery staple');
});
afterAll(() => server.close());

async function counts(query: string) {
  const summary = await (await fetchAs(server.url, admin, `${BASE}/summary${query}`)).json();
  const coverage = await (await fetchAs(server.url, admin, `${BASE}/coverage${query}`)).json();
  const byRegion = await (
    await fetchAs(server.url, admin, `${BASE}/crosstab?question=role&by=region&${query.slice(1)}`)
  ).json();
  const role = summary.questions.find((q: any) => q.name === 'role');
  return {
    responses: summary.responses.count,
    volunteers: role.choices.find((c: any) => c.code === 'volunteer').result.count,
    coverage: coverage.responses.count,
    crosstab: byRegion.groups.find((g: any) => g.code === 'KZ-10').responses.count,
  };
}
const csvIds = async (query: string) =>
  parseCsv((await download(server.url, admin, `${BASE}/export.csv${query}`)).body).rows.map(
    (r) => r.response_id,
  );

const every = (n: number) => ({ responses: n, volunteers: n, coverage: n, crosstab: n });

describe('flagged=exclude on the aggregates', () => {
  it('leaves the very fast and the repeated response out, as the CSV with flagged=exclude does', async () => {
    expect(await counts('?region=KZ-10')).toEqual(every(11));
    const kept = await csvIds('?flagged=exclude');
    expect(kept).not.toContain(ids.fast);
    expect(kept).not.toContain(ids.again);
    expect(kept).toHaveLength(9);
    expect(await counts('?region=KZ-10&flagged=exclude')).toEqual(every(kept.length));
    const summary = await (await fetchAs(server.url, admin, `${BASE}/summary?flagged=exclude`)).json();
    expect(summary.filters.flagged).toBe('exclude');
  });

  it('keeps a rejected response out twice over, and review=all brings back only the unflagged ones', async () => {
    await sendJson(server.url, admin, 'PATCH', '/api/responses', {
      ids: [ids.normal0, ids.fast],
      status: 'rejected',
    });
    expect(await counts('?region=KZ-10')).toEqual(every(9));
    expect(await counts('?region=KZ-10&flagged=exclude')).toEqual(every(8));
    // normal0 comes back; fast, rejected and flagged, does not.
    expect(await counts('?region=KZ-10&review=all&flagged=exclude')).toEqual(every(9));
    expect(await csvIds('?review=all&flagged=exclude')).toHaveLength(9);
  });
});
