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

/** A version left out at start-up: the server serves the rest, admins see it listed, `check` fails on it. */
export interface RefusedVersion {
  surveyId: string;
  /** undefined when the folder itself is refused (a name that is not a survey id). */
  version: number | undefined;
  file: string;
  reasons: string[];
  /** Of the canonical JSON when the file parses: boot compares it with a published record (a changed file). */
  sha256: string | undefined;
}

export interface Catalog {
  surveys: readonly SurveyEntry[];
  /** Versions left out because they fail the checks, in folder and file order. */
  refused: readonly RefusedVersion[];
  getSurvey(id: string): SurveyEntry | undefined;
  getVersion(id: string, version: number): SurveyVersion | undefined;
}

export interface CatalogLoad {
  catalog: Catalog;
  warnings: string[];
}

/** Each refusal as one line naming the file and the reason (and the question, where it applies). */
export function refusalLines(refused: readonly RefusedVersion[]): string[] {
  return refused.flatMap((r) => r.reasons.map((reason) => `${r.file}: ${reason}`));
}

/**
 * survey-core's complaints about the JSON. An unknown property of the survey itself (e.g. `aiHint`, which newer
 * SurveyJS Creator versions write) changes nothing the server judges, so it is a warning; on a question or panel
 * an unknown property may be a rule the validator would not follow, so it stays a refusal.
 */
function jsonComplaints(definition: SurveyJson, model: Model, problems: string[], warnings: string[]): void {
  for (const e of model.jsonErrors ?? []) {
    const surveyLevel =
      e.type === 'unknownproperty' &&
      (e.jsonObj === definition || (e as { className?: string }).className === 'survey');
    if (surveyLevel) warnings.push(`${e.message} Ignored: it changes nothing the server checks.`);
    else problems.push(e.message);
  }
}

function checkVersion(definition: SurveyJson, warnings: string[]): { problems: string[]; model: Model } {
  const problems: string[] = [];
  const model = new Model(definition);
  jsonComplaints(definition, model, problems, warnings);
  const seen = new Set<string>();
  // The survey's own name scope: a dynamic panel's template and a matrix's columns have scopes of their own.
  for (const q of model.getAllQuestions(false, false)) {
    if (seen.has(q.name)) problems.push(`question name "${q.name}" is used twice`);
    seen.add(q.name);
  }
  const own = new Set(model.getAllQuestions(false, false));
  for (const q of model.getAllQuestions(false, true)) {
    if (FORBIDDEN_TYPES.has(q.getType()))
      problems.push(`question "${q.name}" is of type ${q.getType()}, which Saualnama does not accept`);
    // Contact details are stored apart from the answers by question name; inside a repeat they would not be.
    if (!own.has(q) && q.getPropertyValue('pii') === true)
      problems.push(
        `question "${q.name}" is marked pii inside a repeat, grid or item list, which is not supported`,
      );
  }
  const region = model.getQuestionByName('region');
  if (!region) problems.push(`has no question named "region" (every survey asks the respondent's region)`);
  else {
    const codes = ((region as unknown as { choices?: { value: unknown }[] }).choices ?? []).map(
      (c) => c.value,
    );
    const same = codes.length === REGION_CODES.length && REGION_CODES.every((c) => codes.includes(c));
    if (!same) problems.push(`question "region" must offer exactly the 20 ISO 3166-2:KZ codes`);
  }
  return { problems, model };
}

/** One version file: served (a SurveyVersion) or refused with every reason found. */
function readVersion(
  dir: string,
  surveyId: string,
  name: string,
  warnings: string[],
): SurveyVersion | RefusedVersion {
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
    return {
      surveyId,
      version,
      file,
      reasons: [`does not load: ${(error as Error).message}`],
      sha256: undefined,
    };
  }
  return compileVersion(surveyId, version, file, definition, warnings);
}

/**
 * One parsed definition, from a file or published in the workspace (`file` then says so): checked, hashed and its
 * validator compiled, or refused with every reason found.
 */
export function compileVersion(
  surveyId: string,
  version: number,
  file: string,
  definition: SurveyJson,
  warnings: string[],
): SurveyVersion | RefusedVersion {
  const sha256 = sha256Hex(canonicalJson(definition));
  const own: string[] = [];
  const checked = checkVersion(definition, own);
  warnings.push(...own.map((w) => `${file}: ${w}`));
  for (const t of findTranslationProblems(definition)) warnings.push(`${file}: ${t.path}: ${t.message}`);
  let validate: AnswerValidator | undefined;
  try {
    validate = compileValidator(definition, { regionCodes: REGION_CODES });
  } catch (error) {
    checked.problems.push((error as Error).message);
  }
  if (checked.problems.length > 0 || !validate)
    return { surveyId, version, file, reasons: checked.problems, sha256 };
  const piiQuestions = new Set(
    checked.model
      .getAllQuestions(false, false)
      .filter((q) => q.getPropertyValue('pii') === true)
      .map((q) => q.name),
  );
  const title = (definition.title as LocalizedText | undefined) ?? surveyId;
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

export const isRefused = (v: SurveyVersion | RefusedVersion): v is RefusedVersion => 'reasons' in v;

/**
 * Loads every version it can. A version that fails the checks is refused (listed in `catalog.refused`) and the
 * rest are served: one bad file brought by an author must not take every other survey down at start-up.
 */
export function loadCatalog(dir: string): CatalogLoad {
  registerCustomProperties();
  const warnings: string[] = [];
  const surveys: SurveyEntry[] = [];
  const refused: RefusedVersion[] = [];
  const ids = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
  for (const id of ids) {
    if (!SURVEY_ID_PATTERN.test(id)) {
      const file = relative(process.cwd(), join(dir, id)) || join(dir, id);
      refused.push({
        surveyId: id,
        version: undefined,
        file,
        reasons: ['survey folder names are lower-case letters, digits and dashes'],
        sha256: undefined,
      });
      continue;
    }
    const names = readdirSync(join(dir, id))
      .filter((n) => VERSION_FILE_PATTERN.test(n))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const versions: SurveyVersion[] = [];
    for (const n of names) {
      const read = readVersion(dir, id, n, warnings);
      if (isRefused(read)) refused.push(read);
      else versions.push(read);
    }
    versions.sort((a, b) => a.version - b.version);
    const newest = versions.at(-1);
    if (newest) surveys.push({ id, versions, newest });
    else if (names.length === 0) warnings.push(`${join(dir, id)}: no v<N>.json files, ignored`);
  }
  return { warnings, catalog: catalogOf(surveys, refused) };
}

/** A catalog over these surveys (each with its versions ascending) and refusals. */
export function catalogOf(surveys: readonly SurveyEntry[], refused: readonly RefusedVersion[]): Catalog {
  const byId = new Map(surveys.map((s) => [s.id, s]));
  return {
    surveys,
    refused,
    getSurvey: (id) => byId.get(id),
    getVersion: (id, version) => byId.get(id)?.versions.find((v) => v.version === version),
  };
}
