// Reads a JSON request body strictly: content type, size limit, valid UTF-8, valid JSON, bounded depth.
// Written by hand rather than express.json() so that each failure gets its own status and problem.
import type { RequestHandler } from 'express';
import { Problem } from './problem';

/** Deeper than any survey answer can be; stops pathological nesting before it reaches other code. */
export const MAX_JSON_DEPTH = 32;

function depthOf(value: unknown, limit: number): number {
  // Iterative, so that a 10,000-deep document cannot overflow the stack while being measured.
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function jsonBody(limitBytes: number): RequestHandler {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (req, res, next) => {
    const type = req.headers['content-type'] ?? '';
    const [mediaType, ...params] = type.split(';').map((s) => s.trim().toLowerCase());
    const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8'))
      return next(new Problem('unsupported-media-type', `Send the body as application/json in UTF-8, not "${type}".`));

    const tooLarge = () =>
      new Problem('body-too-large', `The body may be at most ${limitBytes} bytes (${Math.round(limitBytes / 1024)} KB).`);
    const declared = Number(req.headers['content-length']);
    if (declared > limitBytes) {
      res.set('Connection', 'close');
      return next(tooLarge());
    }

    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limitBytes) {
        failed = true;
        res.set('Connection', 'close');
        next(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!failed) {
        failed = true;
        next(error);
      }
    });
    req.on('end', () => {
      if (failed) return;
      let text: string;
      try {
        text = decoder.decode(Buffer.concat(chunks));
      } catch {
        return next(new Problem('invalid-utf8', 'The body contains bytes that are not valid UTF-8.'));
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        return next(new Problem('malformed-json', `The body could not be parsed as JSON: ${(error as Error).message}`));
      }
      if (depthOf(parsed, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
        return next(new Problem('json-too-deep', `JSON may be nested at most ${MAX_JSON_DEPTH} levels deep.`));
      req.body = parsed;
      next();
    });
  };
}
