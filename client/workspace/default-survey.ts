// Which survey a workspace page opens when the address names none: the one with the most responses this account may
// read, so a first visit lands on the needs assessment instead of the feedback form that sorts first by id.
import type { SurveySummary } from '../lib/api';
import { useLoad, type Load } from '../lib/use-load';
import { getJson } from '../lib/workspace-api';

/**
 * The surveys, read as the signed-in workspace reads (lib/api.ts's getSurveys is the respondent page's): so the list
 * main.tsx asked for at page open (early-requests.ts) is the one used, not asked for a second time.
 */
export async function getSurveys(): Promise<SurveySummary[]> {
  const list = await getJson<unknown>('/api/surveys');
  return Array.isArray(list) ? (list as SurveySummary[]) : [];
}

/** Responses per survey id; a survey whose count could not be read is missing. */
export type ResponseCounts = ReadonlyMap<string, number>;

/** The part of GET /api/surveys/:id/coverage read here (server/http/contract/aggregates.ts has the whole). */
interface CoverageTotal {
  responses?: { count: number } | { suppressed: true };
}

/**
 * Each survey's responses in the account's regions, from the coverage API (a handful of surveys: one request each).
 * A failed count is left out rather than failing the page, which then opens as if no count were known.
 */
export async function getResponseCounts(surveys: readonly SurveySummary[]): Promise<ResponseCounts> {
  const rows = await Promise.all(
    surveys.map(async (s): Promise<[string, number] | null> => {
      try {
        const { responses } = await getJson<CoverageTotal>(
          `/api/surveys/${encodeURIComponent(s.id)}/coverage`,
        );
        if (!responses) return null;
        // A suppressed total is some responses, fewer than the small-cell threshold: below any total shown.
        return [s.id, 'count' in responses ? responses.count : 1];
      } catch {
        return null;
      }
    }),
  );
  return new Map(rows.filter((row) => row !== null));
}

/** Whether the address chose a survey that exists: then no counts are needed. */
export const isChosen = (surveys: readonly SurveySummary[], wanted: string | null): boolean =>
  surveys.some((s) => s.id === wanted);

/**
 * The survey the address chose, else the one with the most responses, else (counts unknown, or all equal) the first.
 * Ties keep the list's order.
 */
export function chooseSurvey(
  surveys: readonly SurveySummary[],
  wanted: string | null,
  counts: ResponseCounts | null,
): SurveySummary | undefined {
  const chosen = surveys.find((s) => s.id === wanted);
  if (chosen) return chosen;
  const count = (s: SurveySummary) => counts?.get(s.id) ?? 0;
  return surveys.reduce<SurveySummary | undefined>(
    (best, s) => (!best || count(s) > count(best) ? s : best),
    undefined,
  );
}

/** For a page that loads everything in one go: the survey to open, once the counts are in when they are needed. */
export async function loadSurveyChoice(
  wanted: string | null,
): Promise<{ surveys: SurveySummary[]; survey: SurveySummary | undefined }> {
  const surveys = await getSurveys();
  const counts = isChosen(surveys, wanted) || surveys.length < 2 ? null : await getResponseCounts(surveys);
  return { surveys, survey: chooseSurvey(surveys, wanted, counts) };
}

export interface SurveyChoice {
  surveys: Load<SurveySummary[]>;
  retrySurveys: () => void;
  /** The survey asked for, else the most answered; the first while counts load. Undefined until the list is in. */
  survey: SurveySummary | undefined;
}

/** The hook form, for pages that show the list at once: the first survey stands in until the counts arrive. */
export function useSurveyChoice(wanted: string | null): SurveyChoice {
  const [surveys, retrySurveys] = useLoad(getSurveys, 'surveys');
  const list = surveys.state === 'ready' ? surveys.value : [];
  const needCounts = list.length > 1 && !isChosen(list, wanted);
  const [counts] = useLoad(
    () => (needCounts ? getResponseCounts(list) : Promise.resolve(null)),
    needCounts ? `counts:${list.map((s) => s.id).join(',')}` : 'counts:none',
  );
  const survey = chooseSurvey(list, wanted, counts.state === 'ready' ? counts.value : null);
  return { surveys, retrySurveys, survey };
}
