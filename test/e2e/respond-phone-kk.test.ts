// The needs assessment on a 390×844 phone in Kazakh, page by page, as the briefing day's first users found it:
// a progress indicator that shows the current step and "page k of n" on every page, the title and introduction
// once, each page's first question on the first screen, no sideways scroll, the 1–5 rating as buttons with its
// end labels, matrices in two columns, locked choices that look locked and say why, and the region list and its
// popup in the language switched to. Screenshots of every page go to docs/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pickFromList, pickRadio, question, tickCheckbox, waitForQuestion } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { REPO_SURVEYS } from '../support/server';

const DOCS = resolve(import.meta.dirname, '../../docs');
const SURVEY_TITLE = 'Өңіріңіздегі волонтерлік: 2024–2027 жылдарға арналған Жол картасы үшін';
const PAGE_TITLES = [
  'Өзіңіз туралы',
  'Үздік тәжірибелер',
  'Өңірдегі мәселелер мен қажеттіліктер',
  'Ынтымақтастық арналары',
  '2024–2027 жылдарға арналған Жол картасы',
  'Байланыс (міндетті емес)',
];

const suite = browserSuite({
  server: { surveysDir: REPO_SURVEYS },
  setup: (server) =>
    server.store.addBriefing(
      {
        slug: 'oskemen-2023-09',
        surveyId: 'roadmap-needs',
        region: 'KZ-63',
        city: 'Oskemen',
        cityNames: { kk: 'Өскемен', ru: 'Усть-Каменогорск', en: 'Oskemen' },
        date: '2023-09-20',
        title: { kk: 'Өскемендегі брифинг', ru: 'Брифинг в Усть-Каменогорске', en: 'Briefing in Oskemen' },
      },
      new Date().toISOString(),
    ),
});

/** What a thumb can check on the page now: the progress indicator, the first question's place, the width. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const progress = document.querySelector('nav.page-progress');
    const current = progress?.querySelector('[aria-current="step"]');
    const steps: Element[] = [...(progress?.querySelectorAll('li') ?? [])];
    const first = document.querySelector('.sd-page .sd-question:not([style*="display: none"])');
    const box = (e: Element | null | undefined) => e?.getBoundingClientRect();
    return {
      progressText: progress?.querySelector('p')?.textContent ?? '',
      progressBottom: box(progress)?.bottom ?? Infinity,
      currentStep: current ? steps.indexOf(current) : -1,
      firstQuestionTop: box(first)?.top ?? Infinity,
      firstQuestionTitleBottom: box(first?.querySelector('.sd-question__title'))?.bottom ?? Infinity,
      scrollWidth: document.documentElement.scrollWidth,
      title: document.querySelector('.sd-title.sd-container-modern__title')?.textContent ?? '',
    };
  });
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Келесі', exact: true }).click();
}

test('every page of roadmap-needs on a Kazakh phone shows «k-бет, барлығы 6», its step, and its first question on the first screen; the title once', async () => {
  const { page, pageErrors } = await suite.phone('kk-KZ');
  mkdirSync(DOCS, { recursive: true });
  await page.goto(`${suite.server.url}/s/roadmap-needs`);
  await waitForQuestion(page, 'region', 'Өңіріңіз');

  for (const [index, pageTitle] of PAGE_TITLES.entries()) {
    const k = index + 1;
    await page.locator('.page-progress-text').getByText(`${k}-бет, барлығы 6`).waitFor();
    const seen = await layout(page);
    expect(seen.progressText, `page ${k}`).toContain(pageTitle);
    expect(seen.currentStep, `page ${k}: the current step is marked`).toBe(index);
    expect(seen.progressBottom, `page ${k}: the indicator is on the first screen`).toBeLessThan(844);
    expect(
      seen.firstQuestionTitleBottom,
      `page ${k}: the first question's title is on the first screen`,
    ).toBeLessThan(844);
    expect(seen.scrollWidth, `page ${k}: no sideways scroll at 390 px`).toBeLessThanOrEqual(390);
    // The title and the 9-line introduction are read once, on page 1, not above every page.
    if (k === 1) expect(seen.title).toContain(SURVEY_TITLE);
    else expect(seen.title, `page ${k}`).toBe('');
    await page.screenshot({ path: `${DOCS}/phone-kk-page-${k}.png` });

    if (k === 1) {
      await pickFromList(question(page, 'region'), 'Абай облысы');
      await pickRadio(question(page, 'role'), 'Ерікті');
    }
    if (k === 2) await ratingIsButtons(page);
    if (k === 3) await matricesAreCompact(page);
    if (k === 5) await lockedChoicesSayWhy(page);
    if (k < 6) await next(page);
  }
  expect(pageErrors).toEqual([]);
});

/** Point 5: the 1–5 rating is five buttons with both end labels, before and after a tap (not a dropdown). */
async function ratingIsButtons(page: Page): Promise<void> {
  const rating = question(page, 'practices_effectiveness');
  expect(await rating.locator('.sd-dropdown').count()).toBe(0);
  for (const label of ['Мүлде тиімсіз', 'Өте тиімді']) await rating.getByText(label).waitFor();
  await pickRadio(rating, '4');
  expect(await rating.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
  for (const label of ['Мүлде тиімсіз', 'Өте тиімді'])
    expect(await rating.getByText(label).isVisible()).toBe(true);
  const buttons = await rating.getByRole('radio').count();
  expect(buttons).toBe(5);
}

/** Point 4: each matrix row's six options are a 3×2 block of boxes, so 11 rows are under 3 screens, not ~5. */
async function matricesAreCompact(page: Page): Promise<void> {
  const matrix = question(page, 'problems_severity');
  const row = matrix.locator('tr.sd-table__row').first();
  const tops = await row
    .locator('td.sd-matrix__cell:not(.sd-table__cell--row-text)')
    .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
  expect(tops).toHaveLength(6);
  expect(new Set(tops).size, 'six options in two lines of three').toBe(2);
  // SurveyJS's list: ~3,900 px for these 11 rows (over 4 screens); two lines of boxes each: ~2,300.
  const height = await matrix.evaluate((e) => e.getBoundingClientRect().height);
  expect(height).toBeLessThan(3 * 844);
  await pickRadio(matrix, 'жол Волонтерлік қызметті қаржыландыру, бағана Күрделі мәселе');
  expect(
    await matrix
      .getByRole('radio', { name: 'жол Волонтерлік қызметті қаржыландыру, бағана Күрделі мәселе' })
      .isChecked(),
  ).toBe(true);
}

/** Point 7: after three picks the other choices are disabled, look it, and the question says why. */
async function lockedChoicesSayWhy(page: Page): Promise<void> {
  const top3 = question(page, 'roadmap_top3');
  for (const label of ['Халықаралық ынтымақтастық', 'Заңнаманы жетілдіру', 'Цифрлық инфрақұрылым'])
    await tickCheckbox(top3, label);
  const locked = top3.getByRole('checkbox', { name: 'Инклюзивті волонтерлік', exact: true });
  expect(await locked.isDisabled()).toBe(true);
  const item = top3
    .locator('.sd-item')
    .filter({ has: page.getByRole('checkbox', { name: 'Инклюзивті волонтерлік', exact: true }) });
  const opacity = await item.evaluate((e) => Number(getComputedStyle(e).opacity));
  expect(opacity, 'a locked choice is visibly faded').toBeLessThanOrEqual(0.5);
  const note = top3.locator('.sd-question__description');
  await expect.poll(() => note.innerText()).toContain('Ең көбі 3 нұсқа таңдалды');
  expect(await note.getAttribute('aria-live')).toBe('polite');
  // Untick one: the others open again and the note goes.
  await tickCheckbox(top3, 'Цифрлық инфрақұрылым');
  await expect.poll(() => locked.isDisabled()).toBe(false);
  expect(await note.innerText()).not.toContain('Ең көбі 3 нұсқа таңдалды');
}

test('after switching from Russian to Kazakh the region popup says «Болдырмау», not «Отменить», and each list is in its own alphabetical order', async () => {
  const { page, pageErrors } = await suite.phone('ru-RU');
  await page.goto(`${suite.server.url}/s/roadmap-needs`);
  await waitForQuestion(page, 'region', 'Ваш регион');
  const region = question(page, 'region');

  const listed = async () => {
    await region.locator('.sd-dropdown').click();
    const list = region.getByRole('listbox');
    await list.waitFor();
    const names = await list.getByRole('option').allInnerTexts();
    const button = region.locator('.sv-popup__button--cancel');
    const shown = (await button.innerText()).trim();
    await button.click();
    await list.waitFor({ state: 'hidden' });
    return { names: names.map((n) => n.trim()).filter(Boolean), cancel: shown };
  };

  const russian = await listed();
  expect(russian.cancel).toBe('Отменить');
  expect(russian.names).toHaveLength(20);
  expect(russian.names).toEqual([...russian.names].sort(new Intl.Collator('ru').compare));
  expect(russian.names.slice(0, 2)).toEqual(['Акмолинская область', 'Актюбинская область']);

  await page.getByRole('button', { name: 'Қазақша' }).click();
  await waitForQuestion(page, 'region', 'Өңіріңіз');
  const kazakh = await listed();
  expect(kazakh.cancel).toBe('Болдырмау');
  expect(kazakh.names).toHaveLength(20);
  expect(kazakh.names[0]).toBe('Абай облысы');
  expect(kazakh.names).toEqual([...kazakh.names].sort(new Intl.Collator('kk').compare));
  expect(pageErrors).toEqual([]);
});

test('a briefing link names its city in Kazakh (Өскемен), in Russian after a switch, and shows its header on page 1 only', async () => {
  const { page, pageErrors } = await suite.phone('kk-KZ');
  await page.goto(`${suite.server.url}/b/oskemen-2023-09`);
  const header = page.locator('header.briefing');
  await header.getByText('Өскемендегі брифинг').waitFor();
  expect(await header.innerText()).toContain('Өскемен ·');
  expect(await header.innerText()).not.toContain('Oskemen');
  await page.getByRole('button', { name: 'Русский' }).click();
  await header.getByText('Брифинг в Усть-Каменогорске').waitFor();
  expect(await header.innerText()).toContain('Усть-Каменогорск ·');
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await waitForQuestion(page, 'region', 'Өңіріңіз');
  await pickRadio(question(page, 'role'), 'Ерікті');
  await next(page);
  await page.locator('.page-progress-text').getByText('2-бет, барлығы 6').waitFor();
  expect(await header.count(), 'the briefing header is read once, on page 1').toBe(0);
  expect(pageErrors).toEqual([]);
});
