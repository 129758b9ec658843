// Reads a JSON request body strictly: content type, size limit, valid UTF-8, valid JSON, bounded depth, storable text.
// Written by hand rather than express.json() so that each failure gets its own status and problem, and so that
// the ingest fast path (no Express) can use it too.
import type { IncomingMessage } from 'node:http';
import { inspectJson } from '../domain/json-checks';
import { Problem } from '../domain/problem';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Resolves to the parsed JSON; rejects with a Problem (415, 413, 400) naming what was wrong. `inspect: false` skips
 * the depth and text checks, for a body whose parts the caller checks one by one with inspectJson (an import file:
 * one response's NUL must refuse that response, not the file).
 */
export function readJsonBody(
  req: IncomingMessage,
  limitBytes: number,
  {
    inspect = true,
    notJson = (reason) => new Problem('malformed-json', `The body could not be parsed as JSON: ${reason}`),
  }: { inspect?: boolean; notJson?: (parserMessage: string) => Problem } = {},
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
        return reject(notJson((error as Error).message));
      }
      const refused = inspect ? inspectJson(parsed) : undefined;
      if (refused) return reject(refused);
      resolve(parsed);
    });
  });
}
