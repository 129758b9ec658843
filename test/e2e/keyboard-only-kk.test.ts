// The whole needs assessment completed with the keyboard alone, in Kazakh (issue 13, WCAG 2.1.1): Tab to each
// control, the arrow keys in the region list, Space on a radio and a checkbox, Enter on Next and Send, and the
// server answers 201. No mouse or tap anywhere; each control reached shows where the focus is.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { question, shownChoice, waitForQuestion } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { REPO_SURVEYS } from '../support/server';

const suite = browserSuite({ server: { surveysDir: REPO_SURVEYS } });

/** Runs in the page (serialized: it may use only its arguments, never variables around it). */
type Probe = (element: Element, arg: string) => boolean;

/** Presses Tab (at most 120 times) until the focused element passes `probe`; fails naming what had focus. */
async function tabTo(page: Page, what: string, probe: Probe, arg = ''): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    // The probe goes to the page as a function (the page's CSP rightly forbids eval inside it).
    const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
    const focus = {
      ok: await focused.evaluate(probe, arg).catch(() => false),
      name: await focused.evaluate(
        (e) =>
          `${e.tagName.toLowerCase()} ${e.getAttribute('aria-label') ?? e.textContent?.slice(0, 30) ?? ''}`,
      ),
    };
    await focused.dispose();
    if (focus.ok) return;
    seen.push(focus.name);
  }
  throw new Error(`Tab never reached ${what}; focus went: ${seen.join(' → ')}`);
}

/** Whether the focused element (or the SurveyJS decorator drawn for it) shows an outline or ring. */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return false;
    const shows = (e: Element | null) => {
      if (!e) return false;
      const style = getComputedStyle(e);
      return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    };
    // SurveyJS hides the real input under its own drawn box: the ring is on the label's decorator, or on the
    // dropdown's frame around its search input (a parent or two up).
    const label = element.closest('label');
    const frames = [
      element.parentElement,
      element.parentElement?.parentElement ?? null,
      element.closest('.sd-dropdown'),
    ];
    return (
      shows(element) ||
      shows(label) ||
      shows(label?.querySelector('.sd-item__decorator') ?? null) ||
      frames.some(shows)
    );
  });
}

/** A button (or input button) named `text`. */
const isButton: Probe = (e, text) =>
  (e.tagName === 'INPUT' || e.tagName === 'BUTTON') &&
  [(e as HTMLInputElement).value, e.getAttribute('aria-label'), e.textContent?.trim()].includes(text);

test('roadmap-needs is completed in Kazakh with Tab, arrow keys, Space and Enter alone, and the server answers 201', async () => {
  const { page, pageErrors } = await suite.laptop('kk-KZ');
  await page.goto(`${suite.server.url}/s/roadmap-needs`);
  await waitForQuestion(page, 'region', 'Өңіріңіз');

  // The region list: Tab into it, arrow down to Abai (first in Kazakh order), Enter.
  await tabTo(page, 'the region list', (e) => !!e.closest('[data-name="region"]'));
  expect(await focusIsVisible(page), 'focus shows on the region list').toBe(true);
  // With its list closed, each ArrowDown steps the choice on, as a native select does; Abai is first.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await shownChoice(question(page, 'region'))).includes('Абай облысы')) break;
  }
  await expect.poll(() => shownChoice(question(page, 'region'))).toContain('Абай облысы');

  // The role: Tab lands on the group's first radio, Space picks it.
  await tabTo(
    page,
    'the first role',
    (e) => !!e.closest('[data-name="role"]') && e.getAttribute('type') === 'radio',
  );
  expect(await focusIsVisible(page), 'focus shows on the role radio').toBe(true);
  await page.keyboard.press('Space');
  expect(await question(page, 'role').getByRole('radio', { name: 'Ерікті', exact: true }).isChecked()).toBe(
    true,
  );

  await tabTo(page, 'Келесі', isButton, 'Келесі');
  expect(await focusIsVisible(page), 'focus shows on Next').toBe(true);
  await page.keyboard.press('Enter');
  await page.locator('.page-progress-text').getByText('2-бет, барлығы 6').waitFor();

  // Page 2: a practice ticked with Space.
  await tabTo(
    page,
    'the first practice',
    (e) => !!e.closest('[data-name="practices_used"]') && e.getAttribute('type') === 'checkbox',
  );
  expect(await focusIsVisible(page), 'focus shows on the checkbox').toBe(true);
  await page.keyboard.press('Space');
  await expect
    .poll(() => question(page, 'practices_used').getByRole('checkbox').first().isChecked())
    .toBe(true);

  for (let k = 2; k <= 5; k++) {
    await tabTo(page, `Келесі on page ${k}`, isButton, 'Келесі');
    await page.keyboard.press('Enter');
    await page
      .locator('.page-progress-text')
      .getByText(`${k + 1}-бет, барлығы 6`)
      .waitFor();
  }

  await tabTo(page, 'Жіберу', isButton, 'Жіберу');
  expect(await focusIsVisible(page), 'focus shows on Send').toBe(true);
  const [reply] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/surveys/roadmap-needs/responses'),
    ),
    page.keyboard.press('Enter'),
  ]);
  expect(reply.status()).toBe(201);
  await page.getByRole('status').filter({ hasText: 'Жіберілді ✔' }).waitFor();
  const stored = (await reply.request().postDataJSON()) as { data: Record<string, unknown> };
  expect(stored.data).toMatchObject({ region: 'KZ-10', role: 'volunteer' });
  expect(pageErrors).toEqual([]);
});
