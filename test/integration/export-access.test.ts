// Who may export what: admins and analysts download, authors do not (they get aggregates), a region-limited
// analyst reads only their regions on the CSV, zip and dictionary, and personal data is for admins alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, parseCsv, unzip } from '../support/export-download';
import { startExportWorld, type ExportWorld } from '../support/export-server';

let world: ExportWorld;
const BASE = '/api/surveys/roadmap-needs';

beforeAll(async () => {
  world = await startExportWorld();
});
afterAll(() => world.server.close());

const get = (cookie: string, path: string) => download(world.server.url, cookie, `${BASE}${path}`);
const regionsOf = (body: Buffer) => [...new Set(parseCsv(body).rows.map((r) => r.region))].sort();

describe('export permissions', () => {
  it('answers 401 without a session on every export route', async () => {
    for (const path of ['/export.csv', '/export.zip', '/dictionary.csv']) {
      const r = await fetch(`${world.server.url}${BASE}${path}`);
      expect(r.status, path).toBe(401);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers 403 to an author: authors work from the aggregates', async () => {
    for (const path of ['/export.csv', '/export.zip', '/dictionary.csv'])
      expect((await get(world.cookies.author, path)).status, path).toBe(403);
  });

  it('gives an analyst limited to KZ-10 only the Abai rows when no region is asked', async () => {
    const r = await get(world.cookies.abai, '/export.csv');
    expect(r.status).toBe(200);
    expect(regionsOf(r.body)).toEqual(['KZ-10']);
    expect(parseCsv(r.body).rows).toHaveLength(2);
    expect(r.headers.get('content-disposition')).toContain('roadmap-needs_KZ-10_');
    expect(regionsOf((await get(world.cookies.abai, '/export.csv?region=KZ-10')).body)).toEqual(['KZ-10']);
  });

  it('answers 403 to the KZ-10 analyst asking for KZ-55, alone or with KZ-10, on the CSV and the zip', async () => {
    for (const path of [
      '/export.csv?region=KZ-55',
      '/export.csv?region=KZ-10,KZ-55',
      '/export.zip?region=KZ-55',
    ]) {
      const r = await get(world.cookies.abai, path);
      expect(r.status, path).toBe(403);
      expect(r.body.toString()).not.toContain('KZ-55,');
    }
  });

  it('gives an unlimited analyst every region, and the same rows as an admin', async () => {
    const analyst = await get(world.cookies.analyst, '/export.csv');
    const admin = await get(world.cookies.admin, '/export.csv');
    expect(regionsOf(analyst.body)).toEqual(['KZ-10', 'KZ-55', 'KZ-71']);
    expect(analyst.body.equals(admin.body)).toBe(true);
  });

  it('exports personal data to an admin who asks for it, and answers 403 to an analyst who does', async () => {
    expect((await get(world.cookies.analyst, '/export.csv?pii=1')).status).toBe(403);
    expect((await get(world.cookies.abai, '/export.zip?pii=1')).status).toBe(403);
    const r = await get(world.cookies.admin, '/export.csv?pii=1');
    expect(r.status).toBe(200);
    const rows = new Map(parseCsv(r.body).rows.map((row) => [row.response_id, row]));
    const full = rows.get(world.posted[1]!.id)!;
    expect(full).toMatchObject({
      contact_name: 'Айгүл Серікқызы',
      contact_phone: "'+7 701 123 45 67",
      contact_email: 'aigul@example.kz',
    });
    expect(rows.get(world.posted[0]!.id)!.contact_name).toBe('');
    const plain = parseCsv((await get(world.cookies.admin, '/export.csv')).body);
    expect(plain.header.some((h) => ['contact_name', 'contact_phone', 'contact_email'].includes(h))).toBe(
      false,
    );
    expect((await get(world.cookies.admin, '/export.csv')).body.toString()).not.toContain('Айгүл');
  });

  it("limits the KZ-10 analyst's zip to Abai's file and a combined file of their rows", async () => {
    const r = await get(world.cookies.abai, '/export.zip');
    expect(r.status).toBe(200);
    const files = await unzip(r.body);
    expect([...files.keys()]).toEqual(['KZ-10_Abai-Region.csv', 'combined.csv', 'data-dictionary.csv']);
    expect(regionsOf(files.get('combined.csv')!)).toEqual(['KZ-10']);
  });
});
