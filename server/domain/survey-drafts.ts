// A draft of a survey's next version, from an uploaded definition or a translators' sheet: its number (one above
// every version the catalog knows, refused files included, so a version someone else added meanwhile is never
// reused), check's findings (errors block, warnings do not) and what changed since the newest version; and the
// judgement before publishing one.
import { compileVersion, isRefused, type Catalog } from '../catalog/load';
import { checkDefinition, type Finding } from '../catalog/check-definition';
import type { SurveyJson } from '../catalog/types';
import { diffVersions, type VersionChange } from '../catalog/version-diff';
import { Problem } from './problem';

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

/** What publishing stores: the number and the hash of the checked draft. */
export interface Publication {
  surveyId: string;
  version: number;
  sha256: string;
  definition: SurveyJson;
}

/**
 * Judges a draft for publishing as the version the admin previewed: 409 when that number is no longer the next one
 * (someone published meanwhile), 422 when check finds errors or the server could not serve it.
 */
export function preparePublication(
  catalog: Catalog,
  surveyId: string,
  definition: SurveyJson,
  previewed: number,
): Publication {
  const draft = draftVersion(catalog, surveyId, definition);
  if (!draft) throw new Problem('survey-not-found', `There is no survey "${surveyId}".`);
  if (draft.version !== previewed)
    throw new Problem(
      'version-taken',
      `v${previewed} of ${surveyId} is no longer the next version (the next is v${draft.version}): ` +
        'check the draft again to see what changed since.',
    );
  const errors = draft.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw new Problem(
      'draft-has-errors',
      `The draft has ${errors.length} error(s); correct them and check it again.`,
      errors.map((f) => ({ question: f.path || '(file)', message: f.message })),
    );
  // The start-up checks (a pii question inside a repeat, …) on top of check's: what the server would refuse to serve.
  const compiled = compileVersion(surveyId, draft.version, `${surveyId} v${draft.version}`, definition, []);
  if (isRefused(compiled))
    throw new Problem(
      'draft-has-errors',
      `The server could not serve this draft: ${compiled.reasons.join('; ')}.`,
      compiled.reasons.map((message) => ({ question: '(file)', message })),
    );
  return { surveyId, version: draft.version, sha256: compiled.sha256, definition };
}
