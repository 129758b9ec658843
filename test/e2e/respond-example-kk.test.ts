// A Kazakh-speaking attendee on a phone: the example survey from a plain link and from a briefing link, and the
// language switch. Real Chromium against the real server; what was stored is read back through the store.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  englishSurveyJsStrings,
  pickFromList,
  pickRadio,
  question,
  rate,
  setBoolean,
  shownChoice,
  tickCheckbox,
  waitForQuestion,
} from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { FIXTURE_SURVEYS } from '../support/server';
import { databaseFileIn, storedResponses } from '../support/database-file';

const BRIEFING = 'pavlodar-2024-05';
const PROPOSAL = 'Ауылдағы еріктілерге үй-жай мен оқыту керек: ә ғ қ ң ө ұ ү һ і 🙂🇰🇿';
const EMAIL = 'aigerim@example.kz';

const suite = browserSuite({
  server: { surveysDir: FIXTURE_SURVEYS },
  setup: (server) =>
    server.store.addBriefing(
      {
        slug: BRIEFING,
        surveyId: 'example',
        region: 'KZ-55',
        city: 'Павлодар',
        date: '2024-05-14',
        title: { kk: 'Павлодардағы брифинг', ru: 'Брифинг в Павлодаре', en: 'Briefing in Pavlodar' },
      },
      new Date().toISOString(),
    ),
});

const kazakhPhone = () => suite.phone('kk-KZ');

/** The 8-character reference on the receipt, once the server has stored the response. */
async function receiptReference(page: Page, sentTitle: string): Promise<string> {
  const receipt = page.getByRole('status').filter({ hasText: sentTitle });
  await receipt.waitFor();
  const reference = /\b([0-9A-F]{8})\b/.exec(await receipt.innerText())?.[1];
  expect(reference, 'the receipt shows an 8-character reference').toBeDefined();
  return reference!;
}

function storedByReference(reference: string) {
  const rows = storedResponses(databaseFileIn(suite.server.dataDir), { surveyId: 'example' }).filter(
    (row) => row.id.replace(/-/g, '').slice(0, 8).toUpperCase() === reference,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('the example survey on a 390×844 phone in Kazakh', () => {
  test('a kk-KZ phone answers every page in Kazakh, sees the receipt, and SQLite holds the codes without the e-mail', async () => {
    const { page, pageErrors } = await kazakhPhone();
    await page.goto(`${suite.server.url}/s/example`);

    // Page 1: the browser's language picks Kazakh, for our words and for SurveyJS's.
    await waitForQuestion(page, 'region', 'Сіздің өңіріңіз');
    expect(await page.getByRole('button', { name: 'Қазақша' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe('false');
    await page.getByText('Брифингке арналған үлгі сауалнама', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Келесі' }).waitFor();
    expect(await englishSurveyJsStrings(page)).toEqual([]);

    await pickFromList(question(page, 'region'), 'Абай облысы');
    await expect.poll(() => shownChoice(question(page, 'region'))).toBe('Абай облысы');
    await pickRadio(question(page, 'role'), 'ҮЕҰ қызметкері');
    await page.getByRole('button', { name: 'Келесі' }).click();

    // Page 2: two needs (the most allowed), a rating, a comment with Kazakh letters and emoji.
    await waitForQuestion(page, 'top_needs', 'Екі қажеттілікке дейін таңдаңыз');
    expect(await englishSurveyJsStrings(page)).toEqual([]);
    await tickCheckbox(question(page, 'top_needs'), 'Оқыту');
    await tickCheckbox(question(page, 'top_needs'), 'Қаржыландыру');
    await rate(question(page, 'cooperation'), '4');
    await question(page, 'proposal').getByRole('textbox').fill(PROPOSAL);
    await page.getByRole('button', { name: 'Келесі' }).click();

    // Page 3: the e-mail question appears only once contact is allowed.
    const email = page.getByRole('textbox', { name: 'Электрондық пошта' });
    await waitForQuestion(page, 'consent', 'Сізбен байланысуға бола ма?');
    expect(await email.isVisible()).toBe(false);
    await setBoolean(question(page, 'consent'), 'Иә');
    await email.fill(EMAIL);
    expect(await englishSurveyJsStrings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Жіберу' }).click();

    const reference = await receiptReference(page, 'Жіберілді ✔');
    expect(await page.getByRole('status').filter({ hasText: 'Жіберілді ✔' }).innerText()).toContain(
      `Жауап коды: ${reference}`,
    );

    const row = storedByReference(reference);
    expect(row).toMatchObject({
      surveyId: 'example',
      version: 1,
      locale: 'kk',
      region: 'KZ-10',
      briefing: null,
    });
    expect(row.answers).toEqual({
      region: 'KZ-10',
      role: 'ngo_staff',
      top_needs: ['training', 'funding'],
      cooperation: 4,
      proposal: PROPOSAL,
      consent: true,
    });
    // Personal data is kept apart from the answers that exports and charts read.
    expect(JSON.stringify(row)).not.toContain(EMAIL);
    expect(pageErrors).toEqual([]);
  });

  test('a briefing link shows its region already chosen and the stored response names the briefing', async () => {
    const { page, pageErrors } = await kazakhPhone();
    await page.goto(`${suite.server.url}/b/${BRIEFING}`);

    await page.getByText('Павлодардағы брифинг', { exact: true }).waitFor();
    await waitForQuestion(page, 'region', 'Сіздің өңіріңіз');
    // The dropdown itself shows the prefilled region, in Kazakh.
    await expect.poll(() => shownChoice(question(page, 'region'))).toBe('Павлодар облысы');

    await pickRadio(question(page, 'role'), 'Волонтер');
    await page.getByRole('button', { name: 'Келесі' }).click();
    await page.getByRole('button', { name: 'Келесі' }).click();
    await page.getByRole('button', { name: 'Жіберу' }).click();

    const reference = await receiptReference(page, 'Жіберілді ✔');
    const row = storedByReference(reference);
    expect(row).toMatchObject({ briefing: BRIEFING, region: 'KZ-55', locale: 'kk', version: 1 });
    expect(row.answers).toEqual({ region: 'KZ-55', role: 'volunteer' });
    expect(pageErrors).toEqual([]);
  });

  test('switching to Русский translates the form, and the choice survives a reload', async () => {
    const { page, pageErrors } = await kazakhPhone();
    await page.goto(`${suite.server.url}/s/example`);
    await waitForQuestion(page, 'region', 'Сіздің өңіріңіз');

    await page.getByRole('button', { name: 'Русский' }).click();
    await expectRussianForm(page);

    await page.reload();
    await expectRussianForm(page);
    expect(pageErrors).toEqual([]);
  });
});

async function expectRussianForm(page: Page): Promise<void> {
  await page.getByText('Пример анкеты брифинга', { exact: true }).waitFor();
  await waitForQuestion(page, 'region', 'Ваш регион');
  await question(page, 'role').getByRole('radio', { name: 'Сотрудник НКО' }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Далее' }).waitFor();
  expect(await page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe('true');
  expect(await page.getByRole('button', { name: 'Қазақша' }).getAttribute('aria-pressed')).toBe('false');
  expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  expect(await page.locator('main').innerText()).not.toContain('Сіздің өңіріңіз');
}
