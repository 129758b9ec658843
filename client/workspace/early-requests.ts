// What the first screen of the section an address opens waits on, asked for by main.tsx before React renders and
// beside the session: the dashboard's survey list, the survey's definition and its summary. Issue 13: the summary
// left ~1 s after navigation, behind the session, the section's code and the survey list, one after another.
import type { SurveySummary } from '../lib/api';
import { askEarly } from '../lib/workspace-api';
import { readFilters, summaryPath } from './dashboard/query';

/** A survey version's definition: one spelling for use-survey-definition.ts and the early ask. */
export const definitionPath = (survey: Pick<SurveySummary, 'id' | 'version'>): string =>
  `/api/surveys/${encodeURIComponent(survey.id)}/versions/${survey.version}`;

export function askFirstRequests(pathname: string, search: string): void {
  if (!/^\/workspace\/dashboard\/?$/.test(pathname)) return;
  const filters = readFilters(new URLSearchParams(search));
  const surveys = askEarly<unknown>('/api/surveys');
  const id = filters.survey;
  // Without a survey in the address the page opens the most answered one, known only from the counts: no guessing.
  if (!id) return;
  // Asked before anyone knows whether the reader is signed in: a 401 here is asked again after signing in.
  askEarly(summaryPath(id, filters));
  surveys.then(
    (list) => {
      const survey = Array.isArray(list) ? (list as SurveySummary[]).find((s) => s.id === id) : undefined;
      if (survey) askEarly(definitionPath(survey));
    },
    () => undefined,
  );
}
