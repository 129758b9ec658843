// WCAG 2.1 AA as axe-core checks it inside real Chromium (issue 13): no serious or critical violation on every page
// of roadmap-needs in Kazakh and in Russian (with the errors of an unanswered page shown), the receipt, a briefing
// link, the sign-in form and every workspace section over demo data; the page's lang follows the language chosen.
// The keyboard-only completion is in keyboard-only-kk.test.ts.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SECTIONS } from '../../client/workspace/sections';
import { createUser } from '../support/auth';
import { seriousViolations } from '../support/axe';
import { pickFromList, pickRadio, question, waitForQuestion } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { demoDataDir } from '../support/demo-data';
import { REPO_SURVEYS } from '../support/server';

const ADMIN = { email: 'a11y-admin@example.kz', password: 'Roadmap-axe-2024', role: 'admin' as const };

const suite = browserSuite({
  server: () => ({ dataDir: demoDataDir(300, 4), surveysDir: REPO_SURVEYS }),
  setup: async (server) => {
    await createUser(server.store, ADMIN);
    await server.store.addBriefing(
      {
        slug: 'taraz-a11y',
        surveyId: 'roadmap-needs',
        region: 'KZ-31',
        city: 'Taraz',
        cityNames: { kk: 'Тараз', ru: 'Тараз', en: 'Taraz' },
        date: new Date().toISOString().slice(0, 10),
        title: { kk: 'Тараздағы брифинг', ru: 'Брифинг в Таразе', en: 'Briefing in Taraz' },
      },
      new Date().toISOString(),
    );
  },
  timeout: 150_000,
});

const WORDS = {
  kk: {
    next: 'Келесі',
    send: 'Жіберу',
    sent: 'Жіберілді ✔',
    region: 'Өңіріңіз',
    abai: 'Абай облысы',
    volunteer: 'Ерікті',
  },
  ru: {
    next: 'Далее',
    send: 'Отправить',
    sent: 'Отправлено ✔',
    region: 'Ваш регион',
    abai: 'область Абай',
    volunteer: 'Волонтер',
  },
} as const;

async function expectNoSerious(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), where).toEqual([]);
}

for (const [lang, device] of [
  ['kk', 'phone'],
  ['ru', 'laptop'],
] as const) {
  test(`every page of roadmap-needs in ${lang} on a ${device}, its errors and its receipt: no serious or critical axe violation`, async () => {
    const w = WORDS[lang];
    const { page, pageErrors } =
      device === 'phone' ? await suite.phone(`${lang}-KZ`) : await suite.laptop(`${lang}-KZ`);
    await page.goto(`${suite.server.url}/s/roadmap-needs`);
    await waitForQuestion(page, 'region', w.region);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

    // Page 1 sent unanswered: the required questions show their errors, which must be announced and legible too.
    await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.locator('.sd-question--error').first().waitFor();
    await expectNoSerious(page, `${lang} page 1 with errors`);

    await pickFromList(question(page, 'region'), w.abai);
    await pickRadio(question(page, 'role'), w.volunteer);
    await expectNoSerious(page, `${lang} page 1 answered`);
    for (let k = 2; k <= 6; k++) {
      await page.getByRole('button', { name: w.next, exact: true }).click();
      await page
        .locator('.page-progress-text')
        .getByText(new RegExp(`\\b${k}\\b`))
        .waitFor();
      await expectNoSerious(page, `${lang} page ${k}`);
    }
    await page.getByRole('button', { name: w.send, exact: true }).click();
    await page.getByRole('status').filter({ hasText: w.sent }).waitFor();
    await expectNoSerious(page, `${lang} receipt`);
    expect(pageErrors).toEqual([]);
  });
}

test('a briefing link in Kazakh, then Russian: no serious or critical axe violation, and lang follows the switch', async () => {
  const { page, pageErrors } = await suite.phone('kk-KZ');
  await page.goto(`${suite.server.url}/b/taraz-a11y`);
  await page.locator('header.briefing').getByText('Тараздағы брифинг').waitFor();
  await waitForQuestion(page, 'region', WORDS.kk.region);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
  await expectNoSerious(page, '/b/ in kk');
  await page.getByRole('button', { name: 'Русский' }).click();
  await waitForQuestion(page, 'region', WORDS.ru.region);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
  await expectNoSerious(page, '/b/ in ru');
  expect(pageErrors).toEqual([]);
});

test('the sign-in form and every workspace section in Kazakh: no serious or critical axe violation', async () => {
  const { page, pageErrors } = await suite.laptop('kk-KZ');
  const url = suite.server.url;
  await page.goto(`${url}/workspace/dashboard`);
  await page.getByLabel('Электрондық пошта').waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
  await expectNoSerious(page, 'sign-in');
  // A wrong password shows the form's error, which must be announced and legible as well.
  await page.getByLabel('Электрондық пошта').fill(ADMIN.email);
  await page.getByLabel('Құпиясөз').fill('not-the-password');
  await page.getByRole('button', { name: 'Кіру' }).click();
  await page.getByText('Электрондық пошта немесе құпиясөз қате.').waitFor();
  await expectNoSerious(page, 'sign-in with its error');
  await page.getByLabel('Құпиясөз').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Кіру' }).click();
  await page.locator('nav.sections').waitFor();

  for (const section of SECTIONS) {
    await page.goto(`${url}/workspace/${section.path}?survey=roadmap-needs`);
    await page.locator('main h1').first().waitFor();
    await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectNoSerious(page, `/workspace/${section.path}`);
  }
  expect(pageErrors).toEqual([]);
}, 240_000);

test('the check can fail: an image without alt text and an unlabelled field are reported', async () => {
  const { page } = await suite.laptop('kk-KZ');
  await page.setContent(
    '<html lang="kk"><body><main><img src="/x.png"><input type="text"></main></body></html>',
  );
  const found = await seriousViolations(page);
  expect(found.some((line) => line.includes('image-alt'))).toBe(true);
  expect(found.some((line) => line.includes(' label:'))).toBe(true);
});
