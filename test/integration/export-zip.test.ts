// The per-region zip, other tools reading the CSV (Python's csv module), and a download cut short: the export
// stops, its read snapshot is released, and the server goes on storing and exporting.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionFileName } from '../../exports/export';
import { REGION_CODES } from '../../server/catalog/regions';
import { countOpenExportReaders as openSqliteReaders } from '../../server/store/export-rows';
import { countOpenPgExportReaders } from '../../server/store-pg/export-reader';
import { postResponse } from '../support/answers';
import { fetchAs } from '../support/auth';
import { download, parseCsv, unzip } from '../support/export-download';
import { startExportWorld, type ExportWorld } from '../support/export-server';
import { makeTempDir } from '../support/server';
import { onPostgres } from '../support/test-database';

/** The export readers open in this process, counted by the engine the test servers run on. */
const countOpenExportReaders = () => (onPostgres() ? countOpenPgExportReaders() : openSqliteReaders());

let world: ExportWorld;
const BASE = '/api/surveys/roadmap-needs';

beforeAll(async () => {
  world = await startExportWorld();
});
afterAll(() => world.server.close());

function python3(): string {
  try {
    execFileSync('python3', ['--version']);
    return 'python3';
  } catch {
    throw new Error('python3 is needed to prove other tools read the CSV: apt-get install python3');
  }
}

describe('GET /api/surveys/:id/export.zip', () => {
  it('holds 20 region files, the national file and the dictionary, each region file with its own rows', async () => {
    const r = await download(world.server.url, world.cookies.admin, `${BASE}/export.zip`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/zip');
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="roadmap-needs_all-regions_2023-10-01.zip"',
    );
    const files = await unzip(r.body);
    expect(files.size).toBe(22);
    expect([...files.keys()].slice(0, 3)).toEqual([
      'KZ-10_Abai-Region.csv',
      'KZ-11_Akmola-Region.csv',
      'KZ-15_Aktobe-Region.csv',
    ]);
    expect(files.has('KZ-59_North-Kazakhstan-Region.csv')).toBe(true);
    const national = await download(world.server.url, world.cookies.admin, `${BASE}/export.csv`);
    expect(files.get('national.csv')!.equals(national.body)).toBe(true);
    for (const code of REGION_CODES) {
      const table = parseCsv(files.get(regionFileName(code))!);
      const expected = world.posted
        .filter((p) => p.data.region === code)
        .map((p) => p.id)
        .sort();
      expect(table.rows.map((row) => row.response_id).sort(), code).toEqual(expected);
      expect(table.header).toEqual(parseCsv(national.body).header);
    }
    const dictionary = parseCsv(files.get('data-dictionary.csv')!);
    expect(dictionary.header[0]).toBe('column');
  });

  it('applies the filters to every file of the zip', async () => {
    const r = await download(world.server.url, world.cookies.admin, `${BASE}/export.zip?version=1`);
    const files = await unzip(r.body);
    expect(parseCsv(files.get('national.csv')!).rows.map((row) => row.version)).toEqual(['1', '1']);
    expect(parseCsv(files.get('KZ-10_Abai-Region.csv')!).rows).toHaveLength(0);
  });
});

describe('the CSV in other tools', () => {
  it("is read by Python's csv module with the same rows and cells as csv-parse reads", async () => {
    const r = await download(world.server.url, world.cookies.admin, `${BASE}/export.csv?pii=1&labels=kk`);
    const file = join(makeTempDir(), 'export.csv');
    writeFileSync(file, r.body);
    const script =
      'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f:\n    print(json.dumps(list(csv.reader(f))))';
    const fromPython = JSON.parse(
      execFileSync(python3(), ['-c', script, file], { encoding: 'utf8' }),
    ) as string[][];
    const table = parseCsv(r.body);
    expect(fromPython[0]).toEqual(table.header);
    expect(fromPython.slice(1)).toEqual(table.rows.map((row) => table.header.map((h) => row[h])));
    expect(fromPython).toHaveLength(1 + world.posted.length);
  });
});

describe('a download cut short', () => {
  it('stops the export and releases its snapshot; later exports and answers work', async () => {
    // ~12 MB of CSV, far more than the socket buffers hold: the server is mid-export when the client leaves.
    const survey = world.server.store;
    const base = world.posted[1]!;
    const many = Array.from({ length: 4000 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      surveyId: 'roadmap-needs',
      version: 2,
      locale: 'kk' as const,
      region: 'KZ-10',
      briefing: null,
      startedAt: null,
      submittedAt: `2023-09-30T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
      answers: {
        ...Object.fromEntries(
          Object.entries(base.data).filter(([k]) => !k.startsWith('contact_') || k === 'contact_consent'),
        ),
        roadmap_proposals: `${i} `.padEnd(1990, 'Өңірлік Фронт-офис '),
      },
      contacts: null,
      contentHash: `hash-${i}`,
    }));
    await survey.insertResponses(many);
    // The insert held the event loop; let the server drop keep-alive sockets that timed out meanwhile.
    await new Promise((ok) => setTimeout(ok, 100));
    const controller = new AbortController();
    const res = await fetchAs(world.server.url, world.cookies.admin, `${BASE}/export.csv`, {
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The export's own read-only connection is open while the file is being sent…
    expect(countOpenExportReaders()).toBe(1);
    // Answers are stored while a download is open: the export reads on a connection of its own.
    const during = await postResponse(
      world.server.url,
      { id: randomUUID(), version: 2, locale: 'ru', data: { region: 'KZ-55', role: 'business' } },
      'roadmap-needs',
    );
    expect(during.status).toBe(201);
    controller.abort();
    await reader.cancel().catch(() => undefined);
    // …and closed soon after the client went away, long before the 12 MB could have been written.
    for (let i = 0; i < 100 && countOpenExportReaders() > 0; i++)
      await new Promise((ok) => setTimeout(ok, 10));
    expect(countOpenExportReaders()).toBe(0);
    const again = await download(world.server.url, world.cookies.admin, `${BASE}/export.csv?region=KZ-55`);
    expect(parseCsv(again.body).rows).toHaveLength(2);
    // The zip stops the same way: the entry being written is destroyed and the reader closed.
    const zip = await fetchAs(world.server.url, world.cookies.admin, `${BASE}/export.zip`);
    const zipReader = zip.body!.getReader();
    expect((await zipReader.read()).done).toBe(false);
    await zipReader.cancel();
    for (let i = 0; i < 100 && countOpenExportReaders() > 0; i++)
      await new Promise((ok) => setTimeout(ok, 10));
    expect(countOpenExportReaders()).toBe(0);
    expect(world.server.logged).toEqual([]);
  });
});
