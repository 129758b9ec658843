// An admin working in Kazakh publishes the next version of a survey from the browser (issue 17): a draft with a
// missing Kazakh text is refused with the finding in Kazakh; the corrected draft, rewording one question, is
// previewed on a phone frame and published; a phone then gets the new version and sends it, without a restart.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { findingText } from '../../client/workspace/surveys/finding-strings';
import { SURVEYS_STRINGS } from '../../client/workspace/surveys/strings';
import { createUser } from '../support/auth';
import {
  pickFromList,
  pickRadio,
  question,
  rate,
  screenshot,
  setBoolean,
  tickCheckbox,
  waitForQuestion,
} from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { databaseFileIn, storedResponses } from '../support/database-file';
import { FIXTURE_SURVEYS } from '../support/server';

const DOCS = resolve(import.meta.dirname, '../../docs');
const ADMIN = { email: 'admin@example.kz', password: 'Pavlodar-briefing-2023' };
const kk = SURVEYS_STRINGS.kk;
const OLD_TITLE = 'Сіздің рөліңіз';
const NEW_TITLE = 'Брифингтегі рөліңіз';

const suite = browserSuite({
  server: {},
  setup: (server) => createUser(server.store, { ...ADMIN, role: 'admin' }),
});

function v1(): { pages: { elements: { title: Record<string, string> }[] }[] } {
  return JSON.parse(readFileSync(join(FIXTURE_SURVEYS, 'example', 'v1.json'), 'utf8'));
}

const asFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value, null, 2)),
});

test('an admin publishes a reworded v2 in Kazakh and a phone gets it without a restart', async () => {
  // A phone has the survey open before anything is published: v1's wording.
  const phone = await suite.phone('kk-KZ');
  await phone.page.goto(`${suite.server.url}/s/example`);
  await waitForQuestion(phone.page, 'role', OLD_TITLE);

  const { page, pageErrors } = await suite.signedIn(ADMIN, '/workspace/surveys?survey=example', 'kk-KZ');
  await page.getByRole('heading', { name: kk.title, level: 1 }).waitFor();

  // A draft that lost the role question's Kazakh text: the finding says so in Kazakh, and publishing is blocked.
  const untranslated = v1();
  delete untranslated.pages[0]!.elements[1]!.title.kk;
  await page.getByLabel(kk.file).setInputFiles(asFile('v2.json', untranslated));
  await page.getByRole('button', { name: kk.check }).click();
  const report = page.getByRole('region', { name: kk.draftOf(2, 1) });
  await report.getByText(kk.errors(1)).waitFor();
  const missing = findingText({ message: '', code: 'missing-text', params: { locale: 'kk' } }, 'kk');
  expect(missing).toBe('қазақша мәтіні жоқ');
  await report.locator('.findings li.error').filter({ hasText: missing }).waitFor();
  expect(await report.getByRole('button', { name: kk.publish(2) }).isDisabled()).toBe(true);
  await screenshot(page, 'survey-publish-kk-errors');

  // The corrected draft: one question reworded, previewed as a respondent sees it, then published.
  const reworded = v1();
  reworded.pages[0]!.elements[1]!.title.kk = NEW_TITLE;
  await page.getByLabel(kk.file).setInputFiles(asFile('v2.json', reworded));
  await page.getByRole('button', { name: kk.check }).click();
  await report.getByText(kk.noErrors).waitFor();
  expect(await report.locator('.changes li').innerText()).toContain(kk.kinds['question-reworded']);
  await report
    .getByRole('region', { name: kk.preview })
    .locator('.phone-frame')
    .getByText(NEW_TITLE)
    .waitFor();
  page.once('dialog', (dialog) => void dialog.accept());
  await report.getByRole('button', { name: kk.publish(2) }).click();
  await page
    .getByRole('status')
    .filter({ hasText: kk.published(2) })
    .waitFor();
  await page.locator('.version-list').getByText('v2', { exact: true }).waitFor();
  await page.screenshot({ path: join(DOCS, 'screenshot-survey-published-kk.png') });
  // The same page on a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'survey-publish-kk-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  // The same notice in Russian, for the admins who work in it.
  await page.getByRole('button', { name: 'Русский' }).first().click();
  await page.getByRole('heading', { name: SURVEYS_STRINGS.ru.title, level: 1 }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: SURVEYS_STRINGS.ru.published(2) })
    .waitFor();
  await screenshot(page, 'survey-publish-ru');
  await page.getByRole('button', { name: 'Қазақша' }).first().click();
  await page.getByRole('heading', { name: kk.title, level: 1 }).waitFor();

  // The published version downloads as v2.json for the repository, as published.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('status')
      .getByRole('button', { name: kk.download(2) })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe('v2.json');
  expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(reworded);

  // The phone opens the survey again (same server, no restart): v2's wording, answered and sent as v2.
  await phone.page.reload();
  await waitForQuestion(phone.page, 'role', NEW_TITLE);
  await pickFromList(question(phone.page, 'region'), 'Абай облысы');
  await pickRadio(question(phone.page, 'role'), 'ҮЕҰ қызметкері');
  await phone.page.getByRole('button', { name: 'Келесі' }).click();
  await waitForQuestion(phone.page, 'top_needs', 'Екі қажеттілікке дейін таңдаңыз');
  await tickCheckbox(question(phone.page, 'top_needs'), 'Оқыту');
  await rate(question(phone.page, 'cooperation'), '4');
  await phone.page.getByRole('button', { name: 'Келесі' }).click();
  await waitForQuestion(phone.page, 'consent', 'Сізбен байланысуға бола ма?');
  await setBoolean(question(phone.page, 'consent'), 'Жоқ');
  await phone.page.getByRole('button', { name: 'Жіберу' }).click();
  await phone.page.getByRole('status').filter({ hasText: 'Жіберілді ✔' }).waitFor();
  const stored = storedResponses(databaseFileIn(suite.server.dataDir), { surveyId: 'example' });
  expect(stored.map((r) => r.version)).toEqual([2]);
  await screenshot(phone.page, 'survey-publish-kk-phone');
  expect(pageErrors).toEqual([]);
  expect(phone.pageErrors).toEqual([]);
});
