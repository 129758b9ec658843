// Grids and repeats on the dashboard, on a 390×844 phone (issue 19 item 4): in Kazakh, the every-type survey's grid
// is charted per column with its rows in Kazakh, and a repeating group has its chart of entries per respondent;
// the same in Russian. Screenshots of both charts are kept in docs/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { AnsweredAggregate, SummaryBody } from '../../exports/aggregates/types';
import { PARTS_STRINGS } from '../../client/charts/parts-strings';
import { CHART_STRINGS } from '../../client/charts/strings';
import type { Locale } from '../../client/lib/locale';
import { envelope, postResponse } from '../support/answers';
import { createUser, fetchAs, signIn } from '../support/auth';
import { browserSuite } from '../support/browser-suite';

const QTYPES = resolve(import.meta.dirname, '../fixtures/qtypes');
const DOCS = resolve(import.meta.dirname, '../../docs');
const ADMIN = { email: 'admin@example.kz', password: 'correct horse battery 1' };
let cookie = '';

/** 15 respondents: the grid's NGO row by all, the akimat row by ten; one to three needs each, five of each. */
const answers = (i: number) => ({
  region: 'KZ-11',
  knows_practices: true,
  best_practices: [
    {
      name: 'Жастар орталығы',
      who_runs: i % 3 === 0 ? 'akimat' : 'ngo',
      ratings: { reach: { rating: 4 }, cost: { rating: 3 } },
    },
  ],
  needs_table: Array.from({ length: 1 + (i % 3) }, (_, r) => ({ need: r === 0 ? 'space' : 'training' })),
  channels_grid: {
    ngo: { used: true, quality: 3 + (i % 3) },
    // Quality is asked only of a channel that is used.
    ...(i < 10 && { akimat: i % 2 === 0 ? { used: true, quality: 2 } : { used: false } }),
  },
  team: { volunteers: 10 + i },
});

const suite = browserSuite({
  server: { surveysDir: QTYPES },
  setup: async (server) => {
    await createUser(server.store, { ...ADMIN, role: 'admin' });
    cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
    for (let i = 0; i < 15; i++) {
      const r = await postResponse(server.url, envelope({}, answers(i)), 'every-type');
      expect(r.status, r.text).toBe(201);
    }
  },
  timeout: 90_000,
});

async function question(name: string): Promise<AnsweredAggregate> {
  const res = await fetchAs(suite.server.url, cookie, '/api/surveys/every-type/summary');
  const body = (await res.json()) as SummaryBody;
  return body.questions.find((q) => q.name === name) as AnsweredAggregate;
}

async function openDashboard(locale: 'kk-KZ' | 'ru-RU'): Promise<{ page: Page; pageErrors: string[] }> {
  const { page, context, pageErrors } = await suite.phone(locale);
  const url = suite.server.url;
  const res = await context.request.post(`${url}/api/session`, { data: ADMIN, headers: { origin: url } });
  expect(res.status()).toBe(204);
  await page.goto(`${url}/workspace/dashboard?survey=every-type`);
  return { page, pageErrors };
}

/** A chart card, scrolled to and drawn; its screenshot kept in docs/. */
async function drawnCard(page: Page, name: string, title: string, shot: string) {
  const card = page.locator(`article[data-question="${name}"]`);
  await card.getByRole('heading', { name: title, exact: true }).waitFor();
  // The cards above it are laid out as their charts come in: scroll until it stays put.
  await expect
    .poll(() =>
      card
        .scrollIntoViewIfNeeded({ timeout: 2_000 })
        .then(() => true)
        .catch(() => false),
    )
    .toBe(true);
  await card.locator('.chart-canvas[data-drawn="true"]').waitFor();
  mkdirSync(DOCS, { recursive: true });
  await card.screenshot({ path: `${DOCS}/${shot}.png` });
  return card;
}

const checks: [string, Locale, Record<string, string>][] = [
  [
    'kk-KZ',
    'kk',
    {
      grid: 'Ынтымақтастық арналары — Қолданылады',
      repeat: 'Ұйымыңыздың қажеттіліктері',
      need: 'Қажеттілік',
      row: 'Әкімдік',
    },
  ],
  [
    'ru-RU',
    'ru',
    {
      grid: 'Каналы сотрудничества — Используется',
      repeat: 'Потребности вашей организации',
      need: 'Потребность',
      row: 'Акимат',
    },
  ],
];

test.each(checks)(
  'a %s phone sees a grid charted per column and the entries per respondent of a repeat',
  async (browserLocale, locale, words) => {
    const { page, pageErrors } = await openDashboard(browserLocale as 'kk-KZ' | 'ru-RU');
    const t = CHART_STRINGS[locale];
    const p = PARTS_STRINGS[locale];

    // The grid's "used" column: a chart of its rows in the reader's language, n as the summary publishes it.
    const grid = await drawnCard(page, 'channels_grid/used', words.grid!, `grid-column-${locale}-390`);
    const channels = await question('channels_grid');
    if (channels.answered.suppressed || channels.asked.suppressed) throw new Error('channels_grid withheld');
    await grid
      .getByText(t.answered(t.number(channels.answered.count), t.number(channels.asked.count)), {
        exact: true,
      })
      .waitFor();
    // The numbers behind it, as a table with the rows' names: the akimat row's used or not, five each.
    await grid.getByText(t.table).click();
    await grid.getByRole('cell', { name: words.row, exact: true }).first().waitFor();
    expect(await grid.getByRole('img').getAttribute('aria-label')).toContain(words.grid);

    // The dynamic matrix's rows per respondent: 1, 2 and 3 rows, five respondents each.
    const entries = await drawnCard(
      page,
      'needs_table/entries',
      `${words.repeat} — ${p.entriesPerRespondent}`,
      `repeat-entries-${locale}-390`,
    );
    await entries.getByText(p.askedLine(t.number(15), t.number(30)), { exact: true }).waitFor();
    const needs = await question('needs_table');
    expect(needs.repeat!.perRespondent.slice(1, 4).map((b) => b.respondents)).toEqual([
      { count: 5, percent: 33.3 },
      { count: 5, percent: 33.3 },
      { count: 5, percent: 33.3 },
    ]);

    // A field of the repeat over its entries, the respondents beside, in the reader's words.
    const need = await drawnCard(
      page,
      'needs_table/need',
      `${words.repeat} — ${words.need}`,
      `repeat-field-${locale}-390`,
    );
    await need.getByText(p.entriesLine(t.number(30), t.number(15)), { exact: true }).waitFor();
    await need.getByText(p.fieldNote).waitFor();

    // Nothing on the phone runs past its 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(pageErrors).toEqual([]);
  },
);
