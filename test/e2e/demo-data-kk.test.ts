// An admin working in Kazakh finds demo answers mixed with the real ones: every workspace page says so in a banner,
// the coverage counts include them; the admin removes them with the banner's button, and the counts return to the
// real ones (60) while the banner goes away. An analyst sees the banner but no button.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { boot } from '../../server/boot';
import { demoPlan, demoResponse } from '../../server/cli/demo/generate';
import { COVERAGE_STRINGS } from '../../client/workspace/coverage/strings';
import { DEMO_STRINGS } from '../../client/workspace/demo/strings';
import { createUser } from '../support/auth';
import { RESULTS_DIR, screenshot } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { makeTempDir, REPO_SURVEYS } from '../support/server';
import { collect } from '../support/collect';

const ADMIN = { email: 'akimshi@example.kz', password: 'Semey-briefing-2023' };
const ANALYST = { email: 'talday@example.kz', password: 'Semey-briefing-2023' };
const REAL = 60;
const DEMO = 300;
const kk = DEMO_STRINGS.kk;

const suite = browserSuite({
  timeout: 120_000,
  server: async () => {
    const dataDir = makeTempDir();
    const { store, catalog } = await boot({ dataDir, surveysDir: REPO_SURVEYS });
    const plan = demoPlan(catalog.getSurvey('roadmap-needs')!);
    const real = Array.from({ length: REAL }, (_, i) => ({
      ...demoResponse(plan, 4242, i).response,
      briefing: null,
    }));
    expect((await store.insertResponses(real)).every((o) => o.status === 'created')).toBe(true);
    await createUser(store, { ...ADMIN, role: 'admin' });
    await createUser(store, { ...ANALYST, role: 'analyst' });
    await store.close();
    const { SURVEYS_DIR: _ignored, ...env } = process.env;
    const demo = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli/main.ts', 'demo', '--responses', String(DEMO)],
      { cwd: resolve(import.meta.dirname, '../..'), env: { ...env, DATA_DIR: dataDir }, encoding: 'utf8' },
    );
    expect(demo.status, demo.stderr).toBe(0);
    return { dataDir, surveysDir: REPO_SURVEYS };
  },
});

const total = (page: import('playwright-core').Page) =>
  page
    .locator('.coverage-totals div', { has: page.getByText(COVERAGE_STRINGS.kk.total, { exact: true }) })
    .locator('dd')
    .innerText();

test('the demo banner shows while demo answers are in, and its button brings the counts back to the real ones', async () => {
  const briefings = (await suite.server.store.countDemoData()).briefings;
  expect(briefings).toBeGreaterThan(0);

  const analyst = await suite.signedIn(ANALYST, '/workspace/coverage?survey=roadmap-needs', 'kk-KZ');
  const analystBanner = analyst.page.getByRole('region', { name: kk.remove });
  await analystBanner.getByText(kk.present(String(DEMO), String(briefings))).waitFor();
  expect(await analystBanner.getByRole('button').count()).toBe(0);

  const { page, pageErrors } = await suite.signedIn(
    ADMIN,
    '/workspace/coverage?survey=roadmap-needs',
    'kk-KZ',
  );
  const banner = page.getByRole('region', { name: kk.remove });
  await banner.getByText(kk.present(String(DEMO), String(briefings))).waitFor();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('.coverage-totals').waitFor();
  expect(await total(page)).toBe(String(REAL + DEMO));
  await screenshot(page, 'demo-banner-kk');
  // The top of the page alone, as the README shows it (the full page is a long briefing list).
  await page.screenshot({
    path: `${RESULTS_DIR}/demo-banner-kk-top.png`,
    clip: { x: 0, y: 0, width: 1280, height: 560 },
  });

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe(kk.confirm);
    void dialog.accept();
  });
  await banner.getByRole('button', { name: kk.remove }).click();
  await page.getByText(kk.removed(String(DEMO), String(briefings))).waitFor();

  const demoCount = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/demo-data');
  await page.reload();
  await page.locator('.coverage-totals').waitFor();
  expect(await total(page)).toBe(String(REAL));
  // What the banner reads after the reload: nothing left to announce, so it is not drawn.
  expect(await (await demoCount).json()).toEqual({ responses: 0, briefings: 0 });
  expect(await page.getByRole('region', { name: kk.remove }).count()).toBe(0);
  expect(await suite.server.store.countDemoData()).toEqual({ responses: 0, briefings: 0 });
  expect(await collect(suite.server.store.iterateAudit({ action: 'demo-removed' }))).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});
