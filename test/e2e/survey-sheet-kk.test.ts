// An admin working in Kazakh downloads a survey version's translation sheet, a translator corrects one Kazakh text,
// and the admin uploads the sheet: the page shows the draft of the next version with no errors and that one question
// reworded, downloads it as v<N+1>.json with the new Kazakh text and publishes it as the version respondents get.
// Then the admin closes and reopens the survey; every step is in the audit log.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { SURVEYS_STRINGS } from '../../client/workspace/surveys/strings';
import { createUser } from '../support/auth';
import { screenshot } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { collect } from '../support/collect';

const DOCS = resolve(import.meta.dirname, '../../docs');
const ADMIN = { email: 'akimshi@example.kz', password: 'Semey-briefing-2023' };
const kk = SURVEYS_STRINGS.kk;
const NEW_TEXT = 'Өңіріңіздегі еріктілерге не жетіспейді?';

const suite = browserSuite({
  server: {},
  setup: (server) => createUser(server.store, { ...ADMIN, role: 'admin' }),
});

test('a translation sheet with one Kazakh text changed round-trips into the next version', async () => {
  const { page, pageErrors } = await suite.signedIn(ADMIN, '/workspace', 'kk-KZ');
  await page.getByRole('link', { name: 'Сауалнамалар', exact: true }).click();
  await page.getByRole('heading', { name: kk.title, level: 1 }).waitFor();
  const survey = 'example';
  await page.goto(`${suite.server.url}/workspace/surveys?survey=${survey}`);
  await page.getByRole('heading', { name: kk.title, level: 1 }).waitFor();
  const newest = (
    (await (await fetch(`${suite.server.url}/api/surveys/${survey}`)).json()) as { version: number }
  ).version;

  // The sheet, as the admin's browser downloads it.
  const [sheetDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: kk.sheet }).first().click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await sheetDownload.path())!) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('strings')!;
  let target = 0;
  sheet.eachRow((row, n) => {
    if (!target && n > 2 && /^pages\[\d+\]\.elements\[\d+\]\.title$/.test(String(row.getCell(1).value)))
      target = n;
  });
  const path = String(sheet.getRow(target).getCell(1).value);
  const russian = String(sheet.getRow(target).getCell(4).value);
  sheet.getRow(target).getCell(3).value = NEW_TEXT;

  await page.getByLabel(kk.file).setInputFiles({
    name: `${survey}-v${newest}-strings.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  await page.getByRole('button', { name: kk.check }).click();
  const report = page.getByRole('region', { name: kk.draftOf(newest + 1, newest) });
  await report.getByText(kk.noErrors).waitFor();
  const changes = report.locator('.changes li');
  expect(await changes.count()).toBe(1);
  expect(await changes.innerText()).toContain(kk.kinds['question-reworded']);

  // The draft as a respondent sees it, in a phone-sized frame: the new Kazakh text, then the same question in Russian.
  const preview = report.getByRole('region', { name: kk.preview });
  const phone = preview.locator('.phone-frame');
  await phone.getByText(NEW_TEXT).first().waitFor();
  expect((await phone.boundingBox())!.width).toBe(390);
  await preview.getByRole('button', { name: 'Русский' }).click();
  await phone.getByText(russian).first().waitFor();
  await preview.getByRole('button', { name: 'Қазақша' }).click();
  await phone.getByText(NEW_TEXT).first().waitFor();
  await screenshot(page, 'survey-sheet-kk');
  // README's "A briefing season, step by step" shows this page.
  await page.screenshot({ path: join(DOCS, 'screenshot-surveys-kk.png'), fullPage: true });

  const [draftDownload] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('button', { name: kk.download(newest + 1) }).click(),
  ]);
  expect(draftDownload.suggestedFilename()).toBe(`v${newest + 1}.json`);
  const draft = JSON.parse(readFileSync((await draftDownload.path())!, 'utf8')) as {
    pages: { elements: { title: Record<string, string> }[] }[];
  };
  const [, p, e] = /^pages\[(\d+)\]\.elements\[(\d+)\]/.exec(path)!.map(Number);
  expect(draft.pages[p!]!.elements[e!]!.title.kk).toBe(NEW_TEXT);

  // Published: the translator's text is what respondents now get, as the next version.
  page.once('dialog', (dialog) => void dialog.accept());
  await report.getByRole('button', { name: kk.publish(newest + 1) }).click();
  await page
    .getByRole('status')
    .filter({ hasText: kk.published(newest + 1) })
    .waitFor();
  const served = (await (await fetch(`${suite.server.url}/api/surveys/${survey}`)).json()) as {
    version: number;
    definition: typeof draft;
  };
  expect(served.version).toBe(newest + 1);
  expect(served.definition.pages[p!]!.elements[e!]!.title.kk).toBe(NEW_TEXT);

  // Closing and opening from the same page.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: kk.close }).click();
  await page.getByRole('status').filter({ hasText: kk.closed }).waitFor();
  expect((await fetch(`${suite.server.url}/api/surveys/${survey}`)).status).toBe(410);
  await page.getByRole('button', { name: kk.reopen }).click();
  await page.getByRole('status').filter({ hasText: kk.open }).waitFor();
  expect((await fetch(`${suite.server.url}/api/surveys/${survey}`)).status).toBe(200);
  // Each step is in the audit log, under the admin.
  const audit = await collect(suite.server.store.iterateAudit({ actor: ADMIN.email }));
  expect(audit.filter((a) => a.action.startsWith('survey-')).map((a) => a.action)).toEqual([
    'survey-draft-checked',
    'survey-published',
    'survey-closed',
    'survey-opened',
  ]);
  expect(audit.find((a) => a.action === 'survey-draft-checked')!.details).toMatchObject({
    from: `strings sheet of v${newest}`,
    version: newest + 1,
  });
  expect(pageErrors).toEqual([]);
});
