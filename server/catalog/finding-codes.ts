// What each of check's findings is about, as a code and its parameters, so that the workspace can say it in kk, ru
// or en (client/workspace/surveys/finding-strings.ts). `message` stays the English sentence the CLI prints.
export type FindingCode =
  | 'plain-string'
  | 'missing-text'
  | 'same-text'
  | 'value-without-text'
  | 'survey-core'
  | 'unnamed-question'
  | 'name-used'
  | 'forbidden-type'
  | 'no-value'
  | 'value-repeats'
  | 'no-region'
  | 'region-type'
  | 'region-lacks'
  | 'region-extra'
  | 'region-other'
  | 'validator';

/** Parameters a finding's words need: names, values and (for survey-core's and the validator's) their English. */
export type FindingParams = Record<string, string>;
