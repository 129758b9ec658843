// A draft of a survey's next version, from an uploaded definition or a translators' sheet: its number (one above
// every version the catalog knows, refused files included, so a version someone else added meanwhile is never
// reused), check's findings (errors block, warnings do not) and what changed since the newest version.
import type { Catalog } from '../catalog/load';
import { checkDefinition, type Finding } from '../catalog/check-definition';
import type { SurveyJson } from '../catalog/types';
import { diffVersions, type VersionChange } from '../catalog/version-diff';

export interface SurveyDraft {
  surveyId: string;
  /** The newest version, which the changes are counted from. */
  since: number;
  version: number;
  definition: SurveyJson;
  findings: Finding[];
  errors: number;
  warnings: number;
  changes: VersionChange[];
}

export function nextVersionNumber(catalog: Catalog, surveyId: string): number {
  const served = catalog.getSurvey(surveyId)?.versions.map((v) => v.version) ?? [];
  const refused = catalog.refused.flatMap((r) =>
    r.surveyId === surveyId && Number.isInteger(r.version) ? [r.version as number] : [],
  );
  return Math.max(0, ...served, ...refused) + 1;
}

/** undefined when the catalog serves no such survey. */
export function draftVersion(
  catalog: Catalog,
  surveyId: string,
  definition: SurveyJson,
): SurveyDraft | undefined {
  const survey = catalog.getSurvey(surveyId);
  if (!survey) return undefined;
  const { findings } = checkDefinition(definition);
  return {
    surveyId,
    since: survey.newest.version,
    version: nextVersionNumber(catalog, surveyId),
    definition,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    changes: diffVersions(survey.newest.definition, definition),
  };
}
