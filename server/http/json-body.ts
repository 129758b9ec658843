// Reads a JSON request body strictly: content type, size limit, valid UTF-8, valid JSON, bounded depth, storable text.
// Written by hand rather than express.json() so that each failure gets its own status and problem, and so that
// the ingest fast path (no Express) can use it too.
import type { IncomingMessage } from 'node:http';
import { Problem } from '../domain/problem';

/** Deeper than any survey answer can be; stops pathological nesting before it reaches other code. */
export const MAX_JSON_DEPTH = 32;

/** NUL, and UTF-16 surrogates without their pair (JSON's "\ud800"): text that SQLite, a CSV or a spreadsheet cannot
 * give back as sent (a lone surrogate has no UTF-8 form at all, NUL ends a string in C and in Excel). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

const textProblem = (path: string) =>
  new Problem(
    'invalid-text',
    `The text at ${path || 'the top level'} contains a NUL character or a lone UTF-16 surrogate.`,
    [
      {
        question: path || '(body)',
        message: 'contains a NUL character or an unpaired surrogate (\\u0000, \\ud800 …)',
      },
    ],
  );

/**
 * Refuses nesting deeper than `limit` and text that cannot be stored as sent, naming where it is (`data.proposal`).
 * Iterative, so that a 10,000-deep document cannot overflow the stack while being walked. Exported for the import
 * of unsent-answers files, which asks it of each response body as POST …/responses asks it of the whole body.
 */
export function inspectJson(value: unknown, limit = MAX_JSON_DEPTH): Problem | undefined {
  const stack: [unknown, number, string][] = [[value, 1, '']];
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (unstorable(node)) return textProblem(path);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit)
      return new Problem('json-too-deep', `JSON may be nested at most ${limit} levels deep.`);
    for (const [key, child] of Object.entries(node)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (unstorable(key)) return textProblem(at);
      stack.push([child, depth + 1, at]);
    }
  }
  return undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Resolves to the parsed JSON; rejects with a Problem (415, 413, 400) naming what was wrong. `inspect: false` skips
 * the depth and text checks, for a body whose parts the caller checks one by one with inspectJson (an import file:
 * one response's NUL must refuse that response, not the file).
 */
export function readJsonBody(
  req: IncomingMessage,
  limitBytes: number,
  { inspect = true }: { inspect?: boolean } = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    const [mediaType, ...params] = type.split(';').map((s) => s.trim().toLowerCase());
    const charset = params
      .find((p) => p.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/"/g, '');
    if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8'))
      return reject(
        new Problem('unsupported-media-type', `Send the body as application/json in UTF-8, not "${type}".`),
      );

    const tooLarge = () =>
      new Problem(
        'body-too-large',
        `The body may be at most ${limitBytes} bytes (${Math.round(limitBytes / 1024)} KB).`,
        undefined,
        // The rest of the body is not read: the connection cannot be reused.
        { Connection: 'close' },
      );
    if (Number(req.headers['content-length']) > limitBytes) return reject(tooLarge());

    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limitBytes) {
        done = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      let text: string;
      try {
        text = decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      } catch {
        return reject(new Problem('invalid-utf8', 'The body contains bytes that are not valid UTF-8.'));
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        return reject(
          new Problem('malformed-json', `The body could not be parsed as JSON: ${(error as Error).message}`),
        );
      }
      const refused = inspect ? inspectJson(parsed) : undefined;
      if (refused) return reject(refused);
      resolve(parsed);
    });
  });
}
