// Reads from the public API (surveys, briefings) and the problem+json shape that every error arrives in.
// Shapes follow DESIGN.md's contract; they are checked loosely here to keep survey-core the only big dependency.
import type {
  BriefingBody,
  SurveySummary as SurveySummaryBody,
  SurveyVersionBody,
} from '../../server/http/contract/responses';
import type { AnswerError, LocalizedText } from '../../server/catalog/types';

/** A row of `GET /api/surveys`; its title is a SurveyJS localizable string. */
export type SurveySummary = Omit<SurveySummaryBody, 'title'> & { title: LocalizedText };
export type SurveyVersion = SurveyVersionBody;
export type Briefing = BriefingBody;

/** RFC 9457 problem details, as the server sends them. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: AnswerError[];
  /** survey-closed: when the survey closed, and until when answers begun before then were taken (ISO times). */
  closedAt?: string;
  acceptedUntil?: string;
}

/** A reply that was not 2xx. Network failures stay as fetch's own TypeError, so callers can tell them apart. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
  }
}

/** The problem body of a failed reply, or null when the body is not problem+json (a proxy's HTML page, say). */
export async function readProblem(res: Response): Promise<Problem | null> {
  if (!/json/.test(res.headers.get('content-type') ?? '')) return null;
  try {
    const body: unknown = await res.json();
    if (typeof body !== 'object' || body === null || typeof (body as Problem).title !== 'string') return null;
    const problem = body as Problem;
    const errors = Array.isArray(problem.errors) ? problem.errors.filter(isAnswerError) : undefined;
    return { ...problem, status: res.status, ...(errors && { errors }) };
  } catch {
    return null;
  }
}

function isAnswerError(value: unknown): value is AnswerError {
  const e = value as AnswerError | null;
  return (
    typeof e === 'object' && e !== null && typeof e.question === 'string' && typeof e.message === 'string'
  );
}

/** API paths this page has read: the service worker caches them if it was not yet in control at the time. */
export const apiReads = new Set<string>();

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  apiReads.add(path);
  return (await res.json()) as T;
}

export async function getSurveys(): Promise<SurveySummary[]> {
  const list = await getJson<unknown>('/api/surveys');
  return Array.isArray(list) ? (list as SurveySummary[]) : [];
}

export function getSurvey(id: string): Promise<SurveyVersion> {
  return getJson<SurveyVersion>(`/api/surveys/${encodeURIComponent(id)}`);
}

export function getBriefing(slug: string): Promise<Briefing> {
  return getJson<Briefing>(`/api/briefings/${encodeURIComponent(slug)}`);
}
