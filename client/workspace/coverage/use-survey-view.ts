// Loads what coverage, the free-text browser and the brief all start from: the surveys, the chosen one (from the
// address), the names of its 20 regions from its newest definition, and the regions this account may read.
import { useEffect } from 'react';
import { getSurveys, type SurveySummary } from '../../lib/api';
import { useLoad, type Load } from '../../lib/use-load';
import { getJson, isSignedOut, type Session } from '../../lib/workspace-api';
import { regionsOf, type RegionName } from '../../lib/workspace-regions';

export interface SurveyView {
  surveys: SurveySummary[];
  survey: SurveySummary;
  regions: RegionName[];
  /** Region codes this account may read, in the survey's order. */
  readable: string[];
}

/**
 * Without `?survey=` the needs assessment opens: these pages (the brief above all) are written for it, while the
 * survey list is alphabetical and would open the short briefing-feedback form first.
 */
const PREFERRED = 'roadmap-needs';

async function loadView(wanted: string | null, session: Session): Promise<SurveyView> {
  const surveys = await getSurveys();
  const survey =
    surveys.find((s) => s.id === wanted) ??
    surveys.find((s) => s.id === PREFERRED && !s.closed) ??
    surveys[0];
  if (!survey) throw new Error('no surveys');
  const { definition } = await getJson<{ definition: Record<string, unknown> }>(
    `/api/surveys/${encodeURIComponent(survey.id)}/versions/${survey.version}`,
  );
  const regions = regionsOf(definition);
  const readable = regions
    .map((r) => r.code)
    .filter((code) => session.regions === null || session.regions.includes(code));
  return { surveys, survey, regions, readable };
}

/** The view, reloaded when `?survey=` changes; a 401 hands over to the shell's sign-in. */
export function useSurveyView(
  session: Session,
  query: URLSearchParams,
  onSignedOut: () => void,
): [Load<SurveyView>, () => void] {
  const wanted = query.get('survey');
  const [view, retry] = useLoad(() => loadView(wanted, session), `view:${wanted ?? ''}`);
  useSignedOut([view], onSignedOut);
  return [view, retry];
}

/** Calls onSignedOut when any of the loads failed with 401 (the session ended while the page was open). */
export function useSignedOut(loads: readonly Load<unknown>[], onSignedOut: () => void): void {
  const signedOut = loads.some((load) => load.state === 'failed' && isSignedOut(load.error));
  useEffect(() => {
    if (signedOut) onSignedOut();
  }, [signedOut, onSignedOut]);
}
