// Serves the build's precompressed copies of static files (name.js.br, name.js.gz, written by
// scripts/vite-precompress.ts) to clients that accept them: Brotli at quality 11 is ~20 % smaller than what the
// compression middleware can afford per request, and costs no CPU per request. Files without a copy, and clients
// that accept neither coding, fall through to express.static (and the compression middleware) as before.
import { extname } from 'node:path';
import express, { type RequestHandler } from 'express';

export type Coding = 'br' | 'gzip';

const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };
/** The types the build precompresses; other files (images, fonts) are compressed already. */
export const PRECOMPRESSED_TYPES = /\.(?:js|mjs|css|html|svg|json|txt|map|wasm)$/;

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3), or undefined for the file as it is.
 * Brotli wins a tie: browsers list `gzip, deflate, br, zstd` all at q=1, so the client's order says nothing.
 * No header at all gets the file as it is: the RFC allows any coding then, but such clients are rarely browsers.
 */
export function preferredCoding(header: string | undefined): Coding | undefined {
  if (header === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const q = params.find((param) => /^q\s*=/.test(param));
    const weight = q === undefined ? 1 : Number(/^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.exec(q)?.[1]);
    // A malformed weight makes the entry unreadable: it is ignored rather than guessed.
    if (!Number.isNaN(weight)) weights.set(name, Math.max(weight, weights.get(name) ?? 0));
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  // x-gzip is gzip's old name (RFC 9110 §8.4.1.3).
  const gzip = Math.max(weight('gzip'), weights.get('x-gzip') ?? 0);
  const [best, bestWeight]: [Coding, number] = br >= gzip ? ['br', br] : ['gzip', gzip];
  // A client that says it prefers the file as it is gets it so.
  if (bestWeight === 0 || bestWeight < (weights.get('identity') ?? 0)) return undefined;
  return best;
}

/**
 * Middleware to put before `express.static(root, options)`: answers with `<file>.br` or `<file>.gz` when the
 * client accepts it and the build wrote it, with the original file's Content-Type, `Content-Encoding`, the same
 * caching options, and serve-static's own ETag, Last-Modified, HEAD, Range and 304 handling of the copy. Each coding
 * is a file of its own, so each gets its own ETag, as HTTP requires of different representations.
 */
export function precompressedStatic(
  root: string,
  options: Pick<NonNullable<Parameters<typeof express.static>[1]>, 'maxAge' | 'immutable'>,
): RequestHandler {
  const serveCopy = express.static(root, {
    ...options,
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders(res, path) {
      const coding: Coding = path.endsWith(SUFFIX.br) ? 'br' : 'gzip';
      // send would take the type from the name it serves (x.js.br); set first, the original's type stands.
      res.type(extname(path.slice(0, -SUFFIX[coding].length)));
      res.setHeader('Content-Encoding', coding);
    },
  });
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !PRECOMPRESSED_TYPES.test(req.path)) return next();
    // Whatever coding this reply gets, a shared cache must not hand it to a client that asked differently.
    res.vary('Accept-Encoding');
    const coding = preferredCoding(req.headers['accept-encoding']);
    if (coding === undefined) return next();
    const url = req.url;
    req.url = req.path + SUFFIX[coding];
    serveCopy(req, res, (error?: unknown) => {
      req.url = url;
      // No copy (no error): the original, as before. A copy that failed (412, 416, a read error): the error reply
      // must not claim an encoding.
      if (!res.headersSent) res.removeHeader('Content-Encoding');
      next(error);
    });
  };
}
