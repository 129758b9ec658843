// An analyst of Abai region (KZ-10) working in Kazakh reviews single responses: the Responses section lists KZ-10
// only, opens one in Kazakh, rejects it as a test with a note (the charts' total drops by one), makes an API token
// (shown once), and leaves flagged responses out of the dashboard. Laptop and phone screenshots, Russian too.
import { expect, test } from 'vitest';
import { DASHBOARD_STRINGS } from '../../client/workspace/dashboard/strings';
import { RESPONSES_STRINGS } from '../../client/workspace/responses/strings';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser } from '../support/auth';
import { screenshot } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

const ANALYST = { email: 'abai.talday@example.kz', password: 'Abai-oblysy-talday-2024' };
const kk = RESPONSES_STRINGS.kk;

const suite = browserSuite({
  server: {},
  setup: async (server) => {
    await createUser(server.store, { ...ANALYST, role: 'analyst', regions: ['KZ-10'] });
    for (const region of ['KZ-10', 'KZ-10', 'KZ-10', 'KZ-10', 'KZ-10', 'KZ-10', 'KZ-55']) {
      const r = await postResponse(
        server.url,
        envelope(
          { startedAt: new Date(Date.now() - 480_000).toISOString() },
          exampleAnswers({ region, role: 'volunteer' }),
        ),
      );
      expect(r.status, r.text).toBe(201);
    }
  },
});

const total = (page: import('playwright-core').Page) =>
  page.evaluate(async () => {
    const body = await (await fetch('/api/surveys/example/summary')).json();
    return body.responses.count as number;
  });

test('a KZ-10 analyst lists, opens and rejects a response in Kazakh, makes a token, and filters flagged ones', async () => {
  const { page, pageErrors } = await suite.signedIn(ANALYST, '/workspace/responses', 'kk-KZ');
  await page.getByRole('heading', { name: kk.title, level: 1 }).waitFor();
  const rows = page.locator('.responses-table tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(6);
  for (const text of await rows.allInnerTexts()) {
    expect(text).toContain('Абай облысы');
    expect(text).toContain(kk.notReviewed);
  }
  expect(await total(page)).toBe(6);
  await screenshot(page, 'responses-kk');

  // Open the newest: its answers in Kazakh, titles and choice labels from the survey.
  await rows
    .first()
    .getByRole('button', { name: new RegExp(`^${kk.open}:`) })
    .click();
  const detail = page.locator('.response-detail');
  await detail.getByText('Сіздің рөліңіз').waitFor();
  expect(await detail.locator('dl').innerText()).toContain('Волонтер');
  await detail.getByRole('radio', { name: kk.status.rejected }).check();
  await detail.getByText(kk.rejectedNote).waitFor();
  await detail.getByLabel(kk.note).fill('Ұйымдастырушының сынағы');
  await detail.getByRole('button', { name: kk.save }).click();
  await detail.getByRole('status').filter({ hasText: kk.saved }).waitFor();
  expect(await rows.first().innerText()).toContain(kk.status.rejected);
  // The charts and the CSV leave it out from now on.
  expect(await total(page)).toBe(5);
  await screenshot(page, 'responses-kk-opened');

  // The review filter finds it again, in the address.
  await page.getByRole('combobox', { name: kk.review }).selectOption({ label: kk.reviewFilter.rejected });
  await page.waitForURL(/review=rejected/);
  const itemRows = page.locator('.responses-table tbody tr:not(.detail-row)');
  await expect.poll(() => itemRows.count()).toBe(1);
  expect(await itemRows.first().innerText()).toContain(kk.status.rejected);

  // An API token for R, shown once.
  await page.getByRole('link', { name: kk.tokensLink }).click();
  await page.getByRole('heading', { name: kk.tokens.title, level: 1 }).waitFor();
  await page.getByLabel(kk.tokens.name).fill('R ноутбукте');
  await page.getByRole('button', { name: kk.tokens.create }).click();
  const once = page.getByRole('status', { name: kk.tokens.shownOnce });
  const token = (await once.locator('code').innerText()).trim();
  expect(token).toMatch(/^snm_/);
  const pulled = await page.evaluate(async (t) => {
    const res = await fetch('/api/surveys/example/responses.jsonl', {
      headers: { authorization: `Bearer ${t}` },
    });
    return (await res.text()).trim().split('\n').length;
  }, token);
  expect(pulled).toBe(5);
  expect(await page.getByRole('row', { name: /R ноутбукте/ }).innerText()).toContain(kk.tokens.active);
  await screenshot(page, 'tokens-kk');

  // The dashboard's flag filter goes into the address and the summary's query.
  await page.goto(`${suite.server.url}/workspace/dashboard`);
  const flagged = page.getByRole('checkbox', { name: DASHBOARD_STRINGS.kk.excludeFlagged });
  await flagged.check();
  await page.waitForURL(/flagged=exclude/);
  expect(pageErrors).toEqual([]);

  // On a phone, the table scrolls inside its box; the page itself does not scroll sideways.
  const phone = await suite.phone('kk-KZ');
  await phone.context.addCookies(await page.context().cookies());
  await phone.page.goto(`${suite.server.url}/workspace/responses`);
  await phone.page.locator('.responses-table tbody tr').first().waitFor();
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(phone.page, 'responses-kk-phone');

  // And in Russian.
  const ru = await suite.laptop('ru-RU');
  await ru.context.addCookies(await page.context().cookies());
  await ru.page.goto(`${suite.server.url}/workspace/responses`);
  await ru.page.getByRole('heading', { name: RESPONSES_STRINGS.ru.title, level: 1 }).waitFor();
  await ru.page.locator('.responses-table tbody tr').first().waitFor();
  expect(await ru.page.locator('.responses-table tbody tr').first().innerText()).toContain(
    RESPONSES_STRINGS.ru.status.rejected,
  );
  await screenshot(ru.page, 'responses-ru');
});
