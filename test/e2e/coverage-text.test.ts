// Coverage and the free-text browser in Russian on a laptop: all 20 regions listed with the empty ones marked and a
// small region's count shown as "< 5"; free-text answers shown verbatim (markup stays text), searched and filtered
// by region through the address.
import { expect, test } from 'vitest';
import { COVERAGE_STRINGS } from '../../client/workspace/coverage/strings';
import { TEXT_STRINGS } from '../../client/workspace/text/strings';
import { envelope, postResponse } from '../support/answers';
import { createUser } from '../support/auth';
import { browserSuite } from '../support/browser-suite';
import { REPO_SURVEYS } from '../support/server';

const ADMIN = { email: 'coverage-admin@example.kz', password: 'Coverage-text-2024', role: 'admin' as const };
const MARKUP = '<img src=x onerror="window.__injected=1"><b>жирный</b> & «кавычки»';
const PROPOSALS: Record<string, string[]> = {
  'KZ-10': [
    'Дать региональным Фронт-офисам трёх штатных сотрудников',
    'Өңірлік Фронт-офиске тұрақты қаржы бөлу керек',
    MARKUP,
    'Обучать координаторов волонтёров в каждом районе',
    'Страховать волонтёров на выездах',
    'Гранты для сельских инициатив',
  ],
  'KZ-55': ['Открыть Фронт-офис в Экибастузе', 'Больше обучения для волонтёров'],
};

const suite = browserSuite({
  server: { surveysDir: REPO_SURVEYS },
  setup: async (server) => {
    await createUser(server.store, ADMIN);
    for (const [region, texts] of Object.entries(PROPOSALS))
      for (const proposal of texts) {
        const res = await postResponse(
          server.url,
          envelope({ version: 2, locale: 'ru' }, { region, role: 'volunteer', roadmap_proposals: proposal }),
          'roadmap-needs',
        );
        expect(res.status, res.text).toBe(201);
      }
  },
});

const openSignedIn = (path: string) => suite.signedIn(ADMIN, path, 'ru-RU');

test('coverage lists all 20 regions in Russian, marks the empty ones and hides a small count', async () => {
  const t = COVERAGE_STRINGS.ru;
  const { page, pageErrors } = await openSignedIn('/workspace/coverage');
  await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
  const regions = page.locator('table', { has: page.locator('caption', { hasText: t.regions }) });
  await regions.locator('tbody tr').first().waitFor();

  expect(await regions.locator('tbody tr').count()).toBe(20);
  const row = (name: string) =>
    regions.locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: false }) });
  expect(await row('область Абай').locator('td').nth(1).innerText()).toBe('6');
  // Two responses in Pavlodar: fewer than five, so the count is not shown.
  expect(await row('Павлодарская область').locator('td').nth(1).innerText()).toBe('< 5');
  expect(await regions.locator('tr.none').count()).toBe(18);
  expect(await row('город Астана').getByText(t.noResponses).isVisible()).toBe(true);
  await page.getByText(t.regionsWithResponses(2, 20)).waitFor();

  // One region: the choice goes to the address and the table narrows to it.
  await page.getByLabel('Регион', { exact: true }).selectOption('KZ-10');
  await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('KZ-10');
  await expect.poll(() => regions.locator('tbody tr').count()).toBe(1);
  expect(pageErrors).toEqual([]);
});

test('free-text answers are shown as written, searched and filtered by region', async () => {
  const t = TEXT_STRINGS.ru;
  const { page, pageErrors } = await openSignedIn(
    '/workspace/text?survey=roadmap-needs&question=roadmap_proposals',
  );
  const answers = page.locator('.text-answers > li');
  await answers.first().waitFor();
  expect(await answers.count()).toBe(8);
  await page.getByText(t.total(8, '8')).waitFor();

  // Markup in an answer stays text: the same characters on screen, no element made, no script run.
  const markup = page.locator('.answer-text', { hasText: 'жирный' });
  expect(await markup.innerText()).toBe(MARKUP);
  expect(await markup.locator('img, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();

  // Search is case-insensitive in Cyrillic, goes to the address, and marks what matched.
  await page.getByLabel(t.search).fill('фронт');
  await page.getByLabel(t.search).press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('фронт');
  await expect.poll(() => answers.count()).toBe(3);
  expect((await page.locator('.text-answers mark').allInnerTexts()).map((s) => s.toLowerCase())).toEqual([
    'фронт',
    'фронт',
    'фронт',
  ]);

  await page.getByLabel('Регион', { exact: true }).selectOption('KZ-55');
  await expect.poll(() => answers.count()).toBe(1);
  expect(await answers.first().locator('.answer-text').innerText()).toBe('Открыть Фронт-офис в Экибастузе');
  expect(await answers.first().locator('.answer-meta').innerText()).toContain('Павлодарская область');
  expect(pageErrors).toEqual([]);
});
