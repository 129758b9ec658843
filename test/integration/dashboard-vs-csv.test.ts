// The dashboard's numbers against numbers counted from the CSV export of the same filter: demo data (2,000
// responses), one region and one version; the numbers are read from what the charts and their CSV show
// (client/charts/chart-table.ts over the summary API) and from the region comparison, then recounted from the CSV.
// Equal for a reader who may see exact numbers (an analyst of the region, who can download the CSV); within the
// perturbation table's bounds (±2, zero stays zero, shares of the published n) for an author, who cannot.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrosstabBody, QuestionAggregate, SummaryBody } from '../../exports/aggregates/types';
import { chartTable } from '../../client/charts/chart-table';
import { comparison } from '../../client/workspace/regions/comparison';
import { createUser, fetchAs, signIn } from '../support/auth';
import { download, parseCsv } from '../support/export-download';
import { demoData } from '../support/demo-data';
import { MAX_NOISE } from '../../exports/aggregates/disclosure';
import { REPO_SURVEYS, startServer, type TestServer } from '../support/server';
import { dropDatabaseOf } from '../support/test-database';

const FILTER = 'region=KZ-75&version=2';
const K = 5;
let server: TestServer;
let dataDir: string;
let cookie: string;
let rows: Record<string, string>[];
type Reader = 'analyst' | 'author';
const readers: Record<Reader, { cookie: string; summary: SummaryBody }> = {
  analyst: { cookie: '', summary: {} as SummaryBody },
  author: { cookie: '', summary: {} as SummaryBody },
};
/** The reader whose numbers the tests below read (describe.each sets it). */
let reader: Reader = 'analyst';
let summary: SummaryBody;

beforeAll(async () => {
  dataDir = await demoData(2000, 5);
  server = await startServer({ dataDir, surveysDir: REPO_SURVEYS });
  await createUser(server.store, {
    email: 'analyst@example.kz',
    role: 'analyst',
    password: 'dashboard-vs-csv',
  });
  await createUser(server.store, {
    email: 'author@example.kz',
    role: 'author',
    password: 'dashboard-vs-csv',
  });
  for (const who of ['analyst', 'author'] as const) {
    readers[who].cookie = await signIn(server.url, `${who}@example.kz`, 'dashboard-vs-csv');
    const res = await fetchAs(
      server.url,
      readers[who].cookie,
      `/api/surveys/roadmap-needs/summary?${FILTER}`,
    );
    expect(res.status).toBe(200);
    readers[who].summary = (await res.json()) as SummaryBody;
  }
  cookie = readers.analyst.cookie;
  const csv = await download(server.url, cookie, `/api/surveys/roadmap-needs/export.csv?${FILTER}`);
  expect(csv.status).toBe(200);
  rows = parseCsv(csv.body).rows;
}, 150_000);

afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await dropDatabaseOf(dataDir);
});

const question = (name: string): QuestionAggregate => {
  const q = summary.questions.find((x) => x.name === name);
  if (!q) throw new Error(`the summary has no question ${name}`);
  return q;
};

/** The chart's CSV table as objects keyed by its (English) headers. */
function shown(q: QuestionAggregate): Record<string, string | number | null>[] {
  const [header = [], ...body] = chartTable(q, 'en', K);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])));
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Exact reader: a shown count must equal the recount, with its percent of `n`; a count of 1–4 must be shown as
 * "< 5" (a hidden cell may also be a larger one hidden as a complement, so the other way round is not asserted).
 * Author: a shown count is within ±2 of the recount (0 exactly when the recount is 0), "< 5" only for a recount
 * below 5 + 2, and its percent is of the published n (`shownN`), never of the true one.
 */
function expectCell(
  label: string,
  count: string | number | null | undefined,
  percent: string | number | null | undefined,
  recount: number,
  n: number,
  shownN: number = n,
) {
  if (reader === 'author') {
    if (count === `< ${K}`) {
      expect([label, recount <= K - 1 + MAX_NOISE]).toEqual([label, true]);
      return expect([label, percent]).toEqual([label, '']);
    }
    if (recount === 0) expect([label, count]).toEqual([label, 0]);
    expect([label, Math.abs(Number(count) - recount) <= MAX_NOISE]).toEqual([label, true]);
    return expect([label, percent]).toEqual([
      label,
      shownN === 0 ? null : round1((Number(count) / shownN) * 100),
    ]);
  }
  if (recount > 0 && recount < K) expect([label, count]).toEqual([label, `< ${K}`]);
  if (count === `< ${K}`) return expect([label, percent]).toEqual([label, '']);
  expect([label, count, percent]).toEqual([label, recount, n === 0 ? null : round1((recount / n) * 100)]);
}

/** A published n: equal to the recount for an exact reader, within the table's bounds for an author. */
function expectN(
  label: string,
  shownCount: { count: number } | { suppressed: true },
  recount: number,
): number {
  if ('suppressed' in shownCount) throw new Error(`${label} is withheld`);
  if (reader === 'author')
    expect([label, Math.abs(shownCount.count - recount) <= MAX_NOISE]).toEqual([label, true]);
  else expect([label, shownCount.count]).toEqual([label, recount]);
  return shownCount.count;
}

describe.each(['analyst', 'author'] as const)(`the dashboard for ${FILTER}, as %s`, (who) => {
  beforeAll(() => {
    reader = who;
    summary = readers[who].summary;
    cookie = readers[who].cookie;
  });

  it('counts the responses the CSV holds, all of KZ-75 and version 2', () => {
    expect(rows.length).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['KZ-75']));
    expect(new Set(rows.map((r) => r.version))).toEqual(new Set(['2']));
    expectN('responses', summary.responses, rows.length);
    expect(summary.perturbed).toBe(who === 'author' ? true : undefined);
  });

  it('shows single-choice counts (role) equal to the CSV', () => {
    const answered = rows.filter((r) => r.role !== '').length;
    const n = expectN('role answered', question('role').answered, answered);
    for (const cell of shown(question('role')))
      expectCell(
        `role=${cell.Code}`,
        cell.Count,
        cell.Percent,
        rows.filter((r) => r.role === cell.Code).length,
        answered,
        n,
      );
  });

  it('shows checkbox shares of respondents (practices_used) equal to the CSV', () => {
    const columns = Object.keys(rows[0]!).filter((c) => c.startsWith('practices_used/'));
    const answered = rows.filter((r) => columns.some((c) => r[c] !== '')).length;
    const n = expectN('practices_used answered', question('practices_used').answered, answered);
    for (const cell of shown(question('practices_used'))) {
      // "Other" has no 0/1 column: its text column is filled exactly when it was ticked.
      const chose = (r: Record<string, string>) =>
        cell.Code === 'other' ? r['practices_used/other'] !== '' : r[`practices_used/${cell.Code}`] === '1';
      expectCell(
        `practices_used/${cell.Code}`,
        cell.Count,
        cell.Percent,
        rows.filter(chose).length,
        answered,
        n,
      );
    }
  });

  it('shows a rating distribution, mean and median (practices_effectiveness) equal to the CSV', () => {
    const values = rows
      .map((r) => r.practices_effectiveness)
      .filter((v): v is string => v !== '' && v !== undefined)
      .map(Number);
    const q = question('practices_effectiveness');
    const n = expectN('rating answered', q.answered, values.length);
    for (const cell of shown(q))
      expectCell(
        `rating=${cell.Code}`,
        cell.Count,
        cell.Percent,
        values.filter((v) => String(v) === cell.Code).length,
        values.length,
        n,
      );
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1]! + sorted[mid]!) / 2;
    const mean = round2(values.reduce((s, v) => s + v, 0) / values.length);
    if (who === 'analyst') expect(q).toMatchObject({ mean, median });
    else {
      // From the published distribution: ±2 on each of 5 cells moves a mean of ~100 answers by a few hundredths.
      if (q.kind !== 'rating' || q.mean === null) throw new Error('the rating has no mean');
      expect(Math.abs(q.mean - mean)).toBeLessThan(0.2);
      expect(Math.abs(q.median! - median!)).toBeLessThanOrEqual(1);
    }
  });

  it('shows matrix rows (problems_severity) equal to the CSV, each row of its own n', () => {
    for (const cell of shown(question('problems_severity'))) {
      const column = `problems_severity/${cell['Row code']}`;
      const n = rows.filter((r) => r[column] !== '').length;
      const rowN = cell['n (answered)'];
      if (who === 'analyst') expect([column, rowN]).toEqual([column, n >= K ? n : `< ${K}`]);
      else
        expect([column, typeof rowN === 'number' && Math.abs(rowN - n) <= MAX_NOISE]).toEqual([column, true]);
      expectCell(
        `${column}=${cell.Code}`,
        cell.Count,
        cell.Percent,
        rows.filter((r) => r[column] === cell.Code).length,
        n,
        Number(rowN),
      );
    }
  });

  it('shows rankings (top_needs) as ranked first, ranked at all and mean rank equal to the CSV', () => {
    const q = question('top_needs');
    const answered = rows.filter((r) =>
      Object.keys(r).some((c) => c.startsWith('top_needs/') && r[c] !== ''),
    ).length;
    const n = expectN('top_needs answered', q.answered, answered);
    for (const cell of shown(q)) {
      const ranks = rows
        .map((r) => r[`top_needs/${cell.Code}`])
        .filter((v): v is string => v !== '' && v !== undefined)
        .map(Number);
      expectCell(
        `top_needs/${cell.Code} first`,
        cell['Ranked first'],
        cell['Ranked first, %'],
        ranks.filter((x) => x === 1).length,
        answered,
        n,
      );
      expectCell(
        `top_needs/${cell.Code} ranked`,
        cell['Ranked at any place'],
        cell['Ranked at any place, %'],
        ranks.length,
        answered,
        n,
      );
      const meanRank = round2(ranks.reduce((s, x) => s + x, 0) / ranks.length);
      if (ranks.length >= K && who === 'analyst') expect(cell['Mean rank']).toBe(meanRank);
      if (ranks.length >= 20 && who === 'author')
        expect(Math.abs(Number(cell['Mean rank']) - meanRank)).toBeLessThan(0.5);
    }
  });

  it('counts free-text answers (best_practice_description) as the CSV has them', () => {
    const [cell] = shown(question('best_practice_description'));
    const answered = rows.filter((r) => r.best_practice_description !== '').length;
    const asked = question('best_practice_description').asked;
    expectCell(
      'best_practice_description',
      cell?.Count ?? null,
      cell?.Percent ?? null,
      answered,
      rows.length,
      'suppressed' in asked ? 0 : asked.count,
    );
  });

  it('shows the same KZ-75 numbers on the region comparison as in the CSV', async () => {
    const res = await fetchAs(
      server.url,
      cookie,
      '/api/surveys/roadmap-needs/crosstab?question=role&by=region&version=2',
    );
    const body = (await res.json()) as CrosstabBody;
    const cmp = comparison(body, { answer: null, row: null, measure: 'first' }, 'en');
    expect(cmp.rows).toHaveLength(20);
    const almaty = cmp.rows.find((r) => r.code === 'KZ-75');
    const answered = rows.filter((r) => r.role !== '').length;
    const n = expectN('KZ-75 role answered', almaty!.n, answered);
    cmp.options.forEach((option, i) => {
      const cell = almaty?.cells[i];
      const recount = rows.filter((r) => r.role === option.code).length;
      const [count, percent] = cell && !cell.suppressed ? [cell.count, cell.percent] : [`< ${K}`, ''];
      expectCell(`regions role=${option.code}`, count, percent, recount, answered, n);
    });
  });
});
