// Security headers on every kind of reply (a page, an API reply, a problem, the ingest fast path, a parser-level
// refusal) with a Content-Security-Policy that allows no other origin; PUBLIC_URL (CSRF origin, Secure cookie, HSTS)
// and TRUST_PROXY (client addresses and scheme from the proxy, and only from it; the same rule as Express's req.ip).
import express from 'express';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, trustProxyHops } from '../../server/http/client-address';
import { envelope, postResponse } from '../support/answers';
import { createUser } from '../support/auth';
import { makeTempDir, startServer, type TestServer } from '../support/server';
import { collect } from '../support/collect';

const PASSWORD = 'Birgemiz-2024-jyl';
const PUBLIC = 'https://saualnama.example.kz';
const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
const start = async (...args: Parameters<typeof startServer>) => {
  const s = await startServer(...args);
  servers.push(s);
  return s;
};

/** Every directive's sources must be this origin, nothing, inline styles or data: URIs; no host, scheme or wildcard. */
function expectNoOutsideOrigin(csp: string | null) {
  expect(csp).toBeTruthy();
  const directives = new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
  for (const name of [
    'default-src',
    'script-src',
    'connect-src',
    'img-src',
    'style-src',
    'font-src',
    'object-src',
    'frame-ancestors',
    'base-uri',
    'form-action',
  ])
    expect(directives.has(name), name).toBe(true);
  for (const [name, sources] of directives)
    for (const source of sources)
      expect(["'self'", "'none'", "'unsafe-inline'", 'data:'], `${name} ${source}`).toContain(source);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
}

function expectSecurityHeaders(headers: Headers, label: string) {
  expectNoOutsideOrigin(headers.get('content-security-policy'));
  expect(headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(headers.get('referrer-policy'), label).toBe('no-referrer');
  expect(headers.get('x-frame-options'), label).toBe('DENY');
  expect(headers.get('cross-origin-opener-policy'), label).toBe('same-origin');
}

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A built client of one page each, so that the page route serves HTML whether or not `npm run build` ran.
    const clientDir = makeTempDir('saualnama-client-');
    for (const entry of ['respond', 'workspace']) {
      mkdirSync(join(clientDir, entry));
      writeFileSync(join(clientDir, entry, 'index.html'), '<!doctype html><title>t</title>');
    }
    server = await start({ config: { clientDir } });
  });

  it('come with a page, an API reply, a problem, both ingest answers, and a refusal of the HTTP parser', async () => {
    const page = await fetch(`${server.url}/s/example`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(page.headers, 'page');
    expectSecurityHeaders((await fetch(`${server.url}/api/surveys`)).headers, 'api');
    const problem = await fetch(`${server.url}/api/surveys/nope`);
    expect(problem.status).toBe(404);
    expectSecurityHeaders(problem.headers, 'problem');
    const stored = await postResponse(server.url, envelope());
    expect(stored.status).toBe(201);
    expectSecurityHeaders(stored.headers, 'ingest 201');
    const refused = await postResponse(server.url, '{');
    expect(refused.status).toBe(400);
    expectSecurityHeaders(refused.headers, 'ingest 400');
    // Plain http without PUBLIC_URL: no HSTS, which would pin the name to https.
    expect(stored.headers.get('strict-transport-security')).toBeNull();
    const huge = await new Promise<{ status: number; csp: unknown }>((ok) => {
      const req = request(
        `${server.url}/api/surveys`,
        { headers: { 'x-filler': 'x'.repeat(20_000) } },
        (res) => ok({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] }),
      );
      req.end();
    });
    expect(huge.status).toBe(431);
    expectNoOutsideOrigin(String(huge.csp));
  });
});

describe('PUBLIC_URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ config: { publicUrl: PUBLIC } });
    await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  });
  const signInFrom = (origin: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...headers },
      body: JSON.stringify({ email: 'admin@example.kz', password: PASSWORD }),
    });

  it('is the only origin signed-in changes may come from, and an https one makes the cookie Secure and adds HSTS', async () => {
    const res = await signInFrom(PUBLIC);
    expect(res.status).toBe(204);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('saualnama_session='))!;
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const session = cookie.split(';')[0]!;
    const change = (origin: string) =>
      fetch(`${server.url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session, origin },
        body: JSON.stringify({ email: 'new@example.kz', role: 'author', password: 'a long new password' }),
      });
    // The server's own host:port is not the public address: behind the proxy it is what a foreign page would forge.
    expect((await change(server.url)).status).toBe(403);
    expect((await change('https://evil.example')).status).toBe(403);
    expect((await change(PUBLIC)).status).toBe(201);
    expect((await signInFrom(server.url)).status).toBe(403);
  });
});

describe('TRUST_PROXY', () => {
  const post = (server: TestServer, forwardedFor: string) =>
    postResponse(server.url, envelope(), 'example', { 'x-forwarded-for': forwardedFor });

  it('with one proxy, limits each client address that the proxy reports, separately', async () => {
    const server = await start({
      config: { trustProxy: 1, responsesRateLimit: { burst: 2, perSecond: 0.01 } },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(server, '198.51.100.1')).status);
    expect(statuses).toEqual([201, 201, 429]);
    // A client that forges a further hop in front does not get a new bucket: the proxy's entry is the one believed.
    expect((await post(server, '10.9.9.9, 198.51.100.1')).status).toBe(429);
    expect((await post(server, '198.51.100.2')).status).toBe(201);
  });

  it('without it, ignores X-Forwarded-For: a client cannot pick a fresh bucket by sending one', async () => {
    const server = await start({ config: { responsesRateLimit: { burst: 2, perSecond: 0.01 } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(server, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('believes X-Forwarded-Proto from the proxy only: https there makes the cookie Secure', async () => {
    for (const [trustProxy, secure] of [
      [1, true],
      [0, false],
    ] as const) {
      const server = await start({ config: { trustProxy } });
      await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
      const res = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '198.51.100.7',
        },
        body: JSON.stringify({ email: 'admin@example.kz', password: PASSWORD }),
      });
      expect(res.status).toBe(204);
      expect(res.headers.getSetCookie()[0], `TRUST_PROXY=${trustProxy}`).toMatch(
        secure ? /; Secure/ : /^(?!.*; Secure)/,
      );
      const [signedIn] = await collect(server.store.iterateAudit({ action: 'sign-in' }));
      expect(signedIn?.address).toBe(trustProxy === 1 ? '198.51.100.7' : '127.0.0.1');
    }
  });

  it("reads the same address as Express's req.ip for every number of proxies and forwarded chain", async () => {
    const seen: { ip: string | undefined; ours: string }[] = [];
    const servers = await Promise.all(
      [0, 1, 2, 3].map(async (hops) => {
        const app = express();
        app.set('trust proxy', trustProxyHops(hops));
        app.get('/', (req, res) => {
          seen.push({ ip: req.ip, ours: clientAddress(req, hops) });
          res.end();
        });
        const s = createServer(app).listen(0, '127.0.0.1');
        await new Promise((ok) => s.once('listening', ok));
        return s;
      }),
    );
    try {
      for (const s of servers)
        for (const chain of [
          undefined,
          '',
          '198.51.100.1',
          '198.51.100.1, 10.0.0.2',
          ' 1.1.1.1 ,2.2.2.2, 3.3.3.3 , 4.4.4.4',
        ])
          await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/`, {
            headers: chain === undefined ? {} : { 'x-forwarded-for': chain },
          });
    } finally {
      servers.forEach((s) => s.close());
    }
    expect(seen).toHaveLength(20);
    for (const { ip, ours } of seen) expect(ours).toBe(ip);
  });
});
