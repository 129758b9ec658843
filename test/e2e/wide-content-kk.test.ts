// What is wider or longer than its screen says so (issue 13, point 11 and "phone-first checks"), in Kazakh over
// 1,000 demo responses: the region heat table shows that it scrolls and how many columns are out of view, the
// hall's live results say how many options they leave out, no workspace section scrolls sideways on a 390 px phone
// (a table inside may, when it shows it), and every page of a briefing link keeps its step, "page k of n" and its
// first question on a phone's first screen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { ChoiceCount, QuestionAggregate, SummaryBody } from '../../exports/aggregates/types';
import { BRIEFING_STRINGS } from '../../client/workspace/briefings/strings';
import { SCROLL_STRINGS } from '../../client/lib/scroll-box';
import { SECTIONS } from '../../client/workspace/sections';
import { createUser, fetchAs, signIn } from '../support/auth';
import {
  pickFromList,
  pickRadio,
  question,
  RESULTS_DIR,
  screenshot,
  waitForQuestion,
} from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { demoDataDir } from '../support/demo-data';
import { REPO_SURVEYS } from '../support/server';

const ADMIN = { email: 'wide-admin@example.kz', password: 'Roadmap-wide-2024', role: 'admin' as const };
let cookie: string;

const suite = browserSuite({
  server: () => ({ dataDir: demoDataDir(1000, 5), surveysDir: REPO_SURVEYS }),
  setup: async (server) => {
    await createUser(server.store, ADMIN);
    // An open briefing of today: the demo's briefings are in the past and closed.
    await server.store.addBriefing(
      {
        slug: 'semey-phone',
        surveyId: 'roadmap-needs',
        region: 'KZ-10',
        city: 'Semey',
        cityNames: { kk: 'Семей', ru: 'Семей', en: 'Semey' },
        date: new Date().toISOString().slice(0, 10),
        title: { kk: 'Семейдегі брифинг', ru: 'Брифинг в Семее', en: 'Briefing in Semey' },
      },
      new Date().toISOString(),
    );
    cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
  },
  timeout: 150_000,
});

async function api<T>(path: string): Promise<T> {
  const res = await fetchAs(suite.server.url, cookie, path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

test('the region heat table says it scrolls sideways and how many answers are out of view; keys scroll it', async () => {
  const { page, pageErrors } = await suite.signedIn(
    ADMIN,
    '/workspace/regions?survey=roadmap-needs',
    'kk-KZ',
  );
  const box = page.getByRole('region', { name: SCROLL_STRINGS.kk.region('Өңірлер кестесі') });
  await box.locator('table.heat-table tbody tr').first().waitFor();
  const fit = () =>
    box.evaluate((e) => ({
      scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
      scrollLeft: e.scrollLeft,
    }));
  const before = await fit();
  expect(before.scrollWidth, 'the table is wider than its card at 1280 px').toBeGreaterThan(
    before.clientWidth,
  );

  // The hint names the answers out of view: those whose heading is not wholly inside the box.
  const outOfView = () =>
    box.evaluate((e) => {
      const edge = e.getBoundingClientRect();
      return [...e.querySelectorAll('thead th:not(.region-col)')].filter((th) => {
        const r = th.getBoundingClientRect();
        return r.left < edge.left - 1 || r.right > edge.right + 1;
      }).length;
    });
  const hidden = await outOfView();
  expect(hidden).toBeGreaterThan(0);
  const hint = page.locator('.heat .scroll-hint');
  await expect.poll(() => hint.innerText()).toBe(SCROLL_STRINGS.kk.hint(hidden));
  expect(await page.locator('.heat .scroll-box').getAttribute('class')).toContain('more-right');
  await screenshot(page, 'heat-table-scroll-kk-1280');

  // The box takes focus with Tab like any control, and the arrow keys move it.
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await fit()).scrollLeft).toBeGreaterThan(0);
  // The arrow key already set more-left, so wait for the whole class: at the far end only more-left stays.
  // 'instant' so that an arrow key's smooth scroll still running cannot pull the box back.
  await box.evaluate((e) => e.scrollTo({ left: e.scrollWidth, behavior: 'instant' }));
  await expect
    .poll(() => page.locator('.heat .scroll-box').getAttribute('class'))
    .toBe('scroll-box more-left');
  await expect.poll(() => hint.innerText()).toBe(SCROLL_STRINGS.kk.hint(await outOfView()));
  expect(pageErrors).toEqual([]);
});

test("the hall's live results say how many options each question leaves out", async () => {
  const briefings = await api<{ slug: string; responses: number }[]>('/api/briefings');
  const busiest = [...briefings].sort((a, b) => b.responses - a.responses)[0]!;
  expect(busiest.responses).toBeGreaterThan(10);
  const summary = await api<SummaryBody>(
    `/api/surveys/roadmap-needs/summary?briefing=${busiest.slug}&audience=public`,
  );
  const shownKinds = new Set(['choice', 'multiple', 'rating']);
  const questions = summary.questions
    .filter(
      (q): q is Extract<QuestionAggregate, { choices: ChoiceCount[] }> =>
        shownKinds.has(q.kind) && q.name !== 'region',
    )
    .slice(0, 3);
  // The survey's first key questions have more options than a slide holds: the point is worth testing here.
  expect(questions.some((q) => q.kind !== 'rating' && q.choices.length > 6)).toBe(true);

  const { page, pageErrors } = await suite.signedIn(ADMIN, `/b/${busiest.slug}/live`, 'kk-KZ');
  await page.getByRole('button', { name: BRIEFING_STRINGS.kk.live.results }).click();
  const sections = page.locator('.live-question');
  await expect.poll(() => sections.count()).toBe(questions.length);
  for (const [i, q] of questions.entries()) {
    const section = sections.nth(i);
    expect(await section.locator('h2').innerText()).toBe(q.title.kk);
    const bars = await section.locator('.live-bar').count();
    const more = section.locator('.live-more');
    if (q.kind !== 'rating' && q.choices.length > 6) {
      expect(bars).toBe(6);
      expect(await more.innerText()).toBe(BRIEFING_STRINGS.kk.live.moreOptions(q.choices.length - 6));
    } else {
      expect(bars, q.name).toBe(q.choices.length);
      expect(await more.count()).toBe(0);
    }
  }
  await screenshot(page, 'live-results-more-kk');
  expect(pageErrors).toEqual([]);
});

test('the live screen on a 390 px phone stacks: code on top, the title below it across the screen, nothing covered', async () => {
  const { page, pageErrors, context } = await suite.phone('kk-KZ');
  const url = suite.server.url;
  const res = await context.request.post(`${url}/api/session`, {
    data: { email: ADMIN.email, password: ADMIN.password },
    headers: { origin: url },
  });
  expect(res.status()).toBe(204);
  await page.goto(`${url}/b/semey-phone/live`);
  const title = page.locator('.live-side h1');
  await title.waitFor();
  const qr = await page.locator('.live-qr').boundingBox();
  const heading = await title.boundingBox();
  // Side by side, the title had ~120 px beside the code and ran one word a line.
  expect(heading!.width).toBeGreaterThan(300);
  expect(heading!.y).toBeGreaterThanOrEqual(qr!.y + qr!.height);
  // The results button sits after the content, not over the title's last line.
  const button = await page.getByRole('button', { name: BRIEFING_STRINGS.kk.live.results }).boundingBox();
  expect(button!.y).toBeGreaterThanOrEqual(heading!.y + heading!.height);
  await screenshot(page, 'live-screen-kk-390');
  expect(pageErrors).toEqual([]);
});

/** Elements that scroll sideways on the page, other than the page itself; each must be a scroll box saying so. */
async function sidewaysScrollers(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => {
        const style = getComputedStyle(e);
        // What the reader can see: a table in a closed <details> scrolls nothing until opened.
        return (
          /auto|scroll/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1 && e.checkVisibility()
        );
      })
      .map((e) => ({
        what: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`,
        // A scroll box with its hint above, or a phone's strip of links with its edge shades (scrolling covers).
        saysSo:
          (e.classList.contains('scroll-box-inner') &&
            e.parentElement?.previousElementSibling?.classList.contains('scroll-hint') === true) ||
          (e.matches('nav.sections, nav.page-nav') &&
            getComputedStyle(e).backgroundAttachment.includes('local')),
      })),
  );
}

test('no workspace section scrolls sideways on a 390 px phone in Kazakh; a table that does says so', async () => {
  const { page, context, pageErrors } = await suite.phone('kk-KZ');
  const url = suite.server.url;
  const res = await context.request.post(`${url}/api/session`, {
    data: { email: ADMIN.email, password: ADMIN.password },
    headers: { origin: url },
  });
  expect(res.status()).toBe(204);
  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const section of SECTIONS) {
    await page.goto(`${url}/workspace/${section.path}?survey=roadmap-needs`);
    await page.locator('main h1').first().waitFor();
    // Sections fill in after their data: wait until nothing is loading, then look.
    await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: innerWidth,
    }));
    expect(width.scroll, `/workspace/${section.path} scrolls sideways at 390 px`).toBeLessThanOrEqual(
      width.inner,
    );
    for (const scroller of await sidewaysScrollers(page))
      expect(scroller.saysSo, `/workspace/${section.path}: ${scroller.what} scrolls without saying so`).toBe(
        true,
      );
    await page.screenshot({ path: join(RESULTS_DIR, `workspace-${section.path}-kk-390.png`) });
  }
  expect(pageErrors).toEqual([]);
}, 240_000);

test('every page of a briefing link on a 390 px phone shows its step, «k-бет, барлығы 6» and its first question on the first screen', async () => {
  const { page, pageErrors } = await suite.phone('kk-KZ');
  await page.goto(`${suite.server.url}/b/semey-phone`);
  await page.locator('header.briefing').getByText('Семейдегі брифинг').waitFor();
  await waitForQuestion(page, 'region', 'Өңіріңіз');
  for (let k = 1; k <= 6; k++) {
    await page.locator('.page-progress-text').getByText(`${k}-бет, барлығы 6`).waitFor();
    const seen = await page.evaluate(() => {
      const progress = document.querySelector('nav.page-progress');
      const current = progress?.querySelector('[aria-current="step"]')?.getBoundingClientRect();
      const first = document.querySelector('.sd-page .sd-question .sd-question__title');
      return {
        currentBottom: current?.bottom ?? Infinity,
        currentVisible: !!current && current.width > 0 && current.height > 0,
        firstTitleBottom: first?.getBoundingClientRect().bottom ?? Infinity,
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(seen.currentVisible, `page ${k}: the current step is shown`).toBe(true);
    expect(seen.currentBottom, `page ${k}: the current step is on the first screen`).toBeLessThan(844);
    expect(seen.firstTitleBottom, `page ${k}: the first question is on the first screen`).toBeLessThan(844);
    expect(seen.scrollWidth, `page ${k}: no sideways scroll`).toBeLessThanOrEqual(390);
    if (k === 1) {
      await pickFromList(question(page, 'region'), 'Абай облысы');
      await pickRadio(question(page, 'role'), 'Ерікті');
    }
    if (k < 6) await page.getByRole('button', { name: 'Келесі', exact: true }).click();
  }
  expect(pageErrors).toEqual([]);
});
