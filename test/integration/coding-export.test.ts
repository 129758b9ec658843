// Code columns in the exports: `<question>__code__<code>` at the end of each row, 1/0/empty, right both when rows come
// as stored CSV lines (codes change after a line is stored: they are read beside it) and when rows are built (labels,
// `;`), in the XLSX workbook's data sheet as numbers, and described in the data dictionary (CSV and the workbook's sheet).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
let author: string;
let analyst: string;
const ids: string[] = [];
const PASSWORD = 'coding-export-password';

/** The CSV as rows of cells (no quoted commas in these answers), keyed by response id. */
async function csv(query = '') {
  const text = await (await fetchAs(server.url, analyst, `/api/surveys/example/export.csv${query}`)).text();
  const sep = query.includes('semicolon') ? ';' : ',';
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const columns = header!.split(sep);
  const byId = new Map(lines.map((l) => [l.split(sep)[0]!, l.split(sep)]));
  return { columns, cell: (id: string, column: string) => byId.get(id)![columns.indexOf(column)] };
}

beforeAll(async () => {
  server = await startServer();
  await createUser(server.store, { email: 'author@example.kz', role: 'author', password: PASSWORD });
  await createUser(server.store, { email: 'analyst@example.kz', role: 'analyst', password: PASSWORD });
  author = await signIn(server.url, 'author@example.kz', PASSWORD);
  analyst = await signIn(server.url, 'analyst@example.kz', PASSWORD);
  for (const proposal of ['Гранты для НКО', 'Помещение для центра', 'Обучение', ''] as const) {
    const body = envelope({}, exampleAnswers(proposal ? { proposal } : { proposal: undefined }));
    expect((await postResponse(server.url, body)).status).toBe(201);
    ids.push(String(body.id));
  }
  for (const code of ['grants', 'premises'])
    await sendJson(server.url, author, 'POST', '/api/surveys/example/codebooks/proposal/codes', {
      code,
      labels: { kk: `${code} kk`, ru: `${code} ru`, en: code },
    });
  // Sign-ins hash passwords (scrypt, ~0.2 s each): on a busy machine that takes a while.
}, 90_000);
afterAll(() => server.close());

describe('code columns', () => {
  it('come last, one per code, 1/0 for coded answers and empty for the others', async () => {
    // The lines were stored when the responses arrived, before any code existed.
    const reader = await server.store.openExportReader();
    expect((await reader.storedLines('example'))?.missing).toBe(0);
    await reader.close();
    await sendJson(server.url, author, 'PUT', `/api/responses/${ids[0]}/codes/proposal`, {
      codes: ['grants'],
    });
    await sendJson(server.url, author, 'PUT', `/api/responses/${ids[1]}/codes/proposal`, { codes: [] });
    const { columns, cell } = await csv();
    // After __not_asked come the time and quality columns (quality-columns.ts), then the codes.
    expect(columns.slice(-3)).toEqual(['flag_fast', 'proposal__code__grants', 'proposal__code__premises']);
    expect(columns.indexOf('flag_fast') - columns.indexOf('__not_asked')).toBe(5);
    expect([cell(ids[0]!, 'proposal__code__grants'), cell(ids[0]!, 'proposal__code__premises')]).toEqual([
      '1',
      '0',
    ]);
    expect([cell(ids[1]!, 'proposal__code__grants'), cell(ids[1]!, 'proposal__code__premises')]).toEqual([
      '0',
      '0',
    ]);
    // Answered but not coded yet, and not answered: empty.
    expect(cell(ids[2]!, 'proposal__code__grants')).toBe('');
    expect(cell(ids[3]!, 'proposal__code__grants')).toBe('');
  });

  it('follow a change of codes at once, in the stored-lines export and in a built one (labels, semicolons)', async () => {
    await sendJson(server.url, author, 'PUT', `/api/responses/${ids[0]}/codes/proposal`, {
      codes: ['premises'],
    });
    await sendJson(server.url, author, 'PUT', `/api/responses/${ids[2]}/codes/proposal`, {
      codes: ['premises', 'grants'],
    });
    for (const query of ['', '?labels=ru', '?sep=semicolon', '?choices=joined']) {
      const { cell } = await csv(query);
      expect(
        [ids[0], ids[2]].map((id) => [
          cell(id!, 'proposal__code__grants'),
          cell(id!, 'proposal__code__premises'),
        ]),
        query,
      ).toEqual([
        ['0', '1'],
        ['1', '1'],
      ]);
    }
  });

  it('are in the XLSX export too: last in the data sheet as numbers 1/0, empty when not coded, and in its dictionary', async () => {
    const res = await fetchAs(server.url, analyst, '/api/surveys/example/export.xlsx');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    book.getWorksheet('data')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header, ...data] = rows as [string[], ...unknown[][]];
    expect(header.slice(-3)).toEqual(['flag_fast', 'proposal__code__grants', 'proposal__code__premises']);
    const codes = (id: string) => {
      const row = data.find((r) => r[0] === id)!;
      return [row[header.length - 2] ?? null, row[header.length - 1] ?? null];
    };
    // As the CSV after the previous test: ids[0] premises, ids[1] coded with none, ids[2] both, ids[3] not answered.
    expect(ids.map(codes)).toEqual([
      [0, 1],
      [0, 0],
      [1, 1],
      [null, null],
    ]);
    const dictionary: unknown[][] = [];
    book.getWorksheet('dictionary')!.eachRow((row) => dictionary.push((row.values as unknown[]).slice(1)));
    expect(dictionary.find((d) => d[0] === 'proposal__code__premises')).toEqual(
      expect.arrayContaining(['proposal__code__premises', 'proposal', 'premises kk', 'premises ru']),
    );
  });

  it('are in the data dictionary with the code labels in kk/ru/en', async () => {
    const text = await (await fetchAs(server.url, analyst, '/api/surveys/example/dictionary.csv')).text();
    const row = text.split('\r\n').find((l) => l.startsWith('proposal__code__grants,'));
    expect(row).toMatch(/^proposal__code__grants,proposal,code,1,.*,grants,grants kk,grants ru,grants,,,,,/);
  });
});
