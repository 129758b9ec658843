// What any JSON taken from outside must be before other code sees it: bounded depth, and text that can be stored as
// sent. Asked of a whole request body (server/http/json-body.ts) and of each response in an unsent-answers file.
import { Problem } from './problem';

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
