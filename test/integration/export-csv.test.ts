// GET /api/surveys/:id/export.csv over HTTP: the downloaded file, parsed with a real CSV parser, holds exactly what
// was posted, for each filter, label language and checkbox layout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, expectedCells, parseCsv, type Table } from '../support/export-download';
import type { Posted } from '../support/export-fixtures';
import { startExportWorld, type ExportWorld } from '../support/export-server';
import { queryNumber, queryRows } from '../support/stored-data';

let world: ExportWorld;
const CSV = '/api/surveys/roadmap-needs/export.csv';
const PII = new Set(['contact_name', 'contact_phone', 'contact_email']);
const RANKINGS = new Set(['top_needs']);

beforeAll(async () => {
  world = await startExportWorld();
});
afterAll(() => world.server.close());

async function csv(query = '', cookie = world.cookies.admin): Promise<Table> {
  const r = await download(world.server.url, cookie, `${CSV}${query}`);
  expect(r.status, r.body.toString()).toBe(200);
  return parseCsv(r.body);
}

const byId = (t: Table) => new Map(t.rows.map((r) => [r.response_id, r]));
const ids = (posted: readonly Posted[]) => posted.map((p) => p.id).sort();
const idsOf = (t: Table) => t.rows.map((r) => r.response_id).sort();

/** Every cell the posted answers determine, compared one by one; columns the answer does not mention are empty or 0. */
function expectRowsMatch(t: Table, posted: readonly Posted[], { pii = false } = {}) {
  const rows = byId(t);
  for (const p of posted) {
    const row = rows.get(p.id)!;
    expect(row, p.id).toBeDefined();
    expect(row).toMatchObject({
      survey: 'roadmap-needs',
      version: String(p.version),
      submitted_at: p.submittedAt,
      locale: p.locale,
      region: String(p.data.region),
      briefing: p.briefing ?? '',
    });
    const expected = expectedCells(p, RANKINGS);
    for (const [column, value] of Object.entries(expected)) {
      if (!pii && PII.has(column)) expect(t.header).not.toContain(column);
      else expect(row[column], `${column} of v${p.version} ${String(p.data.region)}`).toBe(value);
    }
    for (const column of t.header) {
      const [q = '', item] = column.split('/');
      const answer = p.data[q];
      if (column in expected || item === undefined || item === 'other' || typeof answer !== 'object')
        continue;
      // Answered question, choice not chosen: a checkbox says 0; a ranking's rank and a matrix row stay empty.
      expect(row[column], column).toBe(Array.isArray(answer) && !RANKINGS.has(q) ? '0' : '');
    }
  }
}

describe('GET /api/surveys/:id/export.csv', () => {
  it('starts with a BOM, uses CRLF, and names the file after the survey, scope and day', async () => {
    const r = await download(world.server.url, world.cookies.admin, CSV);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="roadmap-needs_all-regions_2023-10-01.csv"',
    );
    expect(r.headers.get('content-encoding')).toBeNull();
    expect([...r.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.body.toString('utf8')).toMatch(
      /^\uFEFFresponse_id,survey,version,submitted_at,locale,region,region_name,briefing,/,
    );
    const text = r.body.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').match(/\n/g)).toHaveLength(1 + 4);
    expect(text.replace(/"[^"]*"/g, '')).not.toMatch(/[^\r]\n/);
  });

  it('holds every posted answer in its column, across v1 and v2, without personal data', async () => {
    const t = await csv();
    expect(idsOf(t)).toEqual(ids(world.posted));
    expectRowsMatch(t, world.posted);
    expect(t.header.filter((h) => h.startsWith('contact_'))).toEqual(['contact_consent']);
  });

  it('tells "not asked" from "skipped": a v1 answer lists online_platforms in __not_asked, a skipped v2 answer does not', async () => {
    const rows = byId(await csv());
    const [v1, full, minimal] = world.posted;
    // The newest version's akimat-staff matrix (v3) was not asked of v1 and v2 answers either.
    expect(rows.get(v1!.id)!.__not_asked).toBe('online_platforms;cooperation_quality_by_akimat');
    expect(rows.get(v1!.id)!['online_platforms/qazvolunteer']).toBe('');
    expect(rows.get(minimal!.id)!.__not_asked).toBe('best_practice_organiser;cooperation_quality_by_akimat');
    expect(rows.get(minimal!.id)!['online_platforms/qazvolunteer']).toBe('');
    expect(rows.get(full!.id)!['online_platforms/qazvolunteer']).toBe('1');
    expect(rows.get(full!.id)!['best_practice_organiser']).toBe('');
  });

  it('keeps the stored text verbatim apart from the formula guard, with quotes, commas and line breaks intact', async () => {
    const full = byId(await csv()).get(world.posted[1]!.id)!;
    expect(full['role/other']).toBe(`'=HYPERLINK("http://x.example","click")`);
    expect(full['activity_fields/other']).toBe('Қайырымдылық, "кеш" және; 50%');
    expect(full.best_practice_description).toBe('Бірінші жол\r\nВторая строка — Өскемен');
    expect(full.needs_other).toBe("'-нет помещения");
    expect(full.front_office_improve).toBe("'@office more staff");
    expect(full.roadmap_proposals).toBe("'+7 701 000 0000 call me");
    expect((await world.server.store.getResponse(world.posted[1]!.id))!.answers['role-Comment']).toBe(
      '=HYPERLINK("http://x.example","click")',
    );
  });

  it('filters by region, version, briefing and dates', async () => {
    const [v1, full, minimal, astana] = world.posted as Posted[];
    expect(idsOf(await csv('?region=KZ-55'))).toEqual(ids([v1!]));
    expect(idsOf(await csv('?region=KZ-55,KZ-71'))).toEqual(ids([v1!, astana!]));
    expect(idsOf(await csv('?region=KZ-55&region=KZ-71'))).toEqual(ids([v1!, astana!]));
    expect(idsOf(await csv('?briefing=semey-2023-09-15'))).toEqual(ids([full!, minimal!]));
    expect(idsOf(await csv('?from=2023-09-15&to=2023-09-15'))).toEqual(ids([full!, minimal!]));
    expect(idsOf(await csv('?from=2023-09-15T06:00:00Z'))).toEqual(ids([minimal!, astana!]));
    // 20:00 UTC on the 20th is already the 21st in Kazakhstan (UTC+5): a date means a Kazakhstan day.
    expect(idsOf(await csv('?to=2023-09-20'))).toEqual(ids([v1!, full!, minimal!]));
    expect(idsOf(await csv('?from=2023-09-21'))).toEqual(ids([astana!]));
    const v2 = await csv('?version=2');
    expect(idsOf(v2)).toEqual(ids([full!, minimal!]));
    expect(v2.header).not.toContain('best_practice_organiser');
    expect(v2.rows.map((r) => r.__not_asked)).toEqual(['', '']);
    const v1only = await csv('?version=1');
    expect(v1only.header).not.toContain('online_platforms/qazvolunteer');
    expect(v1only.header).not.toContain('problems_severity/insurance');
    expectRowsMatch(v1only, [v1!, astana!]);
  });

  it('writes labels in the chosen language, region names included, and keeps numbers and 0/1 as they are', async () => {
    const ru = byId(await csv('?labels=ru')).get(world.posted[1]!.id)!;
    expect(ru.region_name).toBe('область Абай');
    expect(ru.settlement_type).toBe('Город (областной центр или город республиканского значения)');
    expect(ru['problems_severity/funding']).toBe('Серьезная проблема');
    expect(ru['activity_fields/social_help']).toBe('1');
    expect(ru.practices_effectiveness).toBe('4');
    const kk = byId(await csv('?labels=kk')).get(world.posted[0]!.id)!;
    expect(kk.region_name).toBe('Павлодар облысы');
    expect(kk.role).toBe('ҮЕҰ қызметкері');
    const values = byId(await csv()).get(world.posted[0]!.id)!;
    expect(values.region_name).toBe('Pavlodar Region');
  });

  it('joins checkbox codes into one cell in the definition order, and a ranking in rank order, on request', async () => {
    const t = await csv('?choices=joined');
    expect(t.header).toContain('activity_fields');
    expect(t.header).not.toContain('activity_fields/social_help');
    const full = byId(t).get(world.posted[1]!.id)!;
    expect(full.activity_fields).toBe('social_help;digital_volunteering;other');
    expect(full['activity_fields/other']).toBe('Қайырымдылық, "кеш" және; 50%');
    expect(full.top_needs).toBe('premises;stable_funding;training');
    expect(full.channels_akimat).toBe('none');
    expect(byId(t).get(world.posted[2]!.id)!.activity_fields).toBe('');
  });

  it('answers 400 naming the parameter for an unknown region, a missing version, a bad date or an unknown parameter', async () => {
    const cases: [string, string][] = [
      ['?region=KZ-99', 'region'],
      ['?version=7', 'version'],
      ['?version=two', 'version'],
      ['?from=15.09.2023', 'from'],
      ['?to=2023-13-40', 'to'],
      ['?from=2023-09-20&to=2023-09-10', 'to'],
      ['?labels=de', 'labels'],
      ['?choices=rows', 'choices'],
      ['?pii=yes', 'pii'],
      ['?briefing=nowhere', 'briefing'],
      ['?regions=KZ-55', 'regions'],
    ];
    for (const [query, parameter] of cases) {
      const r = await download(world.server.url, world.cookies.admin, `${CSV}${query}`);
      expect(r.status, query).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(r.body.toString());
      expect(
        problem.errors.map((e: any) => e.question),
        query,
      ).toContain(parameter);
    }
    const missing = await download(world.server.url, world.cookies.admin, '/api/surveys/nope/export.csv');
    expect(missing.status).toBe(404);
  });

  it('serves the data dictionary with one row per column and the versions that ask each question', async () => {
    const r = await download(
      world.server.url,
      world.cookies.analyst,
      '/api/surveys/roadmap-needs/dictionary.csv',
    );
    expect(r.status).toBe(200);
    const dict = parseCsv(r.body);
    const columns = new Set(dict.rows.map((row) => row.column));
    expect([...columns]).toEqual((await csv()).header);
    const platforms = dict.rows.find((row) => row.column === 'online_platforms/qazvolunteer')!;
    expect(platforms).toMatchObject({
      question: 'online_platforms',
      type: 'checkbox',
      versions: '2-3',
      item: 'qazvolunteer',
    });
    expect(platforms.note).toMatch(/not asked in version 1/);
    expect(dict.rows.find((row) => row.column === 'best_practice_organiser')!.versions).toBe('1');
    expect(dict.rows.filter((row) => row.column === 'settlement_type').map((row) => row.value)).toEqual([
      'city',
      'town',
      'village',
    ]);
  });

  it('is the same file from stored CSV lines as without them, for all regions and for one', async () => {
    // Each response got its line when it was stored; without them (as after a new survey version), the same file.
    const dataDir = world.server.dataDir;
    const lines = () => queryNumber(dataDir, 'SELECT count(*) FROM export_lines');
    expect(await lines()).toBe(world.posted.length);
    await queryRows(dataDir, 'DELETE FROM export_lines');
    await queryRows(dataDir, 'UPDATE export_line_layouts SET filled_to = 0');
    const before = await download(world.server.url, world.cookies.admin, CSV);
    const regionBefore = await download(world.server.url, world.cookies.admin, `${CSV}?region=KZ-10`);
    // What the server's background filler does between requests, here all at once.
    while ((await world.server.store.fillExportLines(1_000)).pending);
    expect(await lines()).toBe(world.posted.length);
    const after = await download(world.server.url, world.cookies.admin, CSV);
    expect(after.body.equals(before.body)).toBe(true);
    expect(
      (await download(world.server.url, world.cookies.admin, `${CSV}?region=KZ-10`)).body.equals(
        regionBefore.body,
      ),
    ).toBe(true);
    expectRowsMatch(parseCsv(after.body), world.posted);
  });
});
