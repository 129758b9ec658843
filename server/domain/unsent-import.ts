// The import of "unsent answers" files (client/lib/unsent-file.ts), shared by `npm run cli -- import` and
// POST /api/imports/unsent: each response in the file is judged exactly as POST …/responses judges it (body limit,
// text and depth checks, envelope, 404, 410, 422: judgeBody) and written by the same idempotent store call.
// Each response is its own transaction: a refused or conflicting one never stops the others, and a response is
// either stored whole or not at all. Running a file again is harmless: what it stored comes back "already stored".
import { z } from 'zod';
import type { Catalog } from '../catalog/load';
import type { Store } from '../store';
import { fieldErrors } from './field-errors';
import { judgeBody } from './judge-response';
import { inspectJson } from './json-checks';
import { Problem, type ProblemBody } from './problem';

/** What client/lib/unsent-file.ts writes; a file of another format version is refused, naming both versions. */
export const UNSENT_FORMAT = 'saualnama-unsent';
export const UNSENT_FORMAT_VERSION = 1;
const EXPECTED = `"format": "${UNSENT_FORMAT}", "formatVersion": ${UNSENT_FORMAT_VERSION}`;

// Loose objects: only the fields the import reads are checked; the bodies themselves are judged one by one below,
// so that one malformed response is a refusal of that response, not of the whole file.
const entry = z.looseObject({
  surveyId: z.string({ message: 'must be the survey id (a string)' }).min(1, 'must not be empty').max(200),
  body: z.unknown().refine((v) => v !== undefined, 'is missing (the request body the phone would have sent)'),
});
const unsentFileSchema = z.looseObject({
  exportedAt: z.string().max(100).optional(),
  origin: z.string().max(500).optional(),
  waiting: z.array(entry, { message: 'must be a list of responses' }),
  refused: z.array(entry, { message: 'must be a list of responses' }),
});

export type ImportOutcome = 'stored' | 'already-stored' | 'conflict' | 'refused';

export interface ImportedResponse {
  /** Where it sits in the file: `waiting[3]`, `refused[0]`. */
  at: string;
  /** The body's id, when it has a string one. */
  id: string | null;
  survey: string;
  outcome: ImportOutcome;
  /** What POST …/responses would have answered: 201, 200, 409, or the refusal's 4xx. */
  status: number;
  /** For conflicts and refusals: the same problem POST …/responses would have sent (errors name the questions). */
  problem?: ProblemBody;
}

export interface ImportReport {
  /** From the file: when the phone wrote it, and the server the answers were meant for. */
  exportedAt: string | null;
  origin: string | null;
  counts: { responses: number; stored: number; alreadyStored: number; conflicts: number; refused: number };
  responses: ImportedResponse[];
}

export interface ImportDeps {
  catalog: Catalog;
  store: Store;
  clock: () => Date;
  /** The same settings POST …/responses runs with. */
  bodyLimitBytes: number;
  closedGraceMs: number;
}

type UnsentEntries = z.infer<typeof unsentFileSchema>;

const notUnsent = (detail: string, errors?: { question: string; message: string }[]) =>
  new Problem('not-unsent-file', detail, errors);

/**
 * The file's responses, in file order (waiting, then refused), or a `not-unsent-file` Problem saying what is wrong
 * and which format version is expected.
 */
export function readUnsentFile(value: unknown): UnsentEntries {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw notUnsent(
      `The file must be a JSON object with ${EXPECTED}, as "Save my unsent answers to a file" writes it.`,
    );
  const { format, formatVersion } = value as Record<string, unknown>;
  if (format !== UNSENT_FORMAT)
    throw notUnsent(
      `This is not an unsent-answers file: it needs ${EXPECTED} (the file from "Save my unsent answers to a file").`,
      [{ question: 'format', message: format === undefined ? 'is missing' : `is ${JSON.stringify(format)}` }],
    );
  if (formatVersion !== UNSENT_FORMAT_VERSION)
    throw notUnsent(
      `This unsent-answers file has format version ${JSON.stringify(formatVersion ?? null)}; this server reads version ${UNSENT_FORMAT_VERSION}.`,
      [{ question: 'formatVersion', message: `must be ${UNSENT_FORMAT_VERSION}` }],
    );
  const parsed = unsentFileSchema.safeParse(value);
  if (!parsed.success)
    throw notUnsent(
      'The unsent-answers file is damaged: see errors.',
      fieldErrors(parsed.error, { root: '(file)', path: 'brackets', limit: 20 }),
    );
  return parsed.data;
}

/** The refusal of a file that is not JSON at all (a CSV, a photo), naming the format expected. */
export const notJsonFile = (reason: string) =>
  notUnsent(`The file is not JSON (${reason}); an unsent-answers file has ${EXPECTED}.`);

/** Parses the bytes of a file as POST bodies are parsed (strict UTF-8, JSON), then reads it (readUnsentFile). */
export function parseUnsentFile(bytes: Uint8Array): UnsentEntries {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Problem('invalid-utf8', 'The file contains bytes that are not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notJsonFile((error as Error).message);
  }
  return readUnsentFile(value);
}

/** Judges and stores one response exactly as POST /api/surveys/:id/responses would. */
async function importOne(
  deps: ImportDeps,
  at: string,
  surveyId: string,
  body: unknown,
): Promise<ImportedResponse> {
  const rawId = (body as { id?: unknown } | null)?.id;
  const base = { at, id: typeof rawId === 'string' ? rawId.toLowerCase() : null, survey: surveyId };
  const refusal = (problem: Problem): ImportedResponse => ({
    ...base,
    outcome: problem.slug === 'response-conflict' ? 'conflict' : 'refused',
    status: problem.status,
    problem: problem.toBody(),
  });
  // The same checks, in the same order, as readJsonBody on a POST body: size, then depth and text. JSON.stringify
  // recurses: a body nested deep enough to overflow it ("[[[[…" in a file) is not measured, and inspectJson,
  // which walks without recursion, refuses it anyway.
  const unreadable = inspectJson(body);
  let size = 0;
  try {
    size = Buffer.byteLength(JSON.stringify(body));
  } catch (error) {
    if (!(error instanceof RangeError) || !unreadable) throw error;
  }
  if (size > deps.bodyLimitBytes)
    return refusal(
      new Problem(
        'body-too-large',
        `The body may be at most ${deps.bodyLimitBytes} bytes (${Math.round(deps.bodyLimitBytes / 1024)} KB).`,
      ),
    );
  if (unreadable) return refusal(unreadable);
  let response;
  try {
    response = await judgeBody(surveyId, body, { ...deps, now: deps.clock() });
  } catch (error) {
    if (error instanceof Problem) return refusal(error);
    throw error;
  }
  // Storage faults are not caught: the import stops (a 503 on the route, exit 1 in the CLI) with every response
  // before it stored or refused for good, and running the file again stores the rest.
  const outcome = await deps.store.submitResponse(response);
  if (outcome.status === 'conflict')
    return refusal(
      new Problem(
        'response-conflict',
        `Response ${response.id} was already stored with other answers; a new response needs a new id.`,
      ),
    );
  return {
    ...base,
    id: response.id,
    outcome: outcome.status === 'created' ? 'stored' : 'already-stored',
    status: outcome.status === 'created' ? 201 : 200,
  };
}

/**
 * Imports every response of a read file, one at a time (each its own transaction, durable before the next starts),
 * and reports each one's outcome. The caller decides what a refusal means (the CLI's exit code, the page's notice).
 */
export async function importUnsent(deps: ImportDeps, file: UnsentEntries): Promise<ImportReport> {
  const entries = [
    ...file.waiting.map((e, i) => ({ ...e, at: `waiting[${i}]` })),
    ...file.refused.map((e, i) => ({ ...e, at: `refused[${i}]` })),
  ];
  const responses: ImportedResponse[] = [];
  for (const e of entries) responses.push(await importOne(deps, e.at, e.surveyId, e.body));
  const count = (outcome: ImportOutcome) => responses.filter((r) => r.outcome === outcome).length;
  return {
    exportedAt: file.exportedAt ?? null,
    origin: file.origin ?? null,
    counts: {
      responses: responses.length,
      stored: count('stored'),
      alreadyStored: count('already-stored'),
      conflicts: count('conflict'),
      refused: count('refused'),
    },
    responses,
  };
}
