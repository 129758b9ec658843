// Variants of one export over HTTP: the `;` CSV (and its zip) for Excel set to Russian or Kazakh holds the same
// cells as the comma CSV, and every variant's file name says how it differs, so two downloads never collide.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, parseCsv, unzip } from '../support/export-download';
import { startExportWorld, type ExportWorld } from '../support/export-server';

let world: ExportWorld;
const BASE = '/api/surveys/roadmap-needs';

beforeAll(async () => {
  world = await startExportWorld();
});
afterAll(() => world.server.close());

const fileName = (r: { headers: Headers }) =>
  /filename="([^"]+)"/.exec(r.headers.get('content-disposition') ?? '')?.[1];

describe('sep=semicolon', () => {
  it('writes the same cells as the comma CSV, separated by ";", labels included', async () => {
    for (const labels of ['', '&labels=ru']) {
      const comma = await download(
        world.server.url,
        world.cookies.admin,
        `${BASE}/export.csv${labels.replace('&', '?')}`,
      );
      const semi = await download(
        world.server.url,
        world.cookies.admin,
        `${BASE}/export.csv?sep=semicolon${labels}`,
      );
      expect(semi.status).toBe(200);
      expect([...semi.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(semi.body.toString('utf8')).toMatch(/^\uFEFFresponse_id;survey;version;/);
      const records = parse(semi.body, { bom: true, delimiter: ';' }) as string[][];
      const t = parseCsv(comma.body);
      expect(records[0]).toEqual(t.header);
      expect(records.slice(1)).toEqual(t.rows.map((r) => t.header.map((h) => r[h])));
      expect(records.length).toBe(world.posted.length + 1);
    }
  });

  it('writes each region file and the dictionary of the zip with ";" too', async () => {
    const r = await download(
      world.server.url,
      world.cookies.admin,
      `${BASE}/export.zip?sep=semicolon&region=KZ-10`,
    );
    expect(r.status).toBe(200);
    const files = await unzip(r.body);
    for (const [name, bytes] of files) expect(bytes.toString('utf8'), name).toMatch(/^\uFEFF[a-z_]+;/);
  });

  it('answers 400 naming sep for a separator it does not know', async () => {
    const r = await download(world.server.url, world.cookies.admin, `${BASE}/export.csv?sep=tab`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body.toString()).errors).toEqual([
      { question: 'sep', message: 'must be comma or semicolon' },
    ]);
  });
});

describe('file names', () => {
  it('say the region, labels, layout, contacts, separator and the day in Kazakhstan', async () => {
    const cases: [string, string, string][] = [
      ['admin', 'export.csv', 'roadmap-needs_all-regions_2023-10-01.csv'],
      ['abai', 'export.csv', 'roadmap-needs_KZ-10_2023-10-01.csv'],
      [
        'admin',
        'export.csv?region=KZ-10&labels=ru&pii=1',
        'roadmap-needs_KZ-10_labels-ru_with-contacts_2023-10-01.csv',
      ],
      [
        'abai',
        'export.csv?labels=kk&choices=joined&sep=semicolon',
        'roadmap-needs_KZ-10_labels-kk_choices-joined_semicolon_2023-10-01.csv',
      ],
      ['abai', 'export.zip?version=1,2', 'roadmap-needs_KZ-10_v1-2_2023-10-01.zip'],
      ['abai', 'dictionary.csv?labels=en', 'roadmap-needs_data-dictionary_labels-en_2023-10-01.csv'],
    ];
    for (const [who, path, name] of cases) {
      const r = await download(world.server.url, world.cookies[who as 'admin' | 'abai'], `${BASE}/${path}`);
      expect(r.status, path).toBe(200);
      expect(fileName(r), path).toBe(name);
    }
  });
});
