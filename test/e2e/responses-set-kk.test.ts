// An analyst of Abai region (KZ-10) working in Kazakh reviews a set of responses at once: ticks two rows of the
// Responses table and rejects them with a note (confirming the count first), sees the dashboard's total drop by
// two, then selects every one of the 28 unreviewed responses the filter matches (more than one page) and approves
// them. Another region's response is never counted or selected. Laptop screenshots in Kazakh and Russian.
import { expect, test } from 'vitest';
import { RESPONSE_SET_STRINGS } from '../../client/workspace/responses/set-strings';
import { RESPONSES_STRINGS } from '../../client/workspace/responses/strings';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser } from '../support/auth';
import { screenshot } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

const ANALYST = { email: 'abai.set@example.kz', password: 'Abai-oblysy-jinaq-2024' };
const kk = RESPONSES_STRINGS.kk;
const set = RESPONSE_SET_STRINGS.kk;

const suite = browserSuite({
  server: {},
  setup: async (server) => {
    await createUser(server.store, { ...ANALYST, role: 'analyst', regions: ['KZ-10'] });
    for (let i = 0; i < 31; i++) {
      const region = i === 0 ? 'KZ-55' : 'KZ-10';
      const r = await postResponse(server.url, envelope({}, exampleAnswers({ region, role: 'volunteer' })));
      expect(r.status, r.text).toBe(201);
    }
  },
});

test('a KZ-10 analyst rejects a selected set in Kazakh, the dashboard count drops, then approves all matching', async () => {
  const { page, pageErrors } = await suite.signedIn(ANALYST, '/workspace/responses', 'kk-KZ');
  await page.getByRole('heading', { name: kk.title, level: 1 }).waitFor();
  await page.getByText(set.total('30')).waitFor();
  const rows = page.locator('.responses-table tbody tr:not(.detail-row)');
  expect(await rows.count()).toBe(25);

  // Two rows ticked; the confirmation names how many and the status.
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  const bar = page.getByRole('region', { name: set.setFor });
  await bar.getByText(set.selected('2')).waitFor();
  await bar.getByRole('radio', { name: kk.status.rejected }).check();
  await bar.getByLabel(kk.note).fill('Ұйымдастырушылардың сынағы');
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await screenshot(page, 'responses-set-kk');
  await bar.getByRole('button', { name: set.apply }).click();
  await bar
    .getByRole('status')
    .filter({ hasText: set.done('2') })
    .waitFor();
  expect(asked).toEqual([set.confirm('2', kk.status.rejected)]);
  await expect.poll(() => rows.nth(0).innerText()).toContain(kk.status.rejected);
  expect(await rows.nth(1).innerText()).toContain(kk.status.rejected);

  // The dashboard counts 28 of the region's 30 now.
  await page.goto(`${suite.server.url}/workspace/dashboard?survey=example`);
  await expect.poll(() => page.getByTestId('responses').innerText()).toBe('28');

  // Every unreviewed one, over two pages, selected through the filter and approved at once.
  await page.goto(`${suite.server.url}/workspace/responses?review=unreviewed`);
  await page.getByText(set.total('28')).waitFor();
  const bar2 = page.getByRole('region', { name: set.setFor });
  await bar2.getByRole('button', { name: set.selectAllMatching('28') }).click();
  await bar2.getByText(set.selected('28')).waitFor();
  await bar2.getByRole('radio', { name: kk.status.approved }).check();
  page.once('dialog', (dialog) => void dialog.accept());
  await bar2.getByRole('button', { name: set.apply }).click();
  await page.getByText(set.total('0')).waitFor();
  await page.goto(`${suite.server.url}/workspace/responses?review=approved`);
  await page.getByText(set.total('28')).waitFor();
  expect(pageErrors).toEqual([]);

  // And in Russian.
  const ru = await suite.laptop('ru-RU');
  await ru.context.addCookies(await page.context().cookies());
  await ru.page.goto(`${suite.server.url}/workspace/responses?review=rejected`);
  await ru.page.getByText(RESPONSE_SET_STRINGS.ru.total('2')).waitFor();
  await ru.page.getByRole('checkbox', { name: RESPONSE_SET_STRINGS.ru.selectPage }).check();
  await ru.page.getByText(RESPONSE_SET_STRINGS.ru.selected('2')).waitFor();
  await screenshot(ru.page, 'responses-set-ru');
});
