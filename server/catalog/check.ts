// `npm run cli -- check` as a pure function: every survey version in a folder, each file's findings by JSON path,
// plus what only shows across versions (a name that changed its meaning, choices that disappeared).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkDefinition, type Finding, type QuestionFacts } from './check-definition';
import { loadCatalog, refusalLines, SURVEY_ID_PATTERN } from './load';
import type { SurveyJson } from './types';

export type { Finding } from './check-definition';

export interface FileCheck {
  /** Relative to the working directory, as the catalog names files at start-up. */
  file: string;
  findings: Finding[];
}

export interface SurveysCheck {
  files: FileCheck[];
  errors: number;
  warnings: number;
}

const VERSION_FILE = /^v([1-9]\d{0,5})\.json$/;

/**
 * Types that store the same kind of value: switching between them changes how a question looks, not what its
 * answers mean, so old and new answers stay comparable under one name.
 */
function answerShape(q: QuestionFacts): string {
  if (q.type === 'radiogroup' || q.type === 'dropdown') return 'one choice';
  if (q.type === 'checkbox' || q.type === 'tagbox') return 'several choices';
  if ((q.type === 'text' && q.inputType !== 'number') || q.type === 'comment') return 'text';
  if (q.type === 'text') return 'number';
  return q.type;
}

/** Compares each question of a version with its last appearance in any earlier version. */
function checkAcrossVersions(
  versions: { version: number; check: FileCheck; questions: QuestionFacts[] }[],
): void {
  const last = new Map<string, { version: number; facts: QuestionFacts }>();
  for (const { version, check, questions } of versions) {
    for (const q of questions) {
      const before = last.get(q.name);
      if (before) {
        const was = before.facts;
        const since = `v${before.version}`;
        if (answerShape(was) !== answerShape(q)) {
          check.findings.push({
            severity: 'error',
            path: `${q.path}.type`,
            message:
              `question "${q.name}" was ${was.type}${was.inputType ? ` (${was.inputType})` : ''} in ${since} and is ` +
              `${q.type}${q.inputType ? ` (${q.inputType})` : ''} now: a name keeps its meaning across versions, ` +
              'so a question with a new kind of answer needs a new name',
          });
        } else if (was.type !== q.type) {
          check.findings.push({
            severity: 'warning',
            path: `${q.path}.type`,
            message: `question "${q.name}" is shown as ${q.type} instead of ${was.type} (${since}); its answers stay comparable`,
          });
        }
        for (const key of ['choices', 'rows', 'columns'] as const) {
          const removed = was.values[key].filter((v) => !q.values[key].includes(v));
          if (removed.length > 0 && was.values[key].length > 0 && q.values[key].length > 0)
            check.findings.push({
              severity: 'warning',
              path: `${q.path}.${key}`,
              message: `${key} of "${q.name}" removed since ${since}: ${removed.join(', ')} (older answers keep them)`,
            });
        }
      }
      last.set(q.name, { version, facts: q });
    }
  }
}

function readDefinition(path: string): SurveyJson {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('not a JSON object');
  return parsed as SurveyJson;
}

function checkSurveyFolder(dir: string, id: string, files: FileCheck[]): void {
  const folder = join(dir, id);
  const names = readdirSync(folder).sort();
  const versions: { version: number; check: FileCheck; questions: QuestionFacts[] }[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const check: FileCheck = { file: relative(process.cwd(), path) || path, findings: [] };
    const match = VERSION_FILE.exec(name);
    if (!match) {
      // The catalog skips such files silently; an author who wrote "v2.JSON" deserves to hear it.
      if (statSync(path).isFile())
        files.push({
          ...check,
          findings: [
            { severity: 'warning', path: '', message: 'not named v<N>.json, so the server ignores it' },
          ],
        });
      continue;
    }
    files.push(check);
    let definition: SurveyJson;
    try {
      definition = readDefinition(path);
    } catch (error) {
      check.findings.push({
        severity: 'error',
        path: '',
        message: `does not load: ${(error as Error).message}`,
      });
      continue;
    }
    const { findings, questions } = checkDefinition(definition);
    check.findings.push(...findings);
    versions.push({ version: Number(match[1]), check, questions });
  }
  versions.sort((a, b) => a.version - b.version);
  versions.forEach((v, i) => {
    if (v.version !== i + 1)
      v.check.findings.push({
        severity: 'warning',
        path: '',
        message: `versions of "${id}" are not numbered 1, 2, 3, … without gaps`,
      });
  });
  checkAcrossVersions(versions);
}

/**
 * The catalog's own load is the last word on what the server accepts. Its refusals are reported only for files
 * that the checks above found clean, where they would otherwise repeat the same problem in other words.
 */
function checkCatalogLoads(dir: string, files: FileCheck[]): FileCheck[] {
  const extra: FileCheck[] = [];
  for (const problem of refusalLines(loadCatalog(dir).catalog.refused)) {
    const owner = files.find((f) => problem.startsWith(`${f.file}: `));
    if (owner && owner.findings.some((f) => f.severity === 'error')) continue;
    const finding: Finding = {
      severity: 'error',
      path: '',
      message: owner ? problem.slice(owner.file.length + 2) : problem,
    };
    if (owner) owner.findings.push(finding);
    else extra.push({ file: relative(process.cwd(), dir) || dir, findings: [finding] });
  }
  return extra;
}

export function checkSurveys(dir: string): SurveysCheck {
  const files: FileCheck[] = [];
  const ids = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
  const general: Finding[] = [];
  if (ids.length === 0) general.push({ severity: 'error', path: '', message: 'holds no survey folders' });
  for (const id of ids) {
    if (!SURVEY_ID_PATTERN.test(id)) {
      general.push({
        severity: 'error',
        path: id,
        message: 'survey folder names are lower-case letters, digits and dashes',
      });
      continue;
    }
    checkSurveyFolder(dir, id, files);
  }
  const all = [...files, ...checkCatalogLoads(dir, files)];
  if (general.length > 0) all.push({ file: relative(process.cwd(), dir) || dir, findings: general });
  const count = (severity: Finding['severity']) =>
    all.reduce((n, f) => n + f.findings.filter((x) => x.severity === severity).length, 0);
  return { files: all, errors: count('error'), warnings: count('warning') };
}
