// zod issues as the Problem catalog's field errors (`{question, message}`): the one mapper for request bodies, query
// parameters, the response envelope and unsent-answers files. Each names the field it is about.
import type { z } from 'zod';
import type { FieldError } from './problem';

export interface FieldErrorStyle {
  /** The name used when an issue is about the whole value: `(body)`, `query`, `(file)`. */
  root: string;
  /**
   * How a path is written: `dotted` (`title.kk`), `brackets` (`waiting[3].surveyId`, as a file's reader sees it) or
   * `first` (the parameter alone: a query string is flat).
   */
  path: 'dotted' | 'brackets' | 'first';
  /**
   * Unknown keys: with a message, one error per key (`is not a parameter of exports`); without, one error naming
   * them all, with zod's own message.
   */
  unknownKey?: { message: string; each: boolean };
  /** At most this many errors (a broken file can have thousands). */
  limit?: number;
}

function writePath(path: readonly PropertyKey[], style: FieldErrorStyle): string {
  if (path.length === 0) return style.root;
  if (style.path === 'first') return String(path[0]);
  if (style.path === 'dotted') return path.map(String).join('.');
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

export function fieldErrors(error: z.ZodError, style: FieldErrorStyle): FieldError[] {
  const errors = error.issues.flatMap((i): FieldError[] => {
    if (i.code === 'unrecognized_keys') {
      const unknown = style.unknownKey;
      if (unknown?.each) return i.keys.map((key) => ({ question: key, message: unknown.message }));
      const question = i.path.length > 0 ? writePath(i.path, style) : i.keys.join(', ');
      return [{ question, message: unknown?.message ?? i.message }];
    }
    return [{ question: writePath(i.path, style), message: i.message }];
  });
  return style.limit === undefined ? errors : errors.slice(0, style.limit);
}
