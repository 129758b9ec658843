// The checks `npm run cli -- check` runs on one survey file, each finding named by its JSON path.
// Stricter than start-up (which only refuses what would break the server): this is the author's gate.
import { Model } from 'survey-core';
import { REGION_CODES } from './regions';
import { registerCustomProperties } from './serializer';
import type { FindingCode, FindingParams } from './finding-codes';
import { findTranslationProblems } from './translations';
import type { SurveyJson } from './types';
import { compileValidator } from './validator';

export interface Finding {
  severity: 'error' | 'warning';
  /** JSON path inside the file, e.g. pages[1].elements[3].choices[2].text; '' for the file as a whole. */
  path: string;
  /** In English, for the CLI; the workspace says it in the reader's language from `code` and `params`. */
  message: string;
  /** Set on every finding of one definition (what the workspace shows); the CLI's file-level ones have none. */
  code?: FindingCode;
  params?: FindingParams;
}

/** What the cross-version check needs to know about one question. */
export interface QuestionFacts {
  name: string;
  type: string;
  path: string;
  /** Values a respondent can give, by list: choices (or rating values), rows, columns. */
  values: { choices: string[]; rows: string[]; columns: string[] };
  inputType: string | undefined;
}

/** Question types that would carry files or drawings: too big for a phone in a weak hall, and not analysable. */
const FORBIDDEN_TYPES = new Set(['file', 'signaturepad']);
const LOCALE_KEY = /^(default|[a-z]{2}(-[a-z]+)?)$/i;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function itemValue(item: unknown): unknown {
  return isObject(item) ? item.value : item;
}

/** rateValues when given, else rateMin..rateMax by rateStep, as survey-core builds the scale. */
function ratingValues(raw: Json): unknown[] {
  if (Array.isArray(raw.rateValues) && raw.rateValues.length > 0) return raw.rateValues.map(itemValue);
  const min = typeof raw.rateMin === 'number' ? raw.rateMin : 1;
  const max = typeof raw.rateMax === 'number' ? raw.rateMax : 5;
  const step = typeof raw.rateStep === 'number' && raw.rateStep > 0 ? raw.rateStep : 1;
  const out: number[] = [];
  for (let v = min; v <= max && out.length < 1000; v += step) out.push(v);
  return out;
}

/** Questions in definition order, with the JSON path of each (pages → panels → elements). */
function collectQuestions(definition: SurveyJson): { raw: Json; path: string }[] {
  const out: { raw: Json; path: string }[] = [];
  const visit = (elements: unknown, path: string): void => {
    if (!Array.isArray(elements)) return;
    elements.forEach((el: unknown, i) => {
      const here = `${path}[${i}]`;
      if (!isObject(el)) return;
      if (el.type === 'panel')
        visit(el.elements ?? el.questions, `${here}.${el.elements ? 'elements' : 'questions'}`);
      else out.push({ raw: el, path: here });
    });
  };
  if (Array.isArray(definition.pages)) {
    definition.pages.forEach((page: unknown, i) => {
      if (isObject(page))
        visit(page.elements ?? page.questions, `pages[${i}].${page.elements ? 'elements' : 'questions'}`);
    });
  } else visit(definition.elements, 'elements');
  return out;
}

function factsOf(raw: Json, path: string): QuestionFacts {
  const list = (key: string) =>
    Array.isArray(raw[key]) ? (raw[key] as unknown[]).map((i) => String(itemValue(i))) : [];
  const type = typeof raw.type === 'string' ? raw.type : '';
  return {
    name: typeof raw.name === 'string' ? raw.name : '',
    type,
    path,
    values: {
      choices: type === 'rating' ? ratingValues(raw).map(String) : list('choices'),
      rows: list('rows'),
      columns: list('columns'),
    },
    inputType: typeof raw.inputType === 'string' ? raw.inputType : undefined,
  };
}

/**
 * Values are compared as text: 1 and "1" are different JSON values, but they would make the same CSV column
 * (`<question>/1`) and the same chart label, so they count as a repeat.
 */
function checkUniqueValues(raw: Json, path: string, out: Finding[]): void {
  for (const key of ['choices', 'rows', 'columns', 'rateValues']) {
    const items = raw[key];
    if (!Array.isArray(items)) continue;
    const seen = new Map<string, number>();
    items.forEach((item: unknown, i) => {
      const value = itemValue(item);
      if (value === undefined || value === null || value === '') {
        out.push({
          severity: 'error',
          path: `${path}.${key}[${i}]`,
          message: 'has no value',
          code: 'no-value',
          params: {},
        });
        return;
      }
      const text = String(value);
      const first = seen.get(text);
      if (first === undefined) seen.set(text, i);
      else
        out.push({
          severity: 'error',
          path: `${path}.${key}[${i}]`,
          message: `value "${text}" repeats ${key}[${first}]`,
          code: 'value-repeats',
          params: { value: text, list: key, first: String(first) },
        });
    });
  }
}

function checkRegion(q: { raw: Json; path: string } | undefined, out: Finding[]): void {
  if (!q) {
    out.push({
      severity: 'error',
      path: '',
      message: 'has no question named "region" (every survey asks the respondent\'s region)',
      code: 'no-region',
      params: {},
    });
    return;
  }
  if (q.raw.type !== 'dropdown' && q.raw.type !== 'radiogroup')
    out.push({
      severity: 'error',
      path: q.path,
      message: `"region" must be a dropdown or radiogroup, not ${String(q.raw.type)}`,
      code: 'region-type',
      params: { type: String(q.raw.type) },
    });
  const codes = Array.isArray(q.raw.choices) ? q.raw.choices.map(itemValue) : [];
  const missing = REGION_CODES.filter((c) => !codes.includes(c));
  const extra = codes.filter((c) => !(REGION_CODES as readonly unknown[]).includes(c));
  if (missing.length > 0)
    out.push({
      severity: 'error',
      path: `${q.path}.choices`,
      message: `lacks region codes ${missing.join(', ')}`,
      code: 'region-lacks',
      params: { codes: missing.join(', ') },
    });
  if (extra.length > 0)
    out.push({
      severity: 'error',
      path: `${q.path}.choices`,
      message: `offers values that are not region codes: ${extra.map((c) => JSON.stringify(c)).join(', ')}`,
      code: 'region-extra',
      params: { values: extra.map((c) => JSON.stringify(c)).join(', ') },
    });
  for (const key of ['showOtherItem', 'showNoneItem', 'hasOther', 'hasNone'])
    if (q.raw[key] === true)
      out.push({
        severity: 'error',
        path: `${q.path}.${key}`,
        message: 'the region is exactly one of the 20 codes: no "other" or "none"',
        code: 'region-other',
        params: {},
      });
}

/** survey-core's own complaints (unknown properties, unknown types), located by the JSON object they came from. */
function checkSurveyCore(definition: SurveyJson, out: Finding[]): void {
  const paths = new Map<unknown, string>();
  const byText = new Map<string, string>();
  const index = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => index(n, `${path}[${i}]`));
    else if (isObject(node)) {
      paths.set(node, path);
      byText.set(JSON.stringify(node), path);
      for (const [k, v] of Object.entries(node)) index(v, path ? `${path}.${k}` : k);
    }
  };
  index(definition, '');
  let model: Model;
  try {
    model = new Model(definition);
  } catch (error) {
    out.push({
      severity: 'error',
      path: '',
      message: `survey-core cannot load it: ${(error as Error).message}`,
      code: 'survey-core',
      params: { detail: (error as Error).message },
    });
    return;
  }
  for (const e of model.jsonErrors ?? []) {
    // Items (choices) reach survey-core as copies, so fall back to finding the same JSON text.
    const path = paths.get(e.jsonObj) ?? byText.get(JSON.stringify(e.jsonObj ?? null)) ?? '';
    // An unknown survey-level property (aiHint from a newer Creator) changes no answer: the server only warns.
    const surveyLevel = e.type === 'unknownproperty' && e.jsonObj === definition;
    out.push({
      severity: surveyLevel ? 'warning' : 'error',
      path,
      message: `survey-core: ${e.message}`,
      code: 'survey-core',
      params: { detail: e.message },
    });
  }
}

/**
 * Localized texts under keys translations.ts does not list (e.g. selectToRankEmptyRankedAreaText) are shown to
 * respondents too; each is judged by the same rules by handing it over as a `title`.
 */
function checkAllTranslations(definition: SurveyJson, out: Finding[]): void {
  const found = findTranslationProblems(definition, true);
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        const here = path ? `${path}.${key}` : key;
        const keys = isObject(value) ? Object.keys(value) : [];
        const localized =
          keys.length > 0 &&
          keys.every((k) => LOCALE_KEY.test(k)) &&
          keys.some((k) => k === 'default' || k === 'kk' || k === 'ru');
        if (localized)
          for (const t of findTranslationProblems({ title: value }, true)) found.push({ ...t, path: here });
        else walk(value, here);
      }
    }
  };
  walk(definition, '');
  const seen = new Set<string>();
  for (const t of found) {
    const key = `${t.path}\n${t.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ severity: 'error', path: t.path, message: t.message, code: t.code, params: t.params });
  }
}

/** Checks one parsed definition; returns its findings and the facts the cross-version check needs. */
export function checkDefinition(definition: SurveyJson): { findings: Finding[]; questions: QuestionFacts[] } {
  registerCustomProperties();
  const out: Finding[] = [];
  checkSurveyCore(definition, out);
  const questions = collectQuestions(definition);
  const firstByName = new Map<string, string>();
  for (const { raw, path } of questions) {
    const name = raw.name;
    if (typeof name !== 'string' || name.trim() === '') {
      out.push({
        severity: 'error',
        path,
        message: 'a question without a name',
        code: 'unnamed-question',
        params: {},
      });
      continue;
    }
    const first = firstByName.get(name);
    if (first !== undefined)
      out.push({
        severity: 'error',
        path: `${path}.name`,
        message: `question name "${name}" is already used at ${first}`,
        code: 'name-used',
        params: { name, first },
      });
    else firstByName.set(name, path);
    if (typeof raw.type === 'string' && FORBIDDEN_TYPES.has(raw.type))
      out.push({
        severity: 'error',
        path: `${path}.type`,
        message: `question "${name}" is of type ${raw.type}, which Saualnama does not accept`,
        code: 'forbidden-type',
        params: { name, type: raw.type },
      });
    checkUniqueValues(raw, path, out);
  }
  checkRegion(
    questions.find((q) => q.raw.name === 'region'),
    out,
  );
  checkAllTranslations(definition, out);
  // The server judges every answer with this validator: a definition it cannot compile cannot take answers.
  try {
    compileValidator(definition, { regionCodes: REGION_CODES });
  } catch (error) {
    const message = (error as Error).message;
    const named = /question "([^"]+)"/.exec(message)?.[1];
    out.push({
      severity: 'error',
      path: (named && firstByName.get(named)) ?? '',
      message: `the answer validator refuses it: ${message}`,
      code: 'validator',
      params: { detail: message },
    });
  }
  return {
    findings: out,
    questions: questions.map(({ raw, path }) => factsOf(raw, path)).filter((q) => q.name !== ''),
  };
}
