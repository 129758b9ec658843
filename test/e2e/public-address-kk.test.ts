// The hall's address, as a Kazakh-speaking admin sees it: on a server listening on 127.0.0.1 without PUBLIC_URL,
// the briefings pages, the poster (printed, in Kazakh and Russian) and the live screen warn that phones cannot
// open the links; with PUBLIC_URL set, the link, the poster's short link and the live screen's link use it and
// nothing warns. Poster screenshots go to docs/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { createUser } from '../support/auth';
import { browserSuite } from '../support/browser-suite';
import { FIXTURE_SURVEYS, startServer, type TestServer } from '../support/server';

const DOCS = resolve(import.meta.dirname, '../../docs');
const ADMIN = { email: 'organiser@example.kz', password: 'Birgemiz-2024-jyl' };
const PUBLIC_URL = 'https://saualnama.example.kz';
const BRIEFING = {
  slug: 'semey-2023',
  surveyId: 'example',
  region: 'KZ-10',
  city: 'Semey',
  cityNames: { kk: 'Семей', ru: 'Семей', en: 'Semey' },
  date: '2023-09-15',
  title: { kk: 'Семейдегі брифинг', ru: 'Брифинг в Семее', en: 'Briefing in Semey' },
};
const WARNING_KK = 'Жария мекенжай орнатылмаған';
const WARNING_RU = 'Публичный адрес не задан';

const prepare = async (server: TestServer) => {
  await createUser(server.store, { ...ADMIN, role: 'admin' });
  await server.store.addBriefing(BRIEFING, new Date().toISOString());
};

const suite = browserSuite({ server: { surveysDir: FIXTURE_SURVEYS }, setup: prepare });
let proxied: TestServer | undefined;
afterAll(() => proxied?.close());

/** A Kazakh laptop signed in to `server` (the workspace remembers its language as a returning admin's would). */
async function kazakhAdmin(server: TestServer): Promise<{ context: BrowserContext }> {
  const opened = await suite.laptop('kk-KZ');
  const res = await opened.context.request.post(`${server.url}/api/session`, {
    data: ADMIN,
    // With PUBLIC_URL set, signed-in requests must come from it (the CSRF check), as through the proxy.
    headers: { origin: server === proxied ? PUBLIC_URL : server.url },
  });
  expect(res.status()).toBe(204);
  await opened.context.addInitScript(() => localStorage.setItem('saualnama.locale', 'kk'));
  return opened;
}

test('without PUBLIC_URL on 127.0.0.1 the briefings list, the briefing, the poster and the live screen say phones cannot open the link', async () => {
  const { context } = await kazakhAdmin(suite.server);
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/workspace/briefings`);
  const alert = page.getByRole('alert').filter({ hasText: WARNING_KK });
  await alert.waitFor();
  expect(await alert.innerText()).toContain('PUBLIC_URL');
  expect(await alert.innerText()).toContain(new URL(suite.server.url).origin);

  await page.goto(`${suite.server.url}/workspace/briefings/${BRIEFING.slug}`);
  await page.getByRole('alert').filter({ hasText: WARNING_KK }).waitFor();

  await page.goto(`${suite.server.url}/workspace/briefings/${BRIEFING.slug}/poster`);
  const poster = page.locator('article.poster');
  await poster.getByText(WARNING_KK).waitFor();
  await poster.getByText(WARNING_RU).waitFor();
  await page.emulateMedia({ media: 'print' });
  expect(await poster.getByText(WARNING_KK).isVisible(), 'the warning is printed on the poster').toBe(true);
  mkdirSync(DOCS, { recursive: true });
  await poster.screenshot({ path: `${DOCS}/poster-kk-without-public-url.png` });

  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${suite.server.url}/b/${BRIEFING.slug}/live`);
  await page.getByRole('alert').filter({ hasText: WARNING_KK }).waitFor();
});

test('with PUBLIC_URL the link, the poster and the live screen use it, and nothing warns', async () => {
  proxied = await startServer({ surveysDir: FIXTURE_SURVEYS, config: { publicUrl: PUBLIC_URL } });
  await prepare(proxied);
  const { context } = await kazakhAdmin(proxied);
  const page = await context.newPage();
  await page.goto(`${proxied.url}/workspace/briefings/${BRIEFING.slug}`);
  await expect.poll(() => page.getByTestId('briefing-link').innerText()).toBe(`${PUBLIC_URL}/b/semey-2023`);
  const address = await (await context.request.get(`${proxied.url}/api/public-address`)).json();
  expect(address).toMatchObject({ origin: PUBLIC_URL, fromPublicUrl: true, warning: false });
  expect(await page.getByText(WARNING_KK).count()).toBe(0);

  await page.goto(`${proxied.url}/workspace/briefings/${BRIEFING.slug}/poster`);
  const poster = page.locator('article.poster');
  await poster.getByText('saualnama.example.kz/b/semey-2023').waitFor();
  expect(await poster.getByText(WARNING_KK).count()).toBe(0);
  await page.emulateMedia({ media: 'print' });
  await poster.screenshot({ path: `${DOCS}/poster-kk.png` });

  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${proxied.url}/b/${BRIEFING.slug}/live`);
  await page.locator('.live-link').getByText('saualnama.example.kz/b/semey-2023').waitFor();
  expect(await page.getByText(WARNING_KK).count()).toBe(0);
});
