// What both the dashboard and the region comparison need before any chart: the surveys, the chosen one's newest
// definition (pages, titles, the 20 regions), and its briefings from the coverage API for the briefing filter.
import type { CoverageBody } from '../../../server/http/contract/aggregates';
import type { SurveySummary } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { getJson, type Session } from '../../lib/workspace-api';
import { regionsOf, type RegionName } from '../../lib/workspace-regions';
import { useSignedOut } from '../coverage/use-survey-view';
import { mayRead, useSurveyDefinition, type Definition } from '../use-survey-definition';
import type { BriefingOption } from './filter-bar';

export type SurveyContext =
  | { state: 'loading' }
  | { state: 'failed'; retry: () => void }
  | {
      state: 'ready';
      surveys: SurveySummary[];
      survey: SurveySummary;
      definition: Definition;
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
  const { surveys, retrySurveys, survey, surveyKey, definition, retryDefinition } =
    useSurveyDefinition(surveyId);
  // Briefings only fill a filter: the page works without them.
  const [coverage] = useLoad(
    () =>
      survey
        ? getJson<CoverageBody>(`/api/surveys/${encodeURIComponent(survey.id)}/coverage`).catch(() => null)
        : Promise.resolve(null),
    `coverage:${surveyKey}`,
  );
  useSignedOut([surveys, definition], onSignedOut);

  if (surveys.state === 'failed') return { state: 'failed', retry: retrySurveys };
  if (definition.state === 'failed') return { state: 'failed', retry: retryDefinition };
  if (surveys.state === 'loading' || definition.state === 'loading' || !survey || !definition.value)
    return { state: 'loading' };
  const regions = regionsOf(definition.value);
  return {
    state: 'ready',
    surveys: surveys.value,
    survey,
    definition: definition.value,
    regions,
    readable: regions.filter((r) => mayRead(session, r.code)),
    briefings: coverage.state === 'ready' && coverage.value ? coverage.value.briefings : [],
  };
}
