// The workbook's sheet per repeating group (issue 19) and the zip of a workbook per region (issue 16), on the
// every-type survey: each repeat sheet holds what its long-format CSV holds, read back by exceljs and openpyxl;
// the zip has a workbook for every region in scope, each readable, with its region's rows only.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../server/catalog/regions';
import { envelope, postResponse } from '../support/answers';
import { createUser, signIn } from '../support/auth';
import { download, parseCsv, unzip } from '../support/export-download';
import { makeTempDir, startServer, type TestServer } from '../support/server';

const EVERY_TYPE = join(import.meta.dirname, '../fixtures/qtypes/every-type');
const SURVEY = '/api/surveys/every-type';

const ANSWERS = [
  {
    region: 'KZ-11',
    knows_practices: true,
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
    needs_table: [{ need: 'space', priority: 2, urgent: true, note: 'Қыс\nкезінде', people: 12 }],
    team: { volunteers: 40 },
  },
  {
    region: 'KZ-10',
    knows_practices: true,
    best_practices: [
      {
        name: 'Семей <волонтёры> & _x0041_',
        who_runs: 'ngo',
        ratings: { reach: { rating: 4 }, cost: { rating: 4 } },
      },
    ],
    needs_table: [{ need: 'space', priority: 1, people: 3 }],
    team: { volunteers: 3 },
  },
];

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  const surveysDir = makeTempDir('saualnama-xlsx-sheets-');
  mkdirSync(join(surveysDir, 'every-type'));
  cpSync(join(EVERY_TYPE, 'v1.json'), join(surveysDir, 'every-type', 'v1.json'));
  server = await startServer({ surveysDir });
  for (const data of ANSWERS) {
    const r = await postResponse(server.url, envelope({}, data), 'every-type');
    expect(r.status, r.text).toBe(201);
  }
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: 'correct horse 1' });
  cookie = await signIn(server.url, 'admin@example.kz', 'correct horse 1');
}, 60_000);
afterAll(() => server.close());

const get = async (path: string) => {
  const r = await download(server.url, cookie, path);
  expect(r.status, r.body.toString().slice(0, 300)).toBe(200);
  return r;
};

async function load(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Each cell of the sheet as the CSV has it: numbers as numbers when the CSV cell is one, texts verbatim. */
function expectSameCells(sheet: unknown[][], csv: Buffer) {
  const table = parseCsv(csv);
  const [header, ...rows] = sheet;
  expect(header).toEqual(table.header);
  expect(rows).toHaveLength(table.rows.length);
  table.rows.forEach((csvRow, r) =>
    table.header.forEach((name, c) => {
      const cell = rows[r]![c];
      const text = csvRow[name]!;
      if (text === '') return expect(cell ?? null, name).toBeNull();
      if (typeof cell === 'number') return expect(cell, name).toBe(Number(text));
      return expect(String(cell), name).toBe(text.startsWith("'") ? text.slice(1) : text);
    }),
  );
}

describe('a sheet per repeating group in export.xlsx', () => {
  it('holds each group’s entries as its own CSV does, in Kazakh, numbers as numbers', async () => {
    const book = await load((await get(`${SURVEY}/export.xlsx?labels=kk`)).body);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'data',
      'dictionary',
      'best_practices',
      'needs_table',
    ]);
    for (const question of ['best_practices', 'needs_table']) {
      const csv = (await get(`${SURVEY}/repeats/${question}.csv?labels=kk`)).body;
      expectSameCells(values(book.getWorksheet(question)!), csv);
    }
    const practices = values(book.getWorksheet('best_practices')!);
    // Sorted by region then time, as the CSV: KZ-10's one entry first.
    expect(practices.map((row) => row[1])).toEqual(['entry', 1, 1, 2]);
    expect(practices.flat()).toContain('Жастар орталығы');
    // Markup characters and a literal `_x0041_` come back as written, not as XML or as an escape.
    expect(practices.flat()).toContain('Семей <волонтёры> & _x0041_');
    expect(values(book.getWorksheet('needs_table')!).flat()).toContain('Қыс\nкезінде');
  });

  it('is read by openpyxl with the same sheets, entries and Kazakh text', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xlsx-sheets-')), 'book.xlsx');
    writeFileSync(file, (await get(`${SURVEY}/export.xlsx?labels=kk`)).body);
    const script = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames}, ensure_ascii=False, default=str))
`;
    const run = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    expect(run.status, `${run.stderr}\n(openpyxl: apt-get install python3-openpyxl)`).toBe(0);
    const sheets = JSON.parse(run.stdout) as Record<string, unknown[][]>;
    expect(Object.keys(sheets)).toEqual(['data', 'dictionary', 'best_practices', 'needs_table']);
    const [header, ...entries] = sheets.best_practices!;
    expect(header!.slice(0, 2)).toEqual(['response_id', 'entry']);
    expect(entries.map((row) => row[1])).toEqual([1, 1, 2]);
    expect(entries.map((row) => row[header!.indexOf('name')])).toEqual([
      'Семей <волонтёры> & _x0041_',
      'Жастар орталығы',
      'Ауыл көмегі',
    ]);
    const people = sheets.needs_table![0]!.indexOf('people');
    expect(sheets.needs_table!.slice(1).map((row) => row[people])).toEqual([3, 12]);
  });
});

describe('export.zip?format=xlsx', () => {
  it('holds a workbook per region, the national one and the dictionary; each opens with its own rows', async () => {
    const r = await get(`${SURVEY}/export.zip?format=xlsx&labels=ru`);
    expect(r.headers.get('content-disposition')).toMatch(
      /filename="every-type_all-regions_labels-ru_xlsx_\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const files = await unzip(r.body);
    const names = [...files.keys()];
    expect(names).toHaveLength(REGION_CODES.length + 2);
    expect(names).toEqual(
      expect.arrayContaining(['KZ-10_Abai-Region.xlsx', 'national.xlsx', 'data-dictionary.csv']),
    );
    const rowsOf = async (name: string) => {
      const book = await load(files.get(name)!);
      expect(book.worksheets.map((s) => s.name)).toEqual([
        'data',
        'dictionary',
        'best_practices',
        'needs_table',
      ]);
      const [header, ...rows] = values(book.getWorksheet('data')!);
      return rows.map((row) => row[header!.indexOf('region')]);
    };
    expect(await rowsOf('KZ-10_Abai-Region.xlsx')).toEqual(['KZ-10']);
    expect(await rowsOf('KZ-11_Akmola-Region.xlsx')).toEqual(['KZ-11']);
    expect(await rowsOf(names.find((n) => n.startsWith('KZ-79'))!)).toEqual([]);
    expect((await rowsOf('national.xlsx')).sort()).toEqual(['KZ-10', 'KZ-11']);
  });

  it('refuses an unknown format with a problem naming it', async () => {
    const r = await download(server.url, cookie, `${SURVEY}/export.zip?format=pdf`);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(r.body.toString()).errors[0].question).toBe('format');
  });
});
