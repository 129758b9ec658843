// A first-time analyst opens the workspace without choosing a survey: pages open on the survey with the most
// responses (here only roadmap-needs has any), not on briefing-feedback, which sorts first by id. And the section
// strip shows every section on a 1280 px laptop in Kazakh and Russian, while a phone keeps a sideways-scrolling strip.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { envelope, postResponse } from '../support/answers';
import { createUser } from '../support/auth';
import { RESULTS_DIR, screenshot } from '../support/browser';
import { browserSuite, type OpenPage } from '../support/browser-suite';
import { REPO_SURVEYS } from '../support/server';

const ADMIN = { email: 'first-visit@example.kz', password: 'Roadmap-first-visit-2024' };

const suite = browserSuite({
  server: { surveysDir: REPO_SURVEYS },
  setup: async (server) => {
    await createUser(server.store, { ...ADMIN, role: 'admin' });
    // Six answers for Abai (above the small-cell threshold of 5, so the count shows); none for briefing-feedback.
    for (const role of ['akimat', 'ngo_staff', 'volunteer', 'student', 'akimat', 'volunteer']) {
      const res = await postResponse(
        server.url,
        envelope({ version: 2 }, { region: 'KZ-10', role }),
        'roadmap-needs',
      );
      expect(res.status, res.text).toBe(201);
    }
  },
});

test('the export page opens in Kazakh on roadmap-needs, the survey with responses, and keeps a survey chosen in the address', async () => {
  const { page, pageErrors } = await suite.signedIn(ADMIN, '/workspace/exports', 'kk-KZ');
  await page.getByRole('heading', { name: 'Жауаптарды жүктеп алу' }).waitFor();

  // briefing-feedback comes first in GET /api/surveys; the page settles on roadmap-needs without an address change.
  const picker = page.getByLabel('Сауалнама');
  await expect.poll(() => picker.inputValue()).toBe('roadmap-needs');
  const abai = page.locator('li', { has: page.getByRole('checkbox', { name: 'Абай облысы' }) });
  await expect.poll(() => abai.locator('.region-count').innerText()).toBe('6');
  expect(new URL(page.url()).searchParams.get('survey')).toBeNull();
  await screenshot(page, 'default-survey-export-kk');

  // An explicit choice stays, though it has no responses.
  await page.goto(`${suite.server.url}/workspace/exports?survey=briefing-feedback`);
  await page.getByRole('heading', { name: 'Жауаптарды жүктеп алу' }).waitFor();
  await expect.poll(() => picker.inputValue()).toBe('briefing-feedback');
  await expect.poll(() => abai.locator('.region-count').innerText()).toBe('0');
  expect(pageErrors).toEqual([]);
});

/** The strip's links and whether the strip overflows its own width (then it scrolls). */
async function strip(page: Page) {
  const nav = page.locator('nav.sections');
  await nav.getByRole('link').last().waitFor();
  const viewport = page.viewportSize()?.width ?? 0;
  const links = await nav.getByRole('link').evaluateAll((as) =>
    as.map((a) => {
      const box = a.getBoundingClientRect();
      return { text: a.textContent ?? '', top: Math.round(box.top), right: box.right };
    }),
  );
  const overflows = await nav.evaluate((el) => el.scrollWidth > el.clientWidth);
  return { links, overflows, viewport };
}

async function signedIn(locale: string, viewport: { width: number; height: number }): Promise<OpenPage> {
  const opened = await suite.signedIn(ADMIN, '/workspace/exports', locale);
  await opened.page.setViewportSize(viewport);
  // The page itself loaded, so the screenshot shows the strip above a real page.
  await opened.page.locator('.export-page h1').waitFor();
  return opened;
}

test.each(['kk-KZ', 'ru-RU'])(
  'on a 1280 px laptop in %s every section shows, wrapping when needed; a phone scrolls the strip sideways',
  async (locale) => {
    const laptop = await signedIn(locale, { width: 1280, height: 800 });
    const wide = await strip(laptop.page);
    // The last sections, the admins' Import, Users and Surveys, are the ones a single row cut off.
    expect(wide.links.slice(-3).map((l) => l.text)).toEqual(
      locale === 'kk-KZ'
        ? ['Импорт', 'Пайдаланушылар', 'Сауалнамалар']
        : ['Импорт', 'Пользователи', 'Анкеты'],
    );
    expect(wide.overflows).toBe(false);
    for (const link of wide.links) expect(link.right, link.text).toBeLessThanOrEqual(wide.viewport);
    await screenshot(laptop.page, `sections-1280-${locale}`);

    const phone = await signedIn(locale, { width: 390, height: 844 });
    const narrow = await strip(phone.page);
    // One row that scrolls: the strip does not grow into a wall above the page on a phone.
    expect(new Set(narrow.links.map((l) => l.top)).size).toBe(1);
    expect(narrow.overflows).toBe(true);
    // The phone's first screen (a full-page shot would shrink the strip out of sight), then scrolled to the end.
    await phone.page.screenshot({ path: join(RESULTS_DIR, `sections-390-${locale}.png`) });
    await phone.page.locator('nav.sections a').last().scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: join(RESULTS_DIR, `sections-390-${locale}-end.png`) });
    expect([...laptop.pageErrors, ...phone.pageErrors]).toEqual([]);
  },
);
