// A repeating group on a 390×844 phone in Kazakh (issue 19): the respondent fills one "best practice" (with a
// rating grid and a computed "years running" inside), adds a second, removes it again, and sends. The server takes
// the response (no 422 for the computed values) and stores exactly the one entry the respondent kept.
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import {
  pickFromList,
  pickRadio,
  question,
  screenshot,
  setBoolean,
  waitForQuestion,
} from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { databaseFileIn, storedResponses } from '../support/database-file';

const QTYPES = resolve(import.meta.dirname, '../fixtures/qtypes');
const suite = browserSuite({ server: { surveysDir: QTYPES } });

test('a kk-KZ phone adds and removes an entry of a dynamic panel, sends, and the server stores the one kept', async () => {
  const { page, pageErrors } = await suite.phone('kk-KZ');
  await page.goto(`${suite.server.url}/s/every-type`);
  await waitForQuestion(page, 'region', 'Сіздің өңіріңіз');
  await pickFromList(question(page, 'region'), 'KZ-10');
  await setBoolean(question(page, 'knows_practices'), 'Иә');

  // The first entry, which the form shows from the start.
  const practices = question(page, 'best_practices');
  await waitForQuestion(page, 'best_practices', 'Үздік тәжірибелер (үшке дейін)');
  await practices.getByText('1-тәжірибе').first().waitFor();
  await question(page, 'name').first().getByRole('textbox').fill('Еріктілер орталығы');
  await pickRadio(question(page, 'who_runs').first(), 'ҮЕҰ');
  await question(page, 'started').first().getByRole('spinbutton').fill('2019');
  const ratings = question(page, 'ratings').first();
  await ratings.scrollIntoViewIfNeeded();
  for (const row of ['Қамту', 'Құны']) {
    const cells = ratings.locator('tr, .sd-table__row').filter({ hasText: row }).first();
    await cells.scrollIntoViewIfNeeded();
    if ((await cells.locator('.sd-dropdown').count()) > 0)
      await pickFromList(cells, row === 'Қамту' ? '4' : '3');
    else await pickRadio(cells, row === 'Қамту' ? '4' : '3');
  }

  // A second entry, added and then removed again.
  await practices.getByRole('button', { name: 'Тәжірибе қосу' }).click();
  await practices.getByText('2-тәжірибе').first().waitFor();
  expect(await question(page, 'name').count()).toBe(2);
  await question(page, 'name').nth(1).getByRole('textbox').fill('Екінші');
  await screenshot(page, 'repeat-phone-kk-two-entries');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await practices.getByRole('button', { name: 'Өшіру' }).nth(1).click();
  await expect.poll(() => question(page, 'name').count()).toBe(1);

  await page.getByRole('button', { name: 'Келесі' }).click();
  // Page 2's required cells: the needs table's one row, and the team's number of volunteers.
  await waitForQuestion(page, 'team', 'Сіздің командаңыз');
  const needs = question(page, 'needs_table');
  await needs.locator('.sd-dropdown').first().click();
  await needs.getByRole('listbox').getByRole('option', { name: 'Оқыту' }).click();
  await needs.getByRole('listbox').waitFor({ state: 'hidden' });
  // An item list draws each title inside its box, over the input, until it is tapped: tap, then type.
  await question(page, 'team').getByText('Еріктілер', { exact: true }).click();
  await page.keyboard.type('12');
  await page.getByRole('button', { name: 'Жіберу' }).click();
  await page.getByRole('status').filter({ hasText: 'Жіберілді ✔' }).waitFor();

  const stored = storedResponses(databaseFileIn(suite.server.dataDir), { surveyId: 'every-type' });
  expect(stored).toHaveLength(1);
  expect(stored[0]!.answers.best_practices).toEqual([
    {
      name: 'Еріктілер орталығы',
      who_runs: 'ngo',
      started: 2019,
      ratings: { reach: { rating: 4 }, cost: { rating: 3 } },
    },
  ]);
  expect(stored[0]!.answers.needs_table).toEqual([{ need: 'training' }]);
  expect(stored[0]!.answers.team).toEqual({ volunteers: 12 });
  expect(pageErrors).toEqual([]);
});
