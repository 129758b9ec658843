// A Kazakh-speaking attendee in a hall without network: the page opens from its service worker, answers wait in
// the IndexedDB outbox and reach SQLite exactly once when the network or the server returns, or by Background
// Sync with the tab closed. Real Chromium and server; rows counted in the SQLite file itself.
import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DATABASE_FILE } from '../../server/boot';
import { openPage, pickFromList, pickRadio, question, waitForQuestion } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { FIXTURE_SURVEYS, makeTempDir, startServer, type TestServer } from '../support/server';

// Each test starts its own server: they stop, kill and restart it.
const suite = browserSuite();

/** Rows per response id in the server's SQLite file, read apart from the server's own connection. */
function storedCounts(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db.prepare('SELECT id, count(*) AS n FROM responses GROUP BY id').all() as {
      id: string;
      n: number;
    }[];
    return new Map(rows.map((row) => [row.id, row.n]));
  } finally {
    db.close();
  }
}

/** Opens the example survey and waits until the service worker controls the page and holds the definition. */
async function openOnce(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/s/example`);
  await waitForQuestion(page, 'region', 'Сіздің өңіріңіз');
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const ready = navigator.serviceWorker.controller !== null;
          return ready && (await caches.match('/api/surveys/example')) !== undefined;
        }),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** Fills the three pages with a region and a role (the rest is optional) and presses Жіберу. */
async function answerAndSend(page: Page, region: string, role: string): Promise<void> {
  await waitForQuestion(page, 'region', 'Сіздің өңіріңіз');
  await pickFromList(question(page, 'region'), region);
  await pickRadio(question(page, 'role'), role);
  await page.getByRole('button', { name: 'Келесі' }).click();
  await waitForQuestion(page, 'top_needs', 'Екі қажеттілікке дейін таңдаңыз');
  await page.getByRole('button', { name: 'Келесі' }).click();
  await waitForQuestion(page, 'consent', 'Сізбен байланысуға бола ма?');
  await page.getByRole('button', { name: 'Жіберу' }).click();
}

/** The unsent-answers file, downloaded through the page's button, parsed. */
async function saveUnsent(page: Page): Promise<{ name: string; file: any }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Жіберілмеген жауаптарымды файлға сақтау' }).first().click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), file: JSON.parse(readFileSync(path, 'utf8')) };
}

describe('the respondent page with no network', () => {
  test('three answers sent offline wait on the phone, survive an offline reload, and arrive once each when online', async () => {
    const server = await startServer({ surveysDir: FIXTURE_SURVEYS });
    try {
      const { context, page, pageErrors } = await suite.phone('kk-KZ');
      await openOnce(page, server.url);
      await context.setOffline(true);
      // Whatever reaches the server while the phone is offline would mean the offline path was not taken.
      const reachedServer: string[] = [];
      server.http.on('request', (req) => reachedServer.push(`${req.method} ${req.url}`));

      const waiting = page.getByRole('status').filter({ hasText: 'Осы телефонда сақталды' });
      for (const [n, [region, role]] of [
        ['Абай облысы', 'Волонтер'],
        ['Павлодар облысы', 'ҮЕҰ қызметкері'],
        ['Абай облысы', 'ҮЕҰ қызметкері'],
      ].entries()) {
        await answerAndSend(page, region!, role!);
        await waiting.filter({ hasText: `Жіберілуін күтіп тұрған жауаптар: ${n + 1}.` }).waitFor();
        if (n < 2) await page.getByRole('button', { name: 'Тағы бір жауап толтыру' }).click();
      }

      const { name, file } = await saveUnsent(page);
      expect(name).toMatch(/^saualnama-unsent-\d{4}-\d{2}-\d{2}\.json$/);
      expect(file).toMatchObject({ format: 'saualnama-unsent', refused: [] });
      const ids: string[] = file.waiting.map((entry: any) => entry.body.id);
      expect(new Set(ids).size).toBe(3);
      expect(file.waiting.map((entry: any) => entry.body.data.region)).toEqual(['KZ-10', 'KZ-55', 'KZ-10']);

      // Still offline: the page comes from the service worker, the form from its cached definition.
      await page.reload();
      await page
        .getByRole('status')
        .filter({ hasText: 'Осы телефонда жіберілуін күтіп тұрған жауаптар: 3.' })
        .waitFor();
      await waitForQuestion(page, 'region', 'Сіздің өңіріңіз');
      expect(storedCounts(server.dataDir).size).toBe(0);
      expect(reachedServer).toEqual([]);

      await context.setOffline(false);
      await page.getByRole('status').filter({ hasText: 'Бұрын толтырылған жауаптар жіберілді ✔' }).waitFor();
      const stored = storedCounts(server.dataDir);
      expect([...stored.keys()].sort()).toEqual([...ids].sort());
      expect([...stored.values()]).toEqual([1, 1, 1]);
      expect(pageErrors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('a server killed mid-send (the answer stored, the reply lost) and restarted: the outbox retries and each answer is stored once', async () => {
    const dataDir = makeTempDir();
    const first = await startServer({ surveysDir: FIXTURE_SURVEYS, dataDir });
    const port = Number(new URL(first.url).port);
    let restarted: TestServer | undefined;
    let killed: Promise<void> | undefined;
    try {
      const { page, pageErrors } = await suite.phone('kk-KZ');
      await openOnce(page, first.url);

      // The server dies after committing the first response and before its 201 leaves: the phone hears nothing.
      first.http.prependListener('request', (req, res) => {
        if (req.method !== 'POST' || killed) return;
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
        res.writeHead = ((...args: unknown[]) => {
          req.socket.destroy();
          killed = first.close();
          return writeHead(...args);
        }) as typeof res.writeHead;
      });
      await answerAndSend(page, 'Абай облысы', 'Волонтер');
      await page.getByRole('status').filter({ hasText: 'Осы телефонда сақталды' }).waitFor();
      await killed;
      expect(storedCounts(dataDir).size).toBe(1);

      // A second answer while the server is down.
      await page.getByRole('button', { name: 'Тағы бір жауап толтыру' }).click();
      await answerAndSend(page, 'Павлодар облысы', 'ҮЕҰ қызметкері');
      await page.getByRole('status').filter({ hasText: 'Жіберілуін күтіп тұрған жауаптар: 2.' }).waitFor();

      // Same port, same data: the outbox finds the server again by itself (no button pressed, no `online` event).
      restarted = await startServer({ surveysDir: FIXTURE_SURVEYS, dataDir, port });
      await page
        .getByRole('status')
        .filter({ hasText: 'Рақмет! Жауабыңыз сақталды.' })
        .waitFor({ timeout: 45_000 });
      await page.getByRole('status').filter({ hasText: 'Бұрын толтырылған жауаптар жіберілді ✔' }).waitFor();

      const stored = storedCounts(dataDir);
      expect(stored.size).toBe(2);
      expect([...stored.values()]).toEqual([1, 1]);
      expect(pageErrors).toEqual([]);
    } finally {
      await (killed ?? first.close());
      await restarted?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('with the tab closed, Background Sync sends the waiting answer when the network returns, once', async () => {
    const server = await startServer({ surveysDir: FIXTURE_SURVEYS });
    try {
      const { context, page } = await suite.phone('kk-KZ');
      await openOnce(page, server.url);
      await context.setOffline(true);
      await answerAndSend(page, 'Абай облысы', 'Волонтер');
      await page.getByRole('status').filter({ hasText: 'Осы телефонда сақталды' }).waitFor();
      await page.close();
      expect(storedCounts(server.dataDir).size).toBe(0);

      // No page is open now: only the service worker can send it. Chromium fires the sync by itself when the
      // network returns, mostly; the DevTools protocol makes sure it does within the test's time.
      const devtools = await context.newCDPSession(await context.newPage());
      const registrations: { registrationId: string; isDeleted: boolean }[] = [];
      devtools.on('ServiceWorker.workerRegistrationUpdated', (event) =>
        registrations.push(...event.registrations),
      );
      await devtools.send('ServiceWorker.enable');
      await context.setOffline(false);

      await expect.poll(() => registrations.some((r) => !r.isDeleted), { timeout: 10_000 }).toBe(true);
      const { registrationId } = registrations.find((r) => !r.isDeleted)!;
      await devtools.send('ServiceWorker.dispatchSyncEvent', {
        origin: server.url,
        registrationId,
        tag: 'saualnama-outbox',
        lastChance: false,
      });
      await expect.poll(() => storedCounts(server.dataDir).size, { timeout: 10_000 }).toBe(1);
      expect([...storedCounts(server.dataDir).values()]).toEqual([1]);

      // The next visit finds nothing left to send.
      const { page: again, pageErrors } = await openPage(context);
      await again.goto(`${server.url}/s/example`);
      await waitForQuestion(again, 'region', 'Сіздің өңіріңіз');
      expect(await again.getByText('күтіп тұрған жауаптар').count()).toBe(0);
      expect([...storedCounts(server.dataDir).values()]).toEqual([1]);
      expect(pageErrors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
