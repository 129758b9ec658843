// Loads what coverage, the free-text browser and the brief all start from: the surveys, the chosen one (from the
// address), the names of its 20 regions from its newest definition, and the regions this account may read; then
// the filters in the address and the aggregate APIs read with them.
import { useEffect } from 'react';
import type { SurveySummary } from '../../lib/api';
import { useLoad, type Load } from '../../lib/use-load';
import { getJson, isSignedOut, type Session } from '../../lib/workspace-api';
import { regionsOf, type RegionName } from '../../lib/workspace-regions';
import { loadSurveyChoice } from '../default-survey';
import { periodReversed } from '../fields';
import { getDefinition, mayRead } from '../use-survey-definition';
import { apiPath, apiQuery, filtersKey, readViewFilters, type ViewFilters } from './view-query';

export interface SurveyView {
  surveys: SurveySummary[];
  survey: SurveySummary;
  regions: RegionName[];
  /** Region codes this account may read, in the survey's order. */
  readable: string[];
}

async function loadView(wanted: string | null, session: Session): Promise<SurveyView> {
  // Without `?survey=` the most answered survey opens (the needs assessment these pages are written for).
  const { surveys, survey } = await loadSurveyChoice(wanted);
  if (!survey) throw new Error('no surveys');
  const regions = regionsOf(await getDefinition(survey));
  const readable = regions.map((r) => r.code).filter((code) => mayRead(session, code));
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

export interface ViewPage {
  view: Load<SurveyView>;
  retryView: () => void;
  /** The view once loaded. */
  ready: SurveyView | null;
  filters: ViewFilters;
  /** The chosen survey's id; '' until the view has loaded. */
  survey: string;
  /** Changes whenever the survey or a filter does: the key of every load made with them. */
  key: string;
  /** The period ends before it starts: the bar says so and nothing is asked of the server. */
  badDates: boolean;
}

/** The view and the filters of the address, as a page of coverage, the free-text browser or the brief reads them. */
export function useViewPage(session: Session, query: URLSearchParams, onSignedOut: () => void): ViewPage {
  const [view, retryView] = useSurveyView(session, query, onSignedOut);
  const ready = view.state === 'ready' ? view.value : null;
  const filters = readViewFilters(query, ready?.readable ?? []);
  const survey = ready?.survey.id ?? '';
  return {
    view,
    retryView,
    ready,
    filters,
    survey,
    key: filtersKey(survey, filters),
    badDates: periodReversed(filters),
  };
}

/** `GET /api/surveys/<survey>/<route>` with the page's filters; null until there is a survey and a valid period. */
export function useAggregate<T>(
  { survey, filters, key, badDates }: ViewPage,
  route: string,
): [Load<T | null>, () => void] {
  return useLoad(
    () =>
      survey && !badDates ? getJson<T>(apiPath(survey, route, apiQuery(filters))) : Promise.resolve(null),
    `${route}:${key}`,
  );
}
