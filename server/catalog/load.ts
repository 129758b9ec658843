// Loads surveys/<id>/v<N>.json, checks each version with survey-core and compiles its validator.
// Pure of HTTP and SQL: publication (freezing the hash) is the caller's business.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Model } from 'survey-core';
import { canonicalJson, sha256Hex } from './canonical-json';
import { REGION_CODES } from './regions';
import { registerCustomProperties } from './serializer';
import { findTranslationProblems } from './translations';
import type { AnswerValidator, LocalizedText, SurveyJson } from './types';
import { compileValidator } from './validator';

export const SURVEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const VERSION_FILE_PATTERN = /^v([1-9]\d{0,5})\.json$/;
/** Question types that would carry files or drawings: too big for a phone in a weak hall, and not analysable. */
const FORBIDDEN_TYPES = new Set(['file', 'signaturepad']);

export interface SurveyVersion {
  surveyId: string;
  version: number;
  /** Path shown in messages, relative to the working directory. */
  file: string;
  /** sha256 of the canonical JSON: reformatting a file does not change it, any content change does. */
  sha256: string;
  definition: SurveyJson;
  title: LocalizedText;
  validate: AnswerValidator;
  /** Names of questions marked `pii: true`, stored apart from the answers. */
  piiQuestions: ReadonlySet<string>;
}

export interface SurveyEntry {
  id: string;
  /** Ascending by version number. */
  versions: readonly SurveyVersion[];
  newest: SurveyVersion;
}

export interface Catalog {
  surveys: readonly SurveyEntry[];
  getSurvey(id: string): SurveyEntry | undefined;
  getVersion(id: string, version: number): SurveyVersion | undefined;
}

export interface CatalogLoad {
  catalog: Catalog;
  warnings: string[];
}

/** Every reason the catalog refused to load, each naming the file and, where it applies, the question. */
export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(`survey catalog refused:\n  - ${problems.join('\n  - ')}`);
  }
}

function checkVersion(file: string, definition: SurveyJson): { problems: string[]; model: Model } {
  const problems: string[] = [];
  const model = new Model(definition);
  for (const e of model.jsonErrors ?? []) problems.push(`${file}: ${e.message}`);
  const seen = new Set<string>();
  for (const q of model.getAllQuestions(false, true)) {
    if (seen.has(q.name)) problems.push(`${file}: question name "${q.name}" is used twice`);
    seen.add(q.name);
    if (FORBIDDEN_TYPES.has(q.getType()))
      problems.push(
        `${file}: question "${q.name}" is of type ${q.getType()}, which Saualnama does not accept`,
      );
  }
  const region = model.getQuestionByName('region');
  if (!region)
    problems.push(`${file}: has no question named "region" (every survey asks the respondent's region)`);
  else {
    const codes = ((region as unknown as { choices?: { value: unknown }[] }).choices ?? []).map(
      (c) => c.value,
    );
    const same = codes.length === REGION_CODES.length && REGION_CODES.every((c) => codes.includes(c));
    if (!same) problems.push(`${file}: question "region" must offer exactly the 20 ISO 3166-2:KZ codes`);
  }
  return { problems, model };
}

function readVersion(dir: string, surveyId: string, name: string, problems: string[], warnings: string[]) {
  const path = join(dir, surveyId, name);
  const file = relative(process.cwd(), path) || path;
  const version = Number(VERSION_FILE_PATTERN.exec(name)?.[1]);
  let definition: SurveyJson;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not a JSON object');
    definition = parsed as SurveyJson;
  } catch (error) {
    problems.push(`${file}: does not load: ${(error as Error).message}`);
    return undefined;
  }
  const checked = checkVersion(file, definition);
  problems.push(...checked.problems);
  for (const t of findTranslationProblems(definition)) warnings.push(`${file}: ${t.path}: ${t.message}`);
  let validate: AnswerValidator;
  try {
    validate = compileValidator(definition, { regionCodes: REGION_CODES });
  } catch (error) {
    problems.push(`${file}: ${(error as Error).message}`);
    return undefined;
  }
  const piiQuestions = new Set(
    checked.model
      .getAllQuestions(false, true)
      .filter((q) => q.getPropertyValue('pii') === true)
      .map((q) => q.name),
  );
  const title = (definition.title as LocalizedText | undefined) ?? surveyId;
  const sha256 = sha256Hex(canonicalJson(definition));
  return {
    surveyId,
    version,
    file,
    sha256,
    definition,
    title,
    validate,
    piiQuestions,
  } satisfies SurveyVersion;
}

export function loadCatalog(dir: string): CatalogLoad {
  registerCustomProperties();
  const problems: string[] = [];
  const warnings: string[] = [];
  const surveys: SurveyEntry[] = [];
  const ids = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
  for (const id of ids) {
    if (!SURVEY_ID_PATTERN.test(id)) {
      problems.push(`${join(dir, id)}: survey folder names are lower-case letters, digits and dashes`);
      continue;
    }
    const names = readdirSync(join(dir, id)).filter((n) => VERSION_FILE_PATTERN.test(n));
    const versions = names
      .map((n) => readVersion(dir, id, n, problems, warnings))
      .filter((v) => v !== undefined)
      .sort((a, b) => a.version - b.version);
    const newest = versions.at(-1);
    if (newest) surveys.push({ id, versions, newest });
    else if (names.length === 0) warnings.push(`${join(dir, id)}: no v<N>.json files, ignored`);
  }
  if (problems.length > 0) throw new CatalogError(problems);
  const byId = new Map(surveys.map((s) => [s.id, s]));
  return {
    warnings,
    catalog: {
      surveys,
      getSurvey: (id) => byId.get(id),
      getVersion: (id, version) => byId.get(id)?.versions.find((v) => v.version === version),
    },
  };
}
