// GET /api/surveys/:id/export.xlsx over HTTP, read back by two real readers: exceljs, and Python's openpyxl
// (/usr/bin/python3): the same rows and cells as the CSV, Kazakh text intact, numbers as numbers, times as dates,
// a frozen header, and the data dictionary as a second sheet; the KZ-10 analyst gets KZ-10 only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, parseCsv } from '../support/export-download';
import { startExportWorld, type ExportWorld } from '../support/export-server';

let world: ExportWorld;
const BASE = '/api/surveys/roadmap-needs';

beforeAll(async () => {
  world = await startExportWorld();
}, 120_000);
afterAll(() => world.server.close());

async function workbook(query: string, cookie = world.cookies.admin) {
  const r = await download(world.server.url, cookie, `${BASE}/export.xlsx${query}`);
  expect(r.status, r.body.toString().slice(0, 300)).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(r.body as unknown as ArrayBuffer);
  return { r, book };
}

const values = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('GET /api/surveys/:id/export.xlsx', () => {
  it('holds the CSV’s rows and cells, with numbers as numbers, times as dates and Kazakh labels intact', async () => {
    const { r, book } = await workbook('?labels=kk');
    expect(r.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="roadmap-needs_all-regions_labels-kk_2023-10-01.xlsx"',
    );
    const csv = parseCsv(
      (await download(world.server.url, world.cookies.admin, `${BASE}/export.csv?labels=kk`)).body,
    );
    const sheet = book.getWorksheet('data')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const [header, ...rows] = values(sheet);
    expect(header).toEqual(csv.header);
    expect(rows).toHaveLength(csv.rows.length);
    const col = (name: string) => csv.header.indexOf(name);
    for (const [i, csvRow] of csv.rows.entries()) {
      const row = rows[i]!;
      csv.header.forEach((name, c) => {
        const cell = row[c];
        const text = csvRow[name]!;
        if (text === '') return expect(cell ?? null, name).toBeNull();
        if (cell instanceof Date) return expect(cell.toISOString(), name).toBe(text);
        // The CSV's formula guard (a leading ') is not needed in a typed cell: the text is as stored, but for a
        // CR before a line feed, which the sheet's XML keeps as a plain line feed (as Excel shows it).
        return expect(String(cell), name).toBe(
          (text.startsWith("'") ? text.slice(1) : text).replaceAll('\r\n', '\n'),
        );
      });
    }
    const semey = rows.find((row) => row[col('response_id')] === world.posted[1]!.id)!;
    expect(semey[col('version')]).toBe(2);
    expect(semey[col('submitted_at')]).toEqual(new Date(world.posted[1]!.submittedAt));
    expect(semey[col('activity_fields/social_help')]).toBe(1);
    expect(semey[col('practices_effectiveness')]).toBe(4);
    expect(semey[col('region_name')]).toBe('Абай облысы');
    expect(semey[col('role')]).toBe('Басқа (көрсетіңіз)');
    const dictionary = values(book.getWorksheet('dictionary')!);
    expect(dictionary[0]![0]).toBe('column');
    expect(new Set(dictionary.slice(1).map((d) => d[0]))).toEqual(new Set(csv.header));
  });

  it('is read by openpyxl with the same Kazakh text, numbers and dates', async () => {
    const r = await download(world.server.url, world.cookies.abai, `${BASE}/export.xlsx?labels=kk`);
    expect(r.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'export.xlsx');
    writeFileSync(file, r.body);
    const script = `
import json, sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
sheet = book["data"]
rows = [list(r) for r in sheet.iter_rows(values_only=True)]
header = rows[0]
def plain(v):
    if isinstance(v, datetime.datetime): return {"date": v.isoformat()}
    return v
print(json.dumps({"sheets": book.sheetnames, "header": header, "rows": [[plain(v) for v in r] for r in rows[1:]]}, ensure_ascii=False))
`;
    const run = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    expect(run.status, `${run.stderr}\n(openpyxl: apt-get install python3-openpyxl)`).toBe(0);
    const read = JSON.parse(run.stdout) as { sheets: string[]; header: string[]; rows: unknown[][] };
    expect(read.sheets).toEqual(['data', 'dictionary']);
    const at = (name: string) => read.header.indexOf(name);
    // The KZ-10 analyst's workbook: the two Semey responses only.
    expect(read.rows.map((row) => row[at('region')])).toEqual(['KZ-10', 'KZ-10']);
    const semey = read.rows.find((row) => row[at('response_id')] === world.posted[1]!.id)!;
    expect(semey[at('region_name')]).toBe('Абай облысы');
    expect(semey[at('version')]).toBe(2);
    expect(semey[at('practices_effectiveness')]).toBe(4);
    expect(semey[at('submitted_at')]).toEqual({ date: world.posted[1]!.submittedAt.slice(0, 19) });
  });

  it('leaves flagged responses out and refuses a bad parameter with 400, as the CSV does', async () => {
    const { book } = await workbook('?flagged=exclude');
    expect(values(book.getWorksheet('data')!).length).toBe(world.posted.length + 1);
    const bad = await download(world.server.url, world.cookies.admin, `${BASE}/export.xlsx?labels=de`);
    expect(bad.status).toBe(400);
    const author = await download(world.server.url, world.cookies.author, `${BASE}/export.xlsx`);
    expect(author.status).toBe(403);
  });
});
