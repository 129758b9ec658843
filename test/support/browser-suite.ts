// What every browser test file sets up the same way: Chromium and (usually) the real server started once per file,
// each test's contexts closed after it (with screenshots when it failed), and everything shut down at the end.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { closeContext, launchChromium, openPage, phoneContext } from './browser';
import { startServer, type TestServer } from './server';

type ServerOptions = NonNullable<Parameters<typeof startServer>[0]>;

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught script errors of the page: a test expects none. */
  pageErrors: string[];
}

export interface BrowserSuite {
  readonly browser: Browser;
  /** The suite's server; a suite started without one throws here (its tests start their own). */
  readonly server: TestServer;
  /** A page in a new context, which is closed after the test. */
  open(options: BrowserContextOptions): Promise<OpenPage>;
  /** A page on a phone the size of an iPhone 12–14, speaking `locale` (e.g. 'kk-KZ'). */
  phone(locale: string): Promise<OpenPage>;
  /** A page on a 1280×800 laptop speaking `locale`. */
  laptop(locale: string, options?: BrowserContextOptions): Promise<OpenPage>;
  /** A laptop signed in through the API (the sign-in form has tests of its own), at `path`. */
  signedIn(account: { email: string; password: string }, path: string, locale: string): Promise<OpenPage>;
}

/**
 * Registers the file's beforeAll/afterEach/afterAll. `server` is its start options, or a function that prepares a
 * data folder (demo responses) and returns them; without it, no server. A data folder named there is removed at
 * the end like one the server made. `setup` adds users, briefings or responses once the server is up.
 */
export function browserSuite(
  options: {
    server?: ServerOptions | (() => ServerOptions | Promise<ServerOptions>);
    setup?: (server: TestServer) => unknown;
    /** beforeAll's limit, for files that generate demo data first. */
    timeout?: number;
  } = {},
): BrowserSuite {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let dataDir: string | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const serverOptions = typeof options.server === 'function' ? await options.server() : options.server;
    dataDir = serverOptions?.dataDir;
    [server, browser] = await Promise.all([
      serverOptions ? startServer(serverOptions) : undefined,
      launchChromium(),
    ]);
    if (server) await options.setup?.(server);
  }, options.timeout);

  afterEach(async ({ task }) => {
    for (const context of contexts.splice(0)) await closeContext(context, task);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const opened = async (context: BrowserContext): Promise<OpenPage> => {
    contexts.push(context);
    return { context, ...(await openPage(context)) };
  };

  const suite: BrowserSuite = {
    get browser() {
      if (!browser) throw new Error('browserSuite: Chromium is not started yet (use it inside a test)');
      return browser;
    },
    get server() {
      if (!server) throw new Error('browserSuite: this file starts no shared server');
      return server;
    },
    open: async (contextOptions) => opened(await suite.browser.newContext(contextOptions)),
    phone: async (locale) => opened(await phoneContext(suite.browser, locale)),
    laptop: (locale, more) => suite.open({ viewport: { width: 1280, height: 800 }, locale, ...more }),
    async signedIn(account, path, locale) {
      const page = await suite.laptop(locale);
      const url = suite.server.url;
      const res = await page.context.request.post(`${url}/api/session`, {
        data: { email: account.email, password: account.password },
        headers: { origin: url },
      });
      expect(res.status()).toBe(204);
      await page.page.goto(`${url}${path}`);
      return page;
    },
  };
  return suite;
}
