// Prints the Roadmap brief: 1,000 demo responses, an admin opens /workspace/brief?region=KZ-10 in Kazakh in Chromium,
// the page shows Abai's figures under the Kazakh headings (cooperation as the other roles and as akimat staff see it),
// the workspace's bars drop out in print, and page.pdf gives an A4 PDF with one page per topic. The PDF is kept in
// test-results/ for a person to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { countText } from '../../client/workspace/coverage/format';
import { BRIEF_STRINGS } from '../../client/workspace/brief/strings';
import type { MatrixAggregate, SummaryBody } from '../../exports/aggregates/types';
import { runDemo } from '../../server/cli/demo/run';
import { boot } from '../../server/boot';
import { createUser, fetchAs, signIn } from '../support/auth';
import { RESULTS_DIR } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeTempDir, REPO_SURVEYS } from '../support/server';

const ADMIN = { email: 'brief-admin@example.kz', password: 'Roadmap-brief-2024', role: 'admin' as const };
const SURVEY = 'roadmap-needs';

let cookie: string;

const suite = browserSuite({
  server: async () => {
    // The demo generator writes validated responses and its briefings straight into the data folder, as the CLI does.
    const dataDir = makeTempDir();
    const demo = await boot({ dataDir, surveysDir: REPO_SURVEYS });
    try {
      await runDemo({
        ...demo,
        surveysDir: REPO_SURVEYS,
        surveyId: SURVEY,
        count: 1000,
        seed: 11,
        workers: 0,
      });
    } finally {
      await demo.store.close();
    }
    return { surveysDir: REPO_SURVEYS, dataDir };
  },
  setup: async (server) => {
    await createUser(server.store, ADMIN);
    cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
  },
});

async function api<T>(path: string): Promise<T> {
  const res = await fetchAs(suite.server.url, cookie, path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** The brief's own English words where Kazakh says something else (question labels come from the survey). */
const ENGLISH = Object.entries(BRIEF_STRINGS.en)
  .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  .filter(([key, text]) => BRIEF_STRINGS.kk[key as keyof typeof BRIEF_STRINGS.kk] !== text)
  .map(([, text]) => text);

test('the brief for Abai prints in Kazakh to an A4 PDF, one topic per page, without the workspace bars', async () => {
  const t = BRIEF_STRINGS.kk;
  const coverage = await api<{ responses: { count?: number } }>(
    `/api/surveys/${SURVEY}/coverage?region=KZ-10`,
  );
  const texts = await api<{ answers: { text: string }[] }>(
    `/api/surveys/${SURVEY}/text/roadmap_proposals?region=KZ-10&pageSize=200`,
  );
  // 1,000 demo responses put a few dozen in Abai: enough to show, few enough that small cells are hidden.
  expect(coverage.responses.count).toBeGreaterThanOrEqual(5);

  const { page, pageErrors } = await suite.signedIn(ADMIN, `/workspace/brief?region=KZ-10`, 'kk-KZ');
  const brief = page.locator('article.brief[data-ready="true"]');
  await brief.waitFor();

  const shown = await brief.innerText();
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`${t.title}: Абай облысы`);
  for (const heading of [t.coverage, t.needs, t.practices, t.cooperation, t.priorities, t.proposals])
    await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
  for (const caption of [t.severity, t.ranking, t.practicesUsed, t.cooperationRated, t.vectors, t.top3])
    expect(shown).toContain(caption);
  // The total is the coverage API's, and small cells say "< 5" rather than a count.
  const total = await page.locator('.brief-meta div', { hasText: t.responses }).locator('dd').innerText();
  expect(total).toBe(String(coverage.responses.count));
  expect(shown).toContain('< 5');
  expect(ENGLISH.filter((text) => shown.includes(text))).toEqual([]);

  // Cooperation: the other roles' table, then akimat staff's own (v3), each partner under its Kazakh label.
  const summary = await api<SummaryBody>(`/api/surveys/${SURVEY}/summary?region=KZ-10`);
  const matrix = (name: string) =>
    summary.questions.find((q): q is MatrixAggregate => q.name === name && q.kind === 'matrix');
  const others = matrix('cooperation_quality');
  const byAkimat = matrix('cooperation_quality_by_akimat');
  // Demo akimat staff answered v3 in Abai: a hidden count would still stand for some of them.
  const answered = byAkimat?.answered;
  expect(answered && (answered.suppressed === true || answered.count > 0)).toBe(true);
  const partners = async (caption: string) =>
    (
      await page
        .locator('table', { has: page.locator('caption', { hasText: caption }) })
        .locator('tbody th[scope="row"]')
        .allInnerTexts()
    ).sort();
  expect(await partners(t.cooperationRated)).toEqual(others!.rows.map((r) => r.label.kk).sort());
  expect(await partners(t.cooperationByAkimat)).toEqual(byAkimat!.rows.map((r) => r.label.kk).sort());
  expect(shown.indexOf(t.cooperationRated)).toBeLessThan(shown.indexOf(t.cooperationByAkimat));
  // All versions are chosen, and v1 and v2 asked akimat staff the shared question too: the note says so.
  const akimatToo = others!.versions.filter((v) => !byAkimat!.versions.includes(v));
  expect(akimatToo).toEqual([1, 2]);
  expect(shown).toContain(t.akimatToo(akimatToo.length, akimatToo.join(', ')));
  // Each matrix row shows its own n, the base of its shares (issue 13: a row asked only from v2 rests on fewer
  // answers than the question's total under the table).
  for (const [caption, name] of [
    [t.severity, 'problems_severity'],
    [t.vectors, 'roadmap_vectors'],
    [t.cooperationRated, 'cooperation_quality'],
  ] as const) {
    const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
    const heads = await table.locator('thead th').allInnerTexts();
    expect(heads[1], caption).toBe(t.rowN);
    const shownN = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) => [...(tr as HTMLTableRowElement).cells].slice(0, 2).map((c) => c.textContent)),
      );
    const expected = matrix(name)!.rows.map((r) => [r.label.kk, countText(r.answered, 5, 'kk')]);
    expect(shownN.sort(), caption).toEqual(expected.sort());
  }
  expect(shown).toContain(t.rowNNote);

  mkdirSync(RESULTS_DIR, { recursive: true });
  await page
    .locator('section[aria-labelledby="brief-cooperation"]')
    .screenshot({ path: join(RESULTS_DIR, 'brief-cooperation-KZ-10-kk.png') });

  // The quoted proposals are Abai's answers as written (a long one cut at a word, marked "…").
  const quotes = await page.locator('.brief-proposals blockquote').allInnerTexts();
  expect(quotes.length).toBeGreaterThan(0);
  expect(quotes.length).toBeLessThanOrEqual(8);
  const written = texts.answers.map((a) => a.text.replace(/\s+/g, ' ').trim());
  for (const quote of quotes)
    expect(
      written.some((text) => text === quote || (quote.endsWith('…') && text.startsWith(quote.slice(0, -1)))),
      quote,
    ).toBe(true);

  // On paper: no top bar, no navigation, no filters or print button; the brief itself stays.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('nav.sections').isVisible()).toBe(false);
  expect(await page.locator('header.topbar').isVisible()).toBe(false);
  expect(await page.locator('form.view-filters').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: t.print }).isVisible()).toBe(false);
  expect(await brief.isVisible()).toBe(true);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'brief-KZ-10-kk.pdf'), pdf);
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  // Coverage under the title, then each of the five topics from a new page.
  expect(pages).toBeGreaterThanOrEqual(6);
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  expect(boxes.length).toBe(pages);
  // A4 is 210 × 297 mm: 595.3 × 841.9 pt (Chromium rounds to whole device pixels).
  for (const [width, height] of boxes) {
    expect(Math.abs(width! - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(height! - 841.9)).toBeLessThan(1.5);
  }
  expect(pageErrors).toEqual([]);
});
