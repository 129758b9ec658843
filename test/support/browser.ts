// Real Chromium for the browser tests: launch it (or fail saying how to get it), open a phone-sized context,
// and keep a screenshot of every page of a failed test in test-results/ for diagnosis.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { surveyLocalization } from 'survey-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = resolve(import.meta.dirname, '../../test-results');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Never a skip: without a browser the respondent's path is untested, so the run must fail and say so. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}, and it is not there. ` +
        `Install it (Debian/Ubuntu: apt-get update && apt-get install -y chromium) ` +
        `or set CHROMIUM_PATH=/path/to/chromium.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** A phone the size of an iPhone 12–14 (390×844 CSS px, touch), speaking `locale` (e.g. 'kk-KZ'). */
export function phoneContext(browser: Browser, locale: string): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale,
  });
}

/** A page whose uncaught script errors are collected, so a test can assert that the page never crashed. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

/** A full-page screenshot at test-results/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 120)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Closes a test's context; when the test failed, first saves a screenshot of each of its pages.
 * Call from afterEach with the task: vitest has marked it failed by then, and the pages are still open.
 */
export async function closeContext(
  context: BrowserContext | undefined,
  task: { name: string; result?: { state?: string } },
): Promise<void> {
  if (!context) return;
  if (task.result?.state === 'fail') {
    for (const [index, page] of context.pages().entries()) {
      const file = await screenshot(page, `${task.name}-${index}`).catch(() => null);
      if (file) console.error(`screenshot of the failed test: ${file}`);
    }
  }
  await context.close();
}

// ---- Answering SurveyJS questions the way a thumb does. SurveyJS hides the real <input>s (its own drawn
// controls sit on top), so a tap goes to the item's <label>; the inputs still carry the accessible names.

/** The question named `name` in the survey definition (SurveyJS renders `data-name`). */
export function question(page: Page, name: string): Locator {
  return page.locator(`[data-name="${name}"]`);
}

/** Waits until the question `name` is on screen with the title `title` (in the language the test expects). */
export async function waitForQuestion(page: Page, name: string, title: string): Promise<void> {
  await question(page, name).locator('.sd-question__title').getByText(title, { exact: true }).waitFor();
}

/** Taps the radio item (radiogroup, rating drawn as buttons, or a matrix cell) whose accessible name is `label`. */
export async function pickRadio(scope: Locator, label: string): Promise<void> {
  await scope
    .locator('label')
    .filter({ has: scope.page().getByRole('radio', { name: label, exact: true }) })
    .click();
}

export async function tickCheckbox(scope: Locator, label: string): Promise<void> {
  await scope
    .locator('label')
    .filter({ has: scope.page().getByRole('checkbox', { name: label, exact: true }) })
    .click();
}

/**
 * Chooses from a dropdown, which a phone shows as a full-screen list: open it, tap the option.
 * `option` is matched from the start of the option's name: a rating's end options also carry their label.
 */
export async function pickFromList(scope: Locator, option: string): Promise<void> {
  await scope.locator('.sd-dropdown').click();
  const list = scope.getByRole('listbox');
  await list.waitFor();
  await list.getByRole('option', { name: new RegExp(`^${escapeRegExp(option)}(\\s|$)`) }).click();
  await list.waitFor({ state: 'hidden' });
}

/** What a dropdown shows as chosen: a focused dropdown shows it in its search input, an idle one as text. */
export async function shownChoice(scope: Locator): Promise<string> {
  const box = scope.locator('.sd-dropdown');
  const typed = await box
    .locator('input')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  return [await box.innerText(), ...typed].join(' ').trim();
}

/** A rating: SurveyJS draws it as buttons when they fit the width and as a dropdown when not (phones). */
export async function rate(scope: Locator, value: string): Promise<void> {
  if ((await scope.locator('.sd-dropdown').count()) > 0) await pickFromList(scope, value);
  else await pickRadio(scope, value);
}

/** A boolean switch: taps the side labelled `label` (e.g. «Иә» / «Да»). */
export async function setBoolean(scope: Locator, label: string): Promise<void> {
  await scope.locator('.sd-boolean__label').getByText(label, { exact: true }).click();
}

/**
 * English UI strings of survey-core (Next, Previous, Complete, Select..., Cancel, "Page {0} of {1}" …) found on
 * the page, in its text or in placeholders, titles and aria-labels, hidden popups included. Empty when
 * SurveyJS speaks the page's language everywhere.
 */
export async function englishSurveyJsStrings(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement?.tagName;
      if (parent !== 'STYLE' && parent !== 'SCRIPT' && node.textContent?.trim()) found.push(node.textContent);
    }
    for (const element of document.body.querySelectorAll('[placeholder], [title], [aria-label]')) {
      for (const attribute of ['placeholder', 'title', 'aria-label']) {
        const value = element.getAttribute(attribute);
        if (value) found.push(value);
      }
    }
    return found;
  });
  return ENGLISH_UI.filter(({ pattern }) => texts.some((text) => pattern.test(text))).map(({ text }) => text);
}

const ENGLISH_UI = Object.values(surveyLocalization.locales.en as Record<string, unknown>)
  .filter((text): text is string => typeof text === 'string')
  // "{rowTitle}" alone, "value", "item": nothing English left to recognise.
  .filter((text) => /[A-Za-z]{3,}/.test(text.replace(/\{[^}]*\}/g, '')) && !/^[a-z]+$/.test(text))
  .map((text) => ({
    text,
    pattern: new RegExp(
      `(?<![A-Za-z])${text
        .split(/\{[^}]*\}/)
        .map(escapeRegExp)
        .join('.+?')}(?![A-Za-z])`,
    ),
  }));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
