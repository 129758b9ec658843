// The build's Brotli and gzip copies of the hashed files: sent to clients that accept them, with the original's
// type and caching, each coding its own ETag, HEAD, Range and 304 as for any static file; and the respondent
// page's first load within its 450 KB budget. Needs `npm run build` (dist/client).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRaw, measureFirstLoad, pageFiles } from '../support/first-load';
import { CLIENT_DIR, REPO_SURVEYS, startServer, type TestServer } from '../support/server';

const CHROMIUM = 'gzip, deflate, br, zstd';
const BUDGET = 450 * 1024;

let server: TestServer;
/** The respondent page's main script, the biggest file of its first load. */
let script: string;
let onDisk: Buffer;
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  getRaw(server.url + path, headers, method);

beforeAll(async () => {
  server = await startServer({ surveysDir: REPO_SURVEYS });
  const page = await get('/s/roadmap-needs');
  const found = pageFiles(page.body.toString('utf8')).find((path) =>
    /^\/assets\/respond-[\w-]+\.js$/.test(path),
  );
  if (!found) throw new Error('no respond-*.js in the respondent page: run `npm run build` first');
  script = found;
  onDisk = readFileSync(join(CLIENT_DIR, script));
});
afterAll(() => server.close());

describe('precompressed static files', () => {
  it('sends a script as Brotli to a client that accepts br, with the type, caching and ETag of a static file', async () => {
    const res = await get(script, { 'accept-encoding': CHROMIUM });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['etag']).toMatch(/^W\/"/);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    // The build's copy as it is (quality 11), not the compression middleware's: compressed once, decoded once.
    expect(res.body.equals(readFileSync(join(CLIENT_DIR, `${script}.br`)))).toBe(true);
    expect(brotliDecompressSync(res.body).equals(onDisk)).toBe(true);
    // Compressed at the build's high quality: no larger than a quick (quality 4) Brotli of the same file. A fixed
    // ratio would depend on which script the page happens to load first.
    const quick = brotliCompressSync(onDisk, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
    expect(res.body.length).toBeLessThanOrEqual(quick.length);
  });

  it('sends gzip to a client that accepts gzip but not br, and the file as it is to one that accepts neither', async () => {
    const gzip = await get(script, { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(gzip.headers['vary']).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzip.body).equals(onDisk)).toBe(true);

    for (const accept of ['identity', 'br;q=0, gzip;q=0', undefined]) {
      const plain = await get(script, accept === undefined ? {} : { 'accept-encoding': accept });
      expect(plain.status, String(accept)).toBe(200);
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(plain.headers['vary']).toMatch(/accept-encoding/i);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.body.equals(onDisk), String(accept)).toBe(true);
    }
  });

  it('honours the client\'s weights: gzip when br is refused or weighs less, br for "*"', async () => {
    const coding = async (accept: string) =>
      (await get(script, { 'accept-encoding': accept })).headers['content-encoding'];
    expect(await coding('br;q=0, gzip')).toBe('gzip');
    expect(await coding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(await coding('*')).toBe('br');
    expect(await coding('x-gzip')).toBe('gzip');
  });

  it('gives each coding its own ETag and answers a matching If-None-Match with 304 and no body', async () => {
    const br = await get(script, { 'accept-encoding': 'br' });
    const gzip = await get(script, { 'accept-encoding': 'gzip' });
    const plain = await get(script, { 'accept-encoding': 'identity' });
    const tags = [br, gzip, plain].map((res) => String(res.headers['etag']));
    expect(new Set(tags).size).toBe(3);

    const again = await get(script, { 'accept-encoding': 'br', 'if-none-match': tags[0] ?? '' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(tags[0]);
    // The gzip copy's tag does not validate the Brotli copy.
    const other = await get(script, { 'accept-encoding': 'br', 'if-none-match': tags[1] ?? '' });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('br');
  });

  it("answers HEAD with the Brotli copy's headers and Range with bytes of the Brotli copy", async () => {
    const copy = readFileSync(join(CLIENT_DIR, `${script}.br`));
    const head = await get(script, { 'accept-encoding': CHROMIUM }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(copy.length);
    expect(head.body.length).toBe(0);

    const part = await get(script, { 'accept-encoding': CHROMIUM, range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBe('br');
    expect(part.headers['content-range']).toBe(`bytes 100-199/${copy.length}`);
    expect(part.body.equals(copy.subarray(100, 200))).toBe(true);
  });

  it('sends a small file that has no copy as it is, and a missing file as a plain 404 problem', async () => {
    const small = pageFiles((await get('/s/roadmap-needs')).body.toString('utf8'))
      .map((path) => ({ path, bytes: readFileSync(join(CLIENT_DIR, path)).length }))
      .find((file) => file.bytes < 1024);
    if (small) {
      const res = await get(small.path, { 'accept-encoding': CHROMIUM });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.length).toBe(small.bytes);
    }
    const missing = await get('/assets/no-such-file-1234.js', { 'accept-encoding': CHROMIUM });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves every file the service worker precaches as Brotli that decodes to the file on disk', async () => {
    const sw = readFileSync(join(CLIENT_DIR, 'sw.js'), 'utf8');
    const precached = [...new Set(sw.match(/\/assets\/[\w.-]+/g) ?? [])];
    expect(precached).toContain(script);
    for (const path of precached) {
      const res = await get(path, { 'accept-encoding': CHROMIUM });
      expect(res.status, path).toBe(200);
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body) : res.body;
      expect(body.equals(readFileSync(join(CLIENT_DIR, path))), path).toBe(true);
    }
  });

  it("keeps the respondent page's first load under 450 KB with Brotli", async () => {
    const load = await measureFirstLoad(server.url, '/s/roadmap-needs', CHROMIUM);
    expect(load.files.map((file) => file.path)).toContain(script);
    expect(load.total).toBeLessThan(BUDGET);
    for (const file of load.files.filter((f) => f.path.startsWith('/assets/') && f.bytes > 1024)) {
      expect(file.encoding, file.path).toBe('br');
    }
  });
});
