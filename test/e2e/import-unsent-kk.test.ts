// An admin working in Kazakh imports two files on a laptop: an attendee's "unsent answers" file (made by the phone's
// own code) and a file that is something else. The page shows the counts of the first in Kazakh and the question
// of its refusal, says plainly that the second is not an unsent-answers file, and the answers are in the database.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { unsentFile } from '../../client/lib/unsent-file';
import type { ResponseBody } from '../../client/lib/send';
import { IMPORT_STRINGS } from '../../client/workspace/imports/strings';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser } from '../support/auth';
import { screenshot } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

const ADMIN = { email: 'akimshi@example.kz', password: 'Semey-briefing-2023' };
const ANALYST = { email: 'talday@example.kz', password: 'Semey-briefing-2023' };
const kk = IMPORT_STRINGS.kk;

const fresh = [envelope(), envelope({ locale: 'ru' })];
const alreadySent = envelope();
const clashing = envelope();
const refused = envelope({}, exampleAnswers({ role: 'astronaut' }));

const suite = browserSuite({
  server: {},
  setup: async (server) => {
    await createUser(server.store, { ...ADMIN, role: 'admin' });
    await createUser(server.store, { ...ANALYST, role: 'analyst' });
    for (const body of [alreadySent, clashing])
      expect((await postResponse(server.url, body)).status).toBe(201);
  },
});

const fileBytes = () =>
  Buffer.from(
    JSON.stringify(
      unsentFile(
        {
          waiting: [...fresh, alreadySent, { ...clashing, data: exampleAnswers({ cooperation: 2 }) }].map(
            (body) => ({
              surveyId: 'example',
              body: body as unknown as ResponseBody,
              queuedAt: '2024-05-14T09:00:00.000Z',
            }),
          ),
          refused: [
            {
              surveyId: 'example',
              body: refused as unknown as ResponseBody,
              queuedAt: '2024-05-14T09:01:00.000Z',
              problem: { title: 'The answers do not fit the survey', status: 422 },
              refusedAt: '2024-05-14T09:01:05.000Z',
            },
          ],
        },
        new Date('2024-05-14T10:00:00.000Z'),
        'http://hall.example',
      ),
      null,
      2,
    ),
  );

/** The number beside a count's label in a file's report. */
const count = (page: Page, file: string, label: string) =>
  page
    .locator('section', { has: page.getByRole('heading', { name: file }) })
    .locator('.import-counts tr', { has: page.getByRole('rowheader', { name: label, exact: true }) })
    .locator('td')
    .innerText();

test('an admin imports an unsent-answers file in Kazakh and sees what was stored, already stored and refused', async () => {
  const { page, pageErrors } = await suite.signedIn(ADMIN, '/workspace', 'kk-KZ');
  await page.getByRole('link', { name: 'Импорт', exact: true }).click();
  await page.getByRole('heading', { name: kk.title }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/workspace/import');

  const importButton = page.getByRole('button', { name: kk.import });
  expect(await importButton.isDisabled()).toBe(true);
  await page.getByLabel(kk.files).setInputFiles([
    { name: 'saualnama-unsent-2024-05-14.json', mimeType: 'application/json', buffer: fileBytes() },
    { name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from('region,role\nKZ-10,akimat\n') },
  ]);
  await page.getByText('saualnama-unsent-2024-05-14.json, answers.csv').waitFor();
  await importButton.click();

  const file = 'saualnama-unsent-2024-05-14.json';
  await page.getByRole('heading', { name: 'answers.csv' }).waitFor();
  expect(await count(page, file, kk.counts.responses)).toBe('5');
  expect(await count(page, file, kk.counts.stored)).toBe('2');
  expect(await count(page, file, kk.counts.alreadyStored)).toBe('1');
  expect(await count(page, file, kk.counts.conflicts)).toBe('1');
  expect(await count(page, file, kk.counts.refused)).toBe('1');
  await page.getByText(kk.savedOn('2024-05-14 15:00 (UTC+5)')).waitFor();
  await page.getByText(kk.someOut).waitFor();

  // What was not stored, by the code the respondent's page showed, with the refused question named.
  const refusals = page.locator('.import-refusals tbody tr');
  expect(await refusals.count()).toBe(2);
  expect(await refusals.nth(0).innerText()).toContain(String(clashing.id).slice(0, 8).toUpperCase());
  expect(await refusals.nth(0).innerText()).toContain(kk.conflictReason);
  expect(await refusals.nth(1).innerText()).toContain(String(refused.id).slice(0, 8).toUpperCase());
  expect(await refusals.nth(1).locator('code').innerText()).toBe('role');

  // The other file: refused whole, in Kazakh, with the server's reason.
  const wrong = page.locator('section', { has: page.getByRole('heading', { name: 'answers.csv' }) });
  expect(await wrong.getByRole('alert').innerText()).toContain(kk.notUnsent);
  expect(await wrong.getByRole('alert').innerText()).toContain('"formatVersion": 1');

  for (const body of fresh)
    expect((await suite.server.store.getResponse(String(body.id)))?.answers).toEqual(body.data);
  expect(await suite.server.store.getResponse(String(refused.id))).toBeUndefined();
  await screenshot(page, 'import-unsent-kk');
  expect(pageErrors).toEqual([]);
});

test('an analyst is not offered the import', async () => {
  const { page } = await suite.signedIn(ANALYST, '/workspace', 'kk-KZ');
  await page.getByRole('link', { name: 'Нәтижелер' }).waitFor();
  expect(await page.getByRole('link', { name: 'Импорт', exact: true }).count()).toBe(0);
});
