// Counts for charts of grids and repeats (issue 19 item 4) over HTTP, on the public SurveyJS definitions kept in
// test/fixtures/foreign and the every-type survey: GET /summary gives a grid per column, a multipletext per item, a
// repeat's fields over entries with the respondents beside, and the entries per respondent; a small cell is withheld
// (k = 5) and so is an entry count whose respondents are few, however many entries they made.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnsweredAggregate, RepeatField, SummaryBody } from '../../exports/aggregates/types';
import { envelope, postResponse } from '../support/answers';
import { createUser, fetchAs, signIn } from '../support/auth';
import { readForeign } from '../support/foreign-surveys';
import { makeTempDir, startServer, type TestServer } from '../support/server';

const EVERY_TYPE = join(import.meta.dirname, '../fixtures/qtypes/every-type/v1.json');

const review = (reviewer: string, rating: number, accurate?: number) => ({
  review_date: '2024-03-01',
  reviewer,
  rating,
  ...(accurate !== undefined && { quality: { accurate: { rating: accurate }, pressure: { rating: 3 } } }),
});
/** 6 respondents, 9 reviews: sarah_chen in one review of each, david_kim in one, lisa_wang in two of one person's. */
const HR = [
  [review('sarah_chen', 8, 4), review('david_kim', 6)],
  [review('sarah_chen', 8, 4)],
  [review('sarah_chen', 7, 5)],
  [review('sarah_chen', 8, 4), review('lisa_wang', 9), review('lisa_wang', 9)],
  [review('sarah_chen', 8, 4)],
  [review('sarah_chen', 8, 4)],
].map((review_list) => ({ region: 'KZ-10', review_list }));

/** 8 respondents: six with 2 rows, one with 3, one with 4; each first row Algebra, the others Biology. */
const TEACHERS = [2, 2, 2, 2, 2, 2, 3, 4].map((rows, r) => ({
  region: 'KZ-55',
  teachersRate: Array.from({ length: rows }, (_, i) => ({
    subject: i === 0 ? 'Math: Algebra' : 'Science: Biology',
    // One row of the first respondent says "No", one of the second "Sometimes"; all others "Yes".
    explains: r === 0 && i === 1 ? -1 : r === 1 && i === 1 ? 0 : 1,
  })),
}));

const PRICES = Array.from({ length: 6 }, (_, i) => ({
  region: 'KZ-75',
  pricelimit: { mostamount: `${100 + i}`, ...(i < 3 && { leastamount: `${i}` }) },
}));

const EVERY = Array.from({ length: 7 }, (_, i) => ({
  region: 'KZ-11',
  knows_practices: true,
  best_practices: [
    { name: 'Жастар орталығы', who_runs: 'ngo', ratings: { reach: { rating: 5 }, cost: { rating: 3 } } },
  ],
  needs_table: [{ need: 'space' }],
  channels_grid: { ngo: { used: true, quality: 4 }, ...(i < 2 && { akimat: { used: false } }) },
  team: { volunteers: 40 },
}));

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  const surveysDir = makeTempDir('saualnama-grid-charts-');
  const files = {
    'hr-reviews': 'hr-performance-reviews.json',
    teachers: 'library-matrixdynamic-teachers-rate.json',
    pricelimit: 'library-multipletext-pricelimit.json',
  };
  for (const [id, file] of Object.entries(files)) {
    mkdirSync(join(surveysDir, id));
    writeFileSync(join(surveysDir, id, 'v1.json'), JSON.stringify(readForeign(file)));
  }
  mkdirSync(join(surveysDir, 'every-type'));
  cpSync(EVERY_TYPE, join(surveysDir, 'every-type', 'v1.json'));
  server = await startServer({ surveysDir });
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: 'correct horse 1' });
  cookie = await signIn(server.url, 'admin@example.kz', 'correct horse 1');
  const sets = { 'hr-reviews': HR, teachers: TEACHERS, pricelimit: PRICES, 'every-type': EVERY };
  for (const [survey, answers] of Object.entries(sets))
    for (const data of answers) {
      const r = await postResponse(server.url, envelope({}, data), survey);
      expect(r.status, `${survey}: ${r.text}`).toBe(201);
    }
}, 60_000);
afterAll(() => server.close());

async function question(survey: string, name: string): Promise<AnsweredAggregate> {
  const res = await fetchAs(server.url, cookie, `/api/surveys/${survey}/summary`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as SummaryBody;
  expect(body.smallCellThreshold).toBe(5);
  return body.questions.find((q) => q.name === name) as AnsweredAggregate;
}

const n = (c: { count?: number; suppressed?: true }) => (c.suppressed ? '-' : c.count);
const field = (q: AnsweredAggregate, path: string) =>
  q.repeat!.fields.find((f) => f.path.join('/') === path) as RepeatField;
const byValue = (f: RepeatField) =>
  Object.fromEntries(f.values.map((v) => [String(v.code), [n(v.entries), n(v.respondents)]]));

describe('a dynamic panel holding a grid (hr-performance-reviews)', () => {
  it('counts each field over the reviews, with the respondents who made at least one beside', async () => {
    const q = await question('hr-reviews', 'review_list');
    // Still the question's answered aggregate: what the summary said before is all still there.
    expect(q).toMatchObject({ kind: 'answered', type: 'paneldynamic', answered: { count: 6 } });
    expect(n(q.repeat!.entries)).toBe(9);
    const reviewer = field(q, 'reviewer');
    expect(reviewer.labels[0]!.en).toBe('Reviewer');
    expect(reviewer.answered).toEqual({
      entries: { count: 9, percent: 100 },
      respondents: { count: 6, percent: 100 },
    });
    // lisa_wang: two reviews, but by one person: both numbers withheld.
    expect(byValue(reviewer)).toEqual({
      sarah_chen: [6, 6],
      david_kim: ['-', '-'],
      lisa_wang: ['-', '-'],
      other: [0, 0],
    });
    expect(byValue(field(q, 'rating'))).toMatchObject({ 8: [5, 5], 9: ['-', '-'], 10: [0, 0] });
    // The grid inside each review: a field per cell. accurate: 4 by five, 5 by one → the 1 withheld, and the 5 too,
    // since the reviews that answered it (6, shown) less 5 would give the 1 back.
    expect(byValue(field(q, 'quality/accurate/rating'))).toMatchObject({ 4: ['-', '-'], 5: ['-', '-'] });
    expect(byValue(field(q, 'quality/pressure/rating'))).toMatchObject({ 3: [6, 6] });
    expect(field(q, 'quality/pressure/rating').labels.map((l) => l.en)).toEqual([
      'Quality of Work ',
      'Ability to work under pressure and learn from previous mistakes',
      'rating',
    ]);
  });

  it('gives the reviews per respondent, up to ten and "10 or more" (the panel sets no maximum)', async () => {
    const q = await question('hr-reviews', 'review_list');
    const buckets = q.repeat!.perRespondent;
    expect(buckets).toHaveLength(11);
    expect(buckets.at(-1)).toMatchObject({ entries: 10, orMore: true });
    // 1 review: four people; 2 and 3: one each → all under five, withheld; nobody asked went without one.
    expect(buckets.slice(0, 4).map((b) => n(b.respondents))).toEqual([0, '-', '-', '-']);
  });
});

describe('a dynamic matrix (survey-library matrixdynamic)', () => {
  it('counts each column over the rows, with the respondents beside', async () => {
    const q = await question('teachers', 'teachersRate');
    expect(n(q.repeat!.entries)).toBe(19);
    expect(byValue(field(q, 'subject'))).toMatchObject({
      'Math: Algebra': [8, 8],
      'Science: Biology': [11, 8],
    });
    expect(byValue(field(q, 'explains'))).toEqual({ 1: [17, 8], 0: ['-', '-'], '-1': ['-', '-'] });
  });

  it('gives the rows per respondent, the small groups withheld', async () => {
    const q = await question('teachers', 'teachersRate');
    expect(q.repeat!.perRespondent.slice(0, 6).map((b) => n(b.respondents))).toEqual([0, 0, 6, '-', '-', 0]);
    expect(q.repeat!.perRespondent[2]!.respondents).toEqual({ count: 6, percent: 75 });
  });
});

describe('item lists and grids', () => {
  it('counts a multipletext per item, an item answered by fewer than five withheld', async () => {
    const q = await question('pricelimit', 'pricelimit');
    expect(q.grid![0]!.rows.map((r) => [r.code, n(r.answered)])).toEqual([
      ['mostamount', 6],
      ['leastamount', '-'],
    ]);
  });

  it('counts a matrixdropdown per column, each row apart', async () => {
    const q = await question('every-type', 'channels_grid');
    const used = q.grid!.find((c) => c.code === 'used')!;
    expect(used.rows.map((r) => [r.code, n(r.answered), r.cells.map(n)])).toEqual([
      ['ngo', 7, [7, 0]],
      ['akimat', '-', ['-', '-']],
      ['business', 0, [0, 0]],
    ]);
    const quality = q.grid!.find((c) => c.code === 'quality')!;
    expect(quality.cellType).toBe('rating');
    expect(quality.rows[0]!.cells.map(n)).toEqual([0, 0, 0, 7, 0]);
    const practices = await question('every-type', 'best_practices');
    expect(byValue(field(practices, 'who_runs'))).toMatchObject({ ngo: [7, 7], akimat: [0, 0] });
    expect(practices.repeat!.perRespondent.map((b) => n(b.respondents))).toEqual([0, 7, 0, 0]);
  });
});
