// The surveys, the one the address chose, and its newest definition (pages, titles, the 20 regions): what the
// dashboard, the region comparison, the exports and coverage each read before anything else.
import type { SurveySummary } from '../lib/api';
import { useLoad, type Load } from '../lib/use-load';
import { getJson, type Session } from '../lib/workspace-api';
import { useSurveyChoice } from './default-survey';
import { definitionPath } from './early-requests';

export type Definition = Record<string, unknown>;

/** The newest version's definition (a closed survey still serves its versions). */
export async function getDefinition(survey: SurveySummary): Promise<Definition> {
  const body = await getJson<{ definition: Definition }>(definitionPath(survey));
  return body.definition;
}

/** Whether this account may read the region's answers (no list: every region). */
export const mayRead = (session: Session, code: string): boolean =>
  session.regions === null || session.regions.includes(code);

export interface SurveyDefinition {
  surveys: Load<SurveySummary[]>;
  retrySurveys: () => void;
  /**
   * The survey asked for, else the one with the most responses (the first while counts load); undefined until the
   * list is in (or when it is empty).
   */
  survey: SurveySummary | undefined;
  /** `<id>/<version>`, or '' without a survey: the key of every load about this survey. */
  surveyKey: string;
  /** null while there is no survey. */
  definition: Load<Definition | null>;
  retryDefinition: () => void;
}

export function useSurveyDefinition(surveyId: string | null): SurveyDefinition {
  const { surveys, retrySurveys, survey } = useSurveyChoice(surveyId);
  const surveyKey = survey ? `${survey.id}/${survey.version}` : '';
  const [definition, retryDefinition] = useLoad(
    () => (survey ? getDefinition(survey) : Promise.resolve(null)),
    `definition:${surveyKey}`,
  );
  return { surveys, retrySurveys, survey, surveyKey, definition, retryDefinition };
}
