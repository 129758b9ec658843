// A Roadmap author's morning, in Kazakh on a laptop, over 1,000 demo responses: the dashboard shows Kazakh chart
// titles with n, switching the region changes the numbers and the address, a chart downloads as a PNG and its
// numbers as a CSV; the region comparison lists all 20 regions as table rows and as map tiles.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { SummaryBody } from '../../exports/aggregates/types';
import { CHART_STRINGS } from '../../client/charts/strings';
import { DASHBOARD_STRINGS } from '../../client/workspace/dashboard/strings';
import { REGIONS_STRINGS } from '../../client/workspace/regions/strings';
import { PRIVACY_STRINGS } from '../../client/workspace/privacy/privacy-strings';
import { screenshot } from '../support/browser';
import { createUser, fetchAs, signIn } from '../support/auth';
import { browserSuite } from '../support/browser-suite';
import { demoDataDir } from '../support/demo-data';
import { parseCsv } from '../support/export-download';
import { REPO_SURVEYS } from '../support/server';

const AUTHOR = { email: 'author@example.kz', password: 'Roadmap-2024-2027' };
const ROLE_TITLE_KK = 'Төмендегілердің қайсысы сіздің негізгі рөліңізді дәлірек сипаттайды?';

let cookie: string;

const suite = browserSuite({
  server: () => ({ dataDir: demoDataDir(1000, 3), surveysDir: REPO_SURVEYS }),
  setup: async (server) => {
    await createUser(server.store, { ...AUTHOR, role: 'author' });
    cookie = await signIn(server.url, AUTHOR.email, AUTHOR.password);
  },
  timeout: 150_000,
});

/** What the summary API says for a filter: the numbers the page must show. */
async function summary(query: string): Promise<SummaryBody> {
  const res = await fetchAs(suite.server.url, cookie, `/api/surveys/roadmap-needs/summary${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as SummaryBody;
}

/** "1 000" as the Kazakh page writes it (a no-break space between thousands). */
const kkNumber = (n: number) => CHART_STRINGS.kk.number(n);

function roleLine(body: SummaryBody): string {
  const role = body.questions.find((q) => q.name === 'role');
  if (!role || role.answered.suppressed || role.asked.suppressed)
    throw new Error('role is suppressed in the demo data');
  return CHART_STRINGS.kk.answered(kkNumber(role.answered.count), kkNumber(role.asked.count));
}

/** Our English words (charts, dashboard, comparison) that Kazakh says otherwise, if any is on the page. */
async function englishLeft(page: Page): Promise<string[]> {
  const words = (strings: object): string[] =>
    Object.values(strings).flatMap((v: unknown) =>
      typeof v === 'string' ? [v] : typeof v === 'object' && v ? words(v) : [],
    );
  const kk = new Set([
    ...words(CHART_STRINGS.kk),
    ...words(DASHBOARD_STRINGS.kk),
    ...words(REGIONS_STRINGS.kk),
  ]);
  const en = [
    ...words(CHART_STRINGS.en),
    ...words(DASHBOARD_STRINGS.en),
    ...words(REGIONS_STRINGS.en),
  ].filter((w) => w.length > 2 && !kk.has(w));
  const text = await page.locator('main').innerText();
  return en.filter((w) => text.includes(w));
}

test('opens the dashboard in Kazakh, switches region, downloads a PNG and a CSV, and compares all 20 regions', async () => {
  const { page, pageErrors } = await suite.laptop('kk-KZ', { acceptDownloads: true });
  await page.goto(`${suite.server.url}/workspace/dashboard`);
  await page.getByLabel('Электрондық пошта').fill(AUTHOR.email);
  await page.getByLabel('Құпиясөз').fill(AUTHOR.password);
  await page.getByRole('button', { name: 'Кіру' }).click();

  // The signed-in address is kept: the dashboard opens, in Kazakh, on the survey chosen in the picker.
  await page.getByRole('heading', { name: 'Сауалнама нәтижелері' }).waitFor();
  await page.getByLabel('Сауалнама', { exact: true }).selectOption('roadmap-needs');
  await expect.poll(() => new URL(page.url()).searchParams.get('survey')).toBe('roadmap-needs');
  const all = await summary('');
  const role = page.locator('article[data-question="role"]');
  await role.getByRole('heading', { name: ROLE_TITLE_KK }).waitFor();
  await role.getByText(roleLine(all), { exact: true }).waitFor();
  // An author's numbers are perturbed (cell key method): the page shows what the API publishes, within ±2 of 1,000.
  if (all.responses.suppressed) throw new Error('the demo total is withheld');
  expect(Math.abs(all.responses.count - 1000)).toBeLessThanOrEqual(2);
  await expect.poll(() => page.getByTestId('responses').innerText()).toBe(kkNumber(all.responses.count));
  await page.getByText(DASHBOARD_STRINGS.kk.suppression(5)).waitFor();
  // An author's numbers are perturbed: the page says so in Kazakh, and unfolds how small groups are protected.
  const note = page.getByTestId('privacy-note');
  await note.getByText(PRIVACY_STRINGS.kk.perturbed).waitFor();
  await note.getByText(PRIVACY_STRINGS.kk.how).click();
  await note.getByText(PRIVACY_STRINGS.kk.details(5)[1]!).waitFor();
  await screenshot(page, 'privacy-note-dashboard-kk-1280');
  // The survey's own parts head the charts, in Kazakh.
  for (const part of ['Өзіңіз туралы', 'Үздік тәжірибелер', 'Ынтымақтастық арналары'])
    await page.getByRole('heading', { name: part, level: 2 }).waitFor();
  expect(await page.locator('article[data-question] canvas').count()).toBeGreaterThan(20);

  // One region: the address carries it, and the totals and the chart's n become that region's.
  await page.getByLabel('Өңір', { exact: true }).selectOption('KZ-75');
  await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('KZ-75');
  const almaty = await summary('?region=KZ-75');
  expect(almaty.responses.suppressed).toBeUndefined();
  const almatyCount = almaty.responses.suppressed ? 0 : almaty.responses.count;
  expect(almatyCount).toBeLessThan(1000);
  await expect.poll(() => page.getByTestId('responses').innerText()).toBe(kkNumber(almatyCount));
  await role.getByText(roleLine(almaty), { exact: true }).waitFor();
  // A reload of the shared address shows the same view.
  await page.reload();
  await role.getByText(roleLine(almaty), { exact: true }).waitFor();
  expect(await page.getByLabel('Өңір', { exact: true }).inputValue()).toBe('KZ-75');

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    role.getByRole('button', { name: 'Сурет (PNG)' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('roadmap-needs_role_KZ-75.png');
  const image = await readFile(await png.path());
  expect([...image.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(image.length).toBeGreaterThan(1024);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    role.getByRole('button', { name: 'Сандар (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe('roadmap-needs_role_KZ-75.csv');
  const bytes = await readFile(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('\r\n');
  const table = parseCsv(bytes);
  expect(table.header.slice(0, 4)).toEqual(['Сұрақ', 'Жауап', 'Код', 'Саны']);
  const volunteers = table.rows.find((r) => r['Код'] === 'volunteer');
  const roleAggregate = almaty.questions.find((q) => q.name === 'role');
  const expected =
    roleAggregate?.kind === 'choice'
      ? roleAggregate.choices.find((c) => c.code === 'volunteer')?.result
      : undefined;
  expect(volunteers).toMatchObject({
    Жауап: 'Ерікті',
    Саны: expected && !expected.suppressed ? String(expected.count) : '< 5',
  });
  expect(await englishLeft(page)).toEqual([]);

  // The region comparison: every region a row and a tile, whatever the dashboard's region filter was. Its link
  // names no survey, so it opens on the one with responses (briefing-feedback, first by id, has none).
  await page.getByRole('link', { name: 'Өңірлерді салыстыру' }).click();
  await page.getByRole('heading', { name: 'Өңірлерді салыстыру', level: 1 }).waitFor();
  await expect.poll(() => page.getByLabel('Сауалнама', { exact: true }).inputValue()).toBe('roadmap-needs');
  await expect.poll(() => page.locator('.heat-table tbody tr').count()).toBe(20);
  expect(await page.locator('.tiles .tile').count()).toBe(20);
  await page.locator('.tile[data-region="KZ-59"]').getByText('Солтүстік Қазақстан').waitFor();
  // Sorting by name puts the regions in Kazakh alphabetical order, and the address keeps it.
  // Exact: the needs assessment's columns include «Өңірлік Фронт-офисті күшейту».
  await page.locator('.heat-table thead').getByRole('button', { name: 'Өңір', exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name');
  const names = await page.locator('.heat-table tbody th').allInnerTexts();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'kk')));
  expect(await englishLeft(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('tells an author on a phone, in Russian, that the numbers are perturbed and why', async () => {
  const { page, pageErrors } = await suite.phone('ru-RU');
  await page.goto(`${suite.server.url}/workspace/dashboard?survey=roadmap-needs`);
  await page.getByLabel('Электронная почта').fill(AUTHOR.email);
  await page.getByLabel('Пароль').fill(AUTHOR.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  const note = page.getByTestId('privacy-note');
  await note.getByText(PRIVACY_STRINGS.ru.perturbed).waitFor();
  await note.getByText(PRIVACY_STRINGS.ru.how).click();
  await note.getByText(PRIVACY_STRINGS.ru.details(5)[2]!).waitFor();
  await note.scrollIntoViewIfNeeded();
  // The screen as the phone shows it (a full page of charts takes too long to capture on a busy machine).
  await note.screenshot({ path: 'test-results/privacy-note-dashboard-ru-390.png' });
  expect(pageErrors).toEqual([]);
});

// Issue 13 point 12 (29 charts drawn at once held the page for seconds): the charts near the screen are drawn, the
// ones further down wait until the reader scrolls to them, and the page answers a click meanwhile.
test('the Kazakh dashboard draws the charts on screen first and the rest as the reader scrolls to them', async () => {
  const { page, pageErrors } = await suite.laptop('kk-KZ');
  await page.goto(`${suite.server.url}/workspace/dashboard?survey=roadmap-needs`);
  await page.getByLabel('Электрондық пошта').fill(AUTHOR.email);
  await page.getByLabel('Құпиясөз').fill(AUTHOR.password);
  await page.getByRole('button', { name: 'Кіру' }).click();
  const canvases = page.locator('.chart-canvas');
  await canvases.first().and(page.locator('[data-drawn="true"]')).waitFor();
  const total = await canvases.count();
  expect(total).toBeGreaterThan(20);
  const drawn = () => page.locator('.chart-canvas[data-drawn="true"]').count();
  // Waiting for the first screen to settle: every canvas within a screen of the window is drawn.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.chart-canvas')]
          .filter((e) => e.getBoundingClientRect().top < 2 * innerHeight)
          .every((e) => e.dataset.drawn === 'true'),
      ),
    )
    .toBe(true);
  const first = await drawn();
  expect(first).toBeLessThan(total);
  // The last card is not drawn until it is reached; then it is.
  const last = canvases.last();
  expect(await last.getAttribute('data-drawn')).not.toBe('true');
  await last.scrollIntoViewIfNeeded();
  await expect.poll(() => last.getAttribute('data-drawn')).toBe('true');
  expect(await drawn()).toBeGreaterThan(first);
  expect(pageErrors).toEqual([]);
});
