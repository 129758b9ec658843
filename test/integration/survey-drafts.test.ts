// The admins' survey page on the real server: a version's texts as a spreadsheet, one Kazakh text changed in it
// coming back as a draft of the next version (check's findings and the changes), structure changes in the sheet
// refused naming the row, a JSON draft's renamed question flagged, and each checked draft and closing and opening a
// survey audit-logged.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, fetchAs, signIn } from '../support/auth';
import { expectProblem } from '../support/problem';
import { startServer, type TestServer } from '../support/server';
import { collect } from '../support/collect';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startServer();
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: 'Birgemiz-2024-jyl' });
  await createUser(server.store, {
    email: 'analyst@example.kz',
    role: 'analyst',
    password: 'Birgemiz-2024-jyl',
  });
  admin = await signIn(server.url, 'admin@example.kz', 'Birgemiz-2024-jyl');
});
afterAll(() => server.close());

const draftsLogged = () => collect(server.store.iterateAudit({ action: 'survey-draft-checked' }));

async function sheetOf(path: string): Promise<ExcelJS.Workbook> {
  const res = await fetchAs(server.url, admin, path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}

const upload = async (book: ExcelJS.Workbook) =>
  fetchAs(server.url, admin, '/api/surveys/example/drafts', {
    method: 'POST',
    headers: { 'content-type': XLSX },
    body: Buffer.from(await book.xlsx.writeBuffer()),
  });

describe('the strings spreadsheet', () => {
  it('one Kazakh text changed comes back as a draft of the next version, nothing else changed', async () => {
    const book = await sheetOf('/api/surveys/example/versions/1/strings.xlsx');
    const sheet = book.getWorksheet('strings')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'key', 'English', 'Kazakh (kk)', 'Russian (ru)']);
    // The first question title in the sheet.
    let target = 0;
    sheet.eachRow((row, n) => {
      if (!target && n > 2 && /^pages\[\d+\]\.elements\[\d+\]\.title$/.test(String(row.getCell(1).value)))
        target = n;
    });
    const path = String(sheet.getRow(target).getCell(1).value);
    sheet.getRow(target).getCell(3).value = 'Жаңа қазақша сұрақ мәтіні';

    const res = await upload(book);
    expect(res.status).toBe(200);
    const draft = (await res.json()) as {
      version: number;
      since: number;
      errors: number;
      changes: { kind: string; question: string }[];
      definition: { pages: { elements: { name: string; title: Record<string, string> }[] }[] };
    };
    expect(draft).toMatchObject({ since: 1, version: 2, errors: 0 });
    const [, page, element] = /^pages\[(\d+)\]\.elements\[(\d+)\]/.exec(path)!.map(Number);
    const question = draft.definition.pages[page!]!.elements[element!]!;
    expect(question.title.kk).toBe('Жаңа қазақша сұрақ мәтіні');
    expect(draft.changes).toEqual([{ kind: 'question-reworded', question: question.name }]);
    expect((await draftsLogged()).at(-1)).toMatchObject({
      actor: 'admin@example.kz',
      details: {
        survey: 'example',
        version: 2,
        from: 'strings sheet of v1',
        errors: 0,
        warnings: 0,
        changes: 1,
      },
    });
  });

  it('refuses a sheet that adds or drops a row, naming it, and a file that is no sheet', async () => {
    const logged = (await draftsLogged()).length;
    const book = await sheetOf('/api/surveys/example/versions/1/strings.xlsx');
    const sheet = book.getWorksheet('strings')!;
    const dropped = String(sheet.getRow(3).getCell(1).value);
    sheet.spliceRows(3, 1);
    sheet.addRow(['pages[0].elements[99].title', 'New', 'Жаңа', 'Новый']);
    const body = await expectProblem(await upload(book), 422);
    expect(body.type).toBe('/problems/sheet-structure-changed');
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining([
        'row "pages[0].elements[99].title" is not a text of this version',
        `row "${dropped}" is missing (rows may not be removed)`,
      ]),
    );
    const notSheet = await fetchAs(server.url, admin, '/api/surveys/example/drafts', {
      method: 'POST',
      headers: { 'content-type': XLSX },
      body: 'not a zip',
    });
    expect((await expectProblem(notSheet, 400)).type).toBe('/problems/not-a-sheet');
    // A refused upload is no draft: nothing logged.
    expect(await draftsLogged()).toHaveLength(logged);
  });
});

describe('a JSON draft', () => {
  it('flags a renamed question and blocks on errors', async () => {
    const v1 = (await (await fetch(`${server.url}/api/surveys/example/versions/1`)).json()) as {
      definition: { pages: { elements: { name: string }[] }[] };
    };
    const definition = structuredClone(v1.definition);
    const renamed = definition.pages[0]!.elements.find((e) => e.name !== 'region')!;
    const oldName = renamed.name;
    renamed.name = `${oldName}_v2`;
    const res = await fetchAs(server.url, admin, '/api/surveys/example/drafts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(definition),
    });
    expect(res.status).toBe(200);
    const draft = (await res.json()) as { changes: unknown[]; errors: number };
    expect(draft.changes).toContainEqual({ kind: 'renamed', question: `${oldName}_v2`, detail: oldName });
    expect((await draftsLogged()).at(-1)?.details).toMatchObject({
      survey: 'example',
      from: 'json',
      errors: 0,
    });

    definition.pages[0]!.elements = definition.pages[0]!.elements.filter((e) => e.name !== 'region');
    const broken = (await (
      await fetchAs(server.url, admin, '/api/surveys/example/drafts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(definition),
      })
    ).json()) as { errors: number; findings: { severity: string; message: string }[] };
    expect(broken.errors).toBeGreaterThan(0);
  });

  it('is for admins only', async () => {
    const analyst = await signIn(server.url, 'analyst@example.kz', 'Birgemiz-2024-jyl');
    await expectProblem(
      await fetchAs(server.url, analyst, '/api/surveys/example/versions/1/strings.xlsx'),
      403,
    );
  });
});

describe('closing and opening', () => {
  it('closes (410 for respondents) and opens again, each in the audit log', async () => {
    const put = (closed: unknown) =>
      fetchAs(server.url, admin, '/api/surveys/example/closed', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ closed }),
      });
    expect((await put(true)).status).toBe(200);
    expect((await fetch(`${server.url}/api/surveys/example`)).status).toBe(410);
    expect((await put(false)).status).toBe(200);
    expect((await fetch(`${server.url}/api/surveys/example`)).status).toBe(200);
    await expectProblem(await put('yes'), 400);
    const actions = (await collect(server.store.iterateAudit({}))).map((e) => e.action);
    expect(actions.filter((a) => a === 'survey-closed' || a === 'survey-opened')).toEqual([
      'survey-closed',
      'survey-opened',
    ]);
  });
});
