// RFC 9457 problem details: the one catalog of refusals a client can get, thrown by the rules and the routes alike.
// How a Problem becomes a reply (and the error middleware) is server/http/problem-reply.ts.

export interface FieldError {
  question: string;
  message: string;
}

interface ProblemSpec {
  status: number;
  title: string;
}

/** Stable slugs: a problem's `type` is `/problems/<slug>`; clients may branch on it. */
export const PROBLEMS = {
  'unsupported-media-type': { status: 415, title: 'The body must be application/json' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'invalid-utf8': { status: 400, title: 'The body is not valid UTF-8' },
  'invalid-text': { status: 400, title: 'The body contains text that cannot be stored' },
  'json-too-deep': { status: 400, title: 'The JSON is nested too deeply' },
  'invalid-request': { status: 400, title: 'The request does not have the expected shape' },
  'not-unsent-file': { status: 400, title: 'This is not an unsent-answers file this server can read' },
  'bad-request': { status: 400, title: 'The request could not be read' },
  'request-timeout': { status: 408, title: 'The request took too long to arrive' },
  'headers-too-large': { status: 431, title: 'The request headers are too large' },
  'body-too-large': { status: 413, title: 'The body is too large' },
  'not-found': { status: 404, title: 'Nothing here' },
  'survey-not-found': { status: 404, title: 'No such survey' },
  'version-not-found': { status: 404, title: 'No such survey version' },
  'briefing-not-found': { status: 404, title: 'No such briefing' },
  'survey-closed': { status: 410, title: 'The survey is closed' },
  'briefing-closed': { status: 410, title: 'The briefing does not take answers now' },
  'briefing-exists': { status: 409, title: 'A briefing with this slug already exists' },
  'response-conflict': { status: 409, title: 'This response id was already used for other answers' },
  'invalid-answers': { status: 422, title: 'The answers do not fit the survey' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  forbidden: { status: 403, title: 'Your account may not do this' },
  'invalid-token': { status: 401, title: 'The API token is unknown, revoked or expired' },
  'token-read-only': { status: 403, title: 'API tokens read exports and responses.jsonl only' },
  'token-not-found': { status: 404, title: 'No such API token of yours' },
  'cross-site-request': { status: 403, title: 'The request did not come from this site' },
  'login-failed': { status: 401, title: 'Wrong email or password' },
  'login-locked': { status: 429, title: 'Too many failed sign-ins' },
  'account-disabled': { status: 403, title: 'This account is disabled' },
  'user-not-found': { status: 404, title: 'No such user' },
  'user-exists': { status: 409, title: 'A user with this email already exists' },
  'last-admin': { status: 409, title: 'At least one enabled admin must remain' },
  'response-not-found': { status: 404, title: 'No such response' },
  'code-not-found': { status: 404, title: 'No such code in this codebook' },
  'code-exists': { status: 409, title: 'A code with this short name already exists in this codebook' },
  'unknown-codes': { status: 422, title: 'The codes are not in this codebook' },
  'nothing-to-code': { status: 422, title: 'This response has no text to code for this question' },
  'codebook-too-deep': { status: 409, title: 'Codes have two levels at most' },
  'quote-needs-confirmation': {
    status: 409,
    title: 'A quote from a region with few respondents needs an explicit confirmation',
  },
  'password-change-required': { status: 403, title: 'Choose your own password first' },
  'wrong-current-password': { status: 403, title: 'The current password is wrong' },
  'not-a-sheet': { status: 400, title: 'This is not a strings spreadsheet of this survey' },
  'sheet-structure-changed': { status: 422, title: 'The spreadsheet changes the survey’s structure' },
  'draft-has-errors': { status: 422, title: 'The draft has errors that block publishing' },
  'version-taken': { status: 409, title: 'This version number was published meanwhile' },
  'publishing-unavailable': { status: 503, title: 'This server cannot publish survey versions' },
  'storage-unavailable': { status: 503, title: 'The database cannot take writes right now' },
  'not-ready': { status: 503, title: 'The server is not ready to serve' },
  internal: { status: 500, title: 'Something went wrong on the server' },
} as const satisfies Record<string, ProblemSpec>;

export type ProblemSlug = keyof typeof PROBLEMS;

/** RFC 9457 extension members, so that a client can word the problem in its reader's language. */
export interface ProblemExtensions {
  /** survey-closed, briefing-closed: when the survey or briefing closed (ISO time). */
  closedAt?: string;
  /** survey-closed, briefing-closed: until when answers begun before the closing were taken (ISO time). */
  acceptedUntil?: string;
}

export interface ProblemBody extends ProblemExtensions {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

/** Thrown (or passed to next) anywhere in a handler; the middleware turns it into a problem+json reply. */
export class Problem extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra response headers, e.g. Retry-After for 429 and 503. */
    readonly headers: Record<string, string> = {},
    readonly extensions: ProblemExtensions = {},
  ) {
    super(detail);
  }

  get status(): number {
    return PROBLEMS[this.slug].status;
  }

  toBody(): ProblemBody {
    const { status, title } = PROBLEMS[this.slug];
    return {
      ...this.extensions,
      type: `/problems/${this.slug}`,
      title,
      status,
      detail: this.detail,
      ...(this.errors && { errors: this.errors }),
    };
  }
}

/** SQLite codes that mean "the disk or file cannot take writes now" (full, read-only, I/O error, locked), not a bug. */
const STORAGE_FAULTS = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|NOMEM)/;

export function isStorageFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_FAULTS.test(code);
}

/**
 * The 503 problem (with Retry-After) for a storage fault, else undefined. Nothing was written: the store's
 * transactions roll back whole, so the client may simply send the same request again.
 */
export function storageFault(error: unknown, detail: string): Problem | undefined {
  if (!isStorageFault(error)) return undefined;
  return new Problem('storage-unavailable', detail, undefined, { 'Retry-After': '10' });
}
