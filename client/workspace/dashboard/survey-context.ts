// What both the dashboard and the region comparison need before any chart: the surveys, the chosen one's newest
// definition (pages, titles, the 20 regions), and its briefings from the coverage API for the briefing filter.
import { useEffect } from 'react';
import type { CoverageBody } from '../../../exports/aggregates/types';
import { getSurveys, type SurveySummary } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { getJson, isSignedOut, type Session } from '../../lib/workspace-api';
import { regionsOf, type RegionName } from '../../lib/workspace-regions';
import type { BriefingOption } from './filter-bar';

export type SurveyContext =
  | { state: 'loading' }
  | { state: 'failed'; retry: () => void }
  | {
      state: 'ready';
      surveys: SurveySummary[];
      survey: SurveySummary;
      definition: Record<string, unknown>;
      /** All 20, in the survey's order (the tile map shows every one). */
      regions: RegionName[];
      /** The ones this account may read. */
      readable: RegionName[];
      briefings: BriefingOption[];
    };

export function useSurveyContext(
  session: Session,
  surveyId: string | null,
  onSignedOut: () => void,
): SurveyContext {
  const [surveys, retrySurveys] = useLoad(getSurveys, 'surveys');
  const list = surveys.state === 'ready' ? surveys.value : [];
  const survey = list.find((s) => s.id === surveyId) ?? list[0];
  const key = survey ? `${survey.id}/${survey.version}` : '';
  const [definition, retryDefinition] = useLoad(
    () =>
      survey
        ? getJson<{ definition: Record<string, unknown> }>(
            `/api/surveys/${encodeURIComponent(survey.id)}/versions/${survey.version}`,
          )
        : Promise.resolve(null),
    `definition:${key}`,
  );
  // Briefings only fill a filter: the page works without them.
  const [coverage] = useLoad(
    () =>
      survey
        ? getJson<CoverageBody>(`/api/surveys/${encodeURIComponent(survey.id)}/coverage`).catch(() => null)
        : Promise.resolve(null),
    `coverage:${key}`,
  );

  useEffect(() => {
    const failed = [surveys, definition].find((load) => load.state === 'failed');
    if (failed?.state === 'failed' && isSignedOut(failed.error)) onSignedOut();
  }, [surveys, definition, onSignedOut]);

  if (surveys.state === 'failed') return { state: 'failed', retry: retrySurveys };
  if (definition.state === 'failed') return { state: 'failed', retry: retryDefinition };
  if (surveys.state === 'loading' || definition.state === 'loading' || !survey || !definition.value)
    return { state: 'loading' };
  const regions = regionsOf(definition.value.definition);
  return {
    state: 'ready',
    surveys: list,
    survey,
    definition: definition.value.definition,
    regions,
    readable: regions.filter((r) => session.regions === null || session.regions.includes(r.code)),
    briefings: coverage.state === 'ready' && coverage.value ? coverage.value.briefings : [],
  };
}
