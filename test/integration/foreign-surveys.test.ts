// Acceptance on surveys nobody here wrote (test/fixtures/foreign, sources in SOURCES.md) and on the every-type
// survey: each loads, takes valid answers (201, retry 200), refuses other content under the same id (409) and
// invalid answers naming the question (422), and exports a main CSV that Python's csv module reads.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, fetchAs, signIn } from '../support/auth';
import { unzip } from '../support/export-download';
import { envelope, postResponse } from '../support/answers';
import { readForeign } from '../support/foreign-surveys';
import { makeTempDir, startServer, type TestServer } from '../support/server';

const EVERY_TYPE = join(import.meta.dirname, '../fixtures/qtypes/every-type');

/** Each survey with one valid answer set, one invalid set and the question the 422 must name. */
const CASES = [
  {
    id: 'hr-reviews',
    file: 'hr-performance-reviews.json',
    valid: {
      region: 'KZ-10',
      review_list: [
        {
          review_date: '2024-03-01',
          reviewer: 'other',
          'reviewer-Comment': 'Айгерім',
          quality: { accurate: { rating: 4 }, timely: { rating: 5 } },
          'quality-Comment': 'Жақсы',
          rating: 8,
        },
        { review_date: '2024-06-01', reviewer: 'david_kim', rating: 6, strengths: 'Уақытында' },
      ],
    },
    invalid: {
      region: 'KZ-10',
      review_list: [{ review_date: '2024-03-01', reviewer: 'david_kim', rating: 11 }],
    },
    question: 'review_list',
    message: /entry 1, "rating"/,
    cells: { review_list: '2' },
    repeat: {
      question: 'review_list',
      entries: 2,
      cells: { rating: '8', 'reviewer/other': 'Айгерім', 'quality/accurate/rating': '4' },
    },
  },
  {
    id: 'teachers',
    file: 'library-matrixdynamic-teachers-rate.json',
    valid: {
      region: 'KZ-55',
      teachersRate: [
        {
          subject: 'Math: Algebra',
          explains: 1,
          interesting: 0,
          bool: true,
          likeTheBest: 'Мұғалім, "тамаша"',
        },
        { subject: 'Science: Biology', explains: -1 },
      ],
    },
    invalid: { region: 'KZ-55', teachersRate: [{ explains: 1 }] },
    question: 'teachersRate',
    message: /row 1, "subject": an answer is required/,
    cells: { teachersRate: '2' },
    repeat: {
      question: 'teachersRate',
      entries: 2,
      cells: { subject: 'Math: Algebra', explains: '1', bool: '1' },
    },
  },
  {
    id: 'pricelimit',
    file: 'library-multipletext-pricelimit.json',
    valid: { region: 'KZ-75', pricelimit: { mostamount: 'All my money', leastamount: 'Zero' } },
    invalid: { region: 'KZ-75', pricelimit: { mostamount: 5, cheapest: 'x' } },
    question: 'pricelimit',
    message: /"mostamount": must be a string/,
    cells: { 'pricelimit/mostamount': 'All my money', 'pricelimit/leastamount': 'Zero' },
    repeat: undefined,
  },
  {
    id: 'every-type',
    file: '',
    valid: {
      region: 'KZ-11',
      knows_practices: true,
      deep_note: 'Ескерту',
      best_practices: [
        {
          name: 'Жастар орталығы',
          who_runs: 'ngo',
          started: 2019,
          registered: true,
          funding: ['grants'],
          ratings: { reach: { rating: 5 }, cost: { rating: 3 } },
        },
        {
          name: 'Ауыл көмегі',
          who_runs: 'group',
          contact: '+7 701 000 00 00',
          ratings: { reach: { rating: 2 }, cost: { rating: 1 } },
        },
      ],
      needs_table: [{ need: 'space', priority: 2, urgent: true, note: 'Қыс', people: 12 }],
      channels_grid: { ngo: { used: true, quality: 4, how: 'chat' }, akimat: { used: false } },
      team: { volunteers: 40, staff: 2, website: 'example.kz' },
    },
    invalid: {
      region: 'KZ-11',
      needs_table: [{ need: 'space', people: 12, double: 24 }],
      team: { volunteers: 1 },
    },
    question: 'needs_table',
    message: /row 1, "double": computed/,
    cells: {
      best_practices: '2',
      needs_table: '1',
      'channels_grid/ngo/quality': '4',
      'channels_grid/ngo/how': 'chat',
      'team/volunteers': '40',
      deep_note: 'Ескерту',
    },
    repeat: {
      question: 'best_practices',
      entries: 2,
      cells: { name: 'Жастар орталығы', who_runs: 'ngo', 'funding/grants': '1', 'ratings/reach/rating': '5' },
    },
  },
] as const;

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  const surveysDir = makeTempDir('saualnama-foreign-');
  for (const c of CASES) {
    mkdirSync(join(surveysDir, c.id));
    if (c.file) writeFileSync(join(surveysDir, c.id, 'v1.json'), JSON.stringify(readForeign(c.file)));
    else cpSync(join(EVERY_TYPE, 'v1.json'), join(surveysDir, c.id, 'v1.json'));
  }
  server = await startServer({ surveysDir });
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: 'correct horse 1' });
  cookie = await signIn(server.url, 'admin@example.kz', 'correct horse 1');
}, 60_000);
afterAll(() => server.close());

/** The CSV as Python's csv module reads it: header and rows as lists of strings. */
function readWithPython(bytes: Buffer): string[][] {
  const run = spawnSync(
    '/usr/bin/python3',
    [
      '-c',
      'import csv,sys,json,io; print(json.dumps(list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")))))',
    ],
    { input: bytes, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`python3 csv could not read it: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

describe.each(CASES)('$id: a survey with repeats, grids or item lists', (c) => {
  it('stores valid answers (201), takes a retry (200), refuses other content under the same id (409)', async () => {
    const body = envelope({}, c.valid as Record<string, unknown>);
    const first = await postResponse(server.url, body, c.id);
    expect(first.status, first.text).toBe(201);
    expect((await postResponse(server.url, body, c.id)).status).toBe(200);
    const other = { ...body, data: { ...(c.valid as Record<string, unknown>), region: 'KZ-19' } };
    expect((await postResponse(server.url, other, c.id)).status).toBe(409);
  });

  it('refuses invalid answers with 422 naming the question and what inside it is wrong', async () => {
    const r = await postResponse(server.url, envelope({}, c.invalid as Record<string, unknown>), c.id);
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const errors = r.json?.errors as { question: string; message: string }[];
    expect(errors.find((e) => e.question === c.question)?.message).toMatch(c.message);
  });

  it('exports one main-CSV row per response that Python’s csv module reads', async () => {
    const res = await fetchAs(server.url, cookie, `/api/surveys/${c.id}/export.csv`);
    expect(res.status).toBe(200);
    const rows = readWithPython(Buffer.from(await res.arrayBuffer()));
    const [header = [], ...data] = rows;
    expect(data).toHaveLength(1);
    expect(data[0]).toHaveLength(header.length);
    expect(header).toContain('response_id');
    // Grids as <question>/<row>/<column>, item lists as <question>/<item>, repeats by their number of entries.
    const row = Object.fromEntries(header.map((h, i) => [h, data[0]?.[i]]));
    expect(row).toMatchObject(c.cells);
  });
});

describe.each(CASES.filter((c) => c.repeat))('$id: the repeating group’s own file', (c) => {
  it('is a long-format CSV, one line per entry with response_id and entry, that Python’s csv module reads', async () => {
    const repeat = c.repeat!;
    const res = await fetchAs(server.url, cookie, `/api/surveys/${c.id}/repeats/${repeat.question}.csv`);
    expect(res.status).toBe(200);
    const [header = [], ...data] = readWithPython(Buffer.from(await res.arrayBuffer()));
    expect(header.slice(0, 2)).toEqual(['response_id', 'entry']);
    expect(data).toHaveLength(repeat.entries);
    expect(data.map((r) => r[1])).toEqual(Array.from({ length: repeat.entries }, (_, i) => String(i + 1)));
    const first = Object.fromEntries(header.map((h, i) => [h, data[0]?.[i]]));
    expect(first).toMatchObject(repeat.cells);
  });

  it('sits in the zip beside the main file, and the dictionary lists its fields', async () => {
    const repeat = c.repeat!;
    const res = await fetchAs(server.url, cookie, `/api/surveys/${c.id}/export.zip`);
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    const name = `${c.id}_${repeat.question}.csv`;
    expect([...files.keys()]).toEqual(expect.arrayContaining(['national.csv', 'data-dictionary.csv', name]));
    expect(readWithPython(files.get(name)!).length - 1).toBe(repeat.entries);
    const dictionary = readWithPython(files.get('data-dictionary.csv')!).map((r) => r[0]);
    for (const column of Object.keys(repeat.cells)) expect(dictionary).toContain(`${name}:${column}`);
  });

  it('answers 404 for a question that is not a repeating group', async () => {
    const res = await fetchAs(server.url, cookie, `/api/surveys/${c.id}/repeats/region.csv`);
    expect(res.status).toBe(404);
  });
});

it('keeps the sources of the foreign definitions beside them', () => {
  const sources = readFileSync(join(import.meta.dirname, '../fixtures/foreign/SOURCES.md'), 'utf8');
  for (const c of CASES) if (c.file) expect(sources).toContain(c.file);
});
