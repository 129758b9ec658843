// Reply shapes of the survey routes that publish versions: a draft's findings and its changes against the last version.
export type { SurveyDraft } from '../../domain/survey-drafts';
export type { VersionChange } from '../../catalog/version-diff';
