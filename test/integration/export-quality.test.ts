// Time and quality columns over HTTP: started_at, duration_s and the three flags in the CSV (stored lines and built
// rows alike) and in the dictionary, and `flagged=exclude` leaving flagged responses out of CSV and zip.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postResponse } from '../support/answers';
import { createUser, signIn } from '../support/auth';
import { download, parseCsv, unzip, type Table } from '../support/export-download';
import { BRIEFING } from '../support/export-fixtures';
import { REPO_SURVEYS, startServer, type TestServer } from '../support/server';

let server: TestServer;
let cookie: string;
let now = new Date('2023-09-15T05:00:00.000Z');
const ids: Record<string, string> = {};
const BASE = '/api/surveys/roadmap-needs';
const SEVERITY_ROWS = ['funding', 'premises', 'training', 'legal_paperwork', 'digital_tools', 'recognition'];

/** Posts at `at` (the server's clock) a response begun `seconds` earlier. */
async function post(
  name: string,
  at: string,
  seconds: number | null,
  data: Record<string, unknown>,
  briefing = true,
) {
  now = new Date(at);
  const id = randomUUID();
  const startedAt = seconds === null ? undefined : new Date(now.getTime() - seconds * 1000).toISOString();
  const body = {
    id,
    version: 3,
    locale: 'kk',
    ...(briefing && { briefing: BRIEFING.slug }),
    ...(startedAt && { startedAt }),
    data,
  };
  const r = await postResponse(server.url, body, 'roadmap-needs');
  expect(r.status, r.text).toBe(201);
  ids[name] = id;
}

beforeAll(async () => {
  server = await startServer({ surveysDir: REPO_SURVEYS, clock: () => now });
  await server.store.addBriefing(BRIEFING, now.toISOString());
  const varied = Object.fromEntries(SEVERITY_ROWS.map((row, i) => [row, i % 2 ? 'minor' : 'serious']));
  // Five ordinary responses of 10 to 14 minutes: the median is 720 s, so "very fast" is under 240 s.
  for (let i = 0; i < 5; i++)
    await post(
      `normal${i}`,
      `2023-09-15T0${5 + i}:00:00.000Z`,
      600 + 60 * i,
      { region: 'KZ-10', role: 'student', settlement_type: i % 2 ? 'city' : 'village' },
      false,
    );
  await post('fast', '2023-09-15T10:00:00.000Z', 90, {
    region: 'KZ-10',
    role: 'volunteer',
    problems_severity: varied,
  });
  await post('straight', '2023-09-15T10:30:00.000Z', 700, {
    region: 'KZ-10',
    role: 'volunteer',
    problems_severity: Object.fromEntries(SEVERITY_ROWS.map((row) => [row, 'serious'])),
  });
  // The same answers three times from the hall within minutes: the first is not flagged, the repeats are.
  const same = { region: 'KZ-10', role: 'ngo_staff', settlement_type: 'town' };
  await post('first', '2023-09-15T11:00:00.000Z', 800, same);
  await post('again', '2023-09-15T11:03:00.000Z', 800, same);
  await post('again2', '2023-09-15T11:09:00.000Z', 800, same);
  // Out of the window (10 minutes after the last one): not a repeat of anything.
  await post('later', '2023-09-15T11:30:00.000Z', 800, same);
  await post('noStart', '2023-09-15T12:00:00.000Z', null, { region: 'KZ-10', role: 'student' });
  await createUser(server.store, {
    email: 'abai@example.kz',
    role: 'analyst',
    regions: ['KZ-10'],
    password: 'correct horse battery staple',
  });
  cookie = await signIn(server.url, 'abai@example.kz', 'correct horse battery staple');
});
afterAll(() => server.close());

async function csv(query = ''): Promise<Table> {
  const r = await download(server.url, cookie, `${BASE}/export.csv${query}`);
  expect(r.status, r.body.toString()).toBe(200);
  return parseCsv(r.body);
}
const row = (t: Table, name: string) => t.rows.find((r) => r.response_id === ids[name])!;

describe('time and quality columns', () => {
  it('give the start, the duration in seconds and each flag, in stored lines and built rows alike', async () => {
    for (const query of ['', '?labels=ru', '?sep=semicolon']) {
      const r = await download(server.url, cookie, `${BASE}/export.csv${query}`);
      const t = query.includes('semicolon')
        ? parseCsv(Buffer.from(r.body.toString('utf8').replaceAll(';', ',')))
        : parseCsv(r.body);
      expect(t.header.slice(-6)).toEqual([
        '__not_asked',
        'started_at',
        'duration_s',
        'flag_straightlining',
        'flag_duplicate',
        'flag_fast',
      ]);
      expect(row(t, 'normal0')).toMatchObject({
        started_at: '2023-09-15T04:50:00.000Z',
        duration_s: '600',
        flag_straightlining: '0',
        flag_duplicate: '0',
        flag_fast: '0',
      });
      expect(row(t, 'fast'), query).toMatchObject({
        duration_s: '90',
        flag_fast: '1',
        flag_straightlining: '0',
      });
      expect(row(t, 'straight'), query).toMatchObject({
        flag_straightlining: '1',
        flag_fast: '0',
        flag_duplicate: '0',
      });
      expect(row(t, 'first').flag_duplicate).toBe('0');
      expect(row(t, 'again').flag_duplicate).toBe('1');
      expect(row(t, 'again2').flag_duplicate).toBe('1');
      expect(row(t, 'later').flag_duplicate).toBe('0');
      expect(row(t, 'noStart'), query).toMatchObject({ started_at: '', duration_s: '', flag_fast: '' });
    }
  });

  it('flagged=exclude leaves out every flagged response, in the CSV and in each file of the zip', async () => {
    const flagged = ['fast', 'straight', 'again', 'again2'].map((n) => ids[n]);
    for (const query of ['?flagged=exclude', '?flagged=exclude&labels=kk']) {
      const t = await csv(query);
      expect(t.rows.map((r) => r.response_id).sort(), query).toEqual(
        Object.values(ids)
          .filter((id) => !flagged.includes(id))
          .sort(),
      );
    }
    const zip = await download(server.url, cookie, `${BASE}/export.zip?flagged=exclude`);
    const files = await unzip(zip.body);
    const combined = parseCsv(files.get('combined.csv')!);
    expect(combined.rows).toHaveLength(Object.keys(ids).length - flagged.length);
    expect(combined.rows.some((r) => flagged.includes(r.response_id!))).toBe(false);
    expect(/filename="([^"]+)"/.exec(zip.headers.get('content-disposition')!)![1]).toContain(
      '_without-flagged_',
    );
  });

  it('describes the columns in the data dictionary in kk, ru and en, with the rule of each flag', async () => {
    const r = await download(server.url, cookie, `${BASE}/dictionary.csv`);
    const dict = parseCsv(r.body);
    const fast = dict.rows.filter((d) => d.column === 'flag_fast');
    expect(fast.map((d) => d.value)).toEqual(['1', '0']);
    expect(fast[0]).toMatchObject({
      type: 'flag',
      title_kk: 'Белгі: тым жылдам толтырылған',
      value_ru: 'да',
    });
    expect(fast[0]!.note).toMatch(/33% of the median duration/);
    expect(dict.rows.find((d) => d.column === 'duration_s')).toMatchObject({
      type: 'number',
      title_en: 'Duration, seconds',
    });
    expect(dict.rows.find((d) => d.column === 'flag_duplicate')!.note).toMatch(/within the 10 minutes/);
  });

  it('answers 400 naming flagged for a value it does not know', async () => {
    const r = await download(server.url, cookie, `${BASE}/export.csv?flagged=maybe`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body.toString()).errors[0]).toMatchObject({ question: 'flagged' });
  });
});
