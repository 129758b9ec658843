// What each question of a survey is across the chosen versions: type, versions asking it, choices and labels in
// kk/ru/en. Read from the definitions' JSON once per export; shared by the CSV columns and the aggregates (issue 6).
import type { SurveyVersion } from '../server/catalog/load';
import type { Locale } from '../server/catalog/types';
import { mergeOrdered } from './merge';

export type Labels = Readonly<Record<Locale, string>>;
/** A stored choice value: SurveyJS keeps the JSON type, so 1 and "1" are different codes. */
export type Code = string | number | boolean;

export interface ChoiceInfo {
  code: Code;
  label: Labels;
  /** SurveyJS's generated items; `other` comes with a text in `<question>-Comment`. */
  special?: 'none' | 'refused' | 'dontknow' | 'other';
  /** Chosen alone (none, refused, don't know, or a choice marked isExclusive). */
  exclusive?: boolean;
}

/** How an answer is stored, which decides how it is flattened (types that store alike share a shape). */
export type Shape =
  | 'single'
  | 'multiple'
  | 'ranking'
  | 'matrix'
  | 'rating'
  | 'boolean'
  | 'text'
  | 'number'
  | 'multipletext'
  | 'matrixdropdown'
  /** A repeating group (dynamic panel, dynamic matrix): the main CSV shows its number of entries. */
  | 'repeat'
  | 'json';

export interface QuestionInfo {
  name: string;
  /** SurveyJS type in the newest chosen version that asks it. */
  type: string;
  shape: Shape;
  /** Chosen versions that ask it, ascending. A response of another version was not asked it. */
  versions: readonly number[];
  title: Labels;
  /** `pii: true`: contact details, stored apart, exported only on request, never aggregated. */
  pii: boolean;
  /** Choices (single, multiple, ranking), rate values (rating), true then false (boolean), answer columns (matrix). */
  choices: readonly ChoiceInfo[];
  /** Matrix rows, multipletext items, matrixdropdown rows. */
  rows: readonly ChoiceInfo[];
  /** matrixdropdown columns (code = column name). */
  cells: readonly ChoiceInfo[];
  /** The free text stored in `<question>-Comment`: the "other" text, or a comment area. */
  text?: 'other' | 'comment';
  /** The newest version's visibleIf: an empty cell may mean the question was not shown. */
  visibleIf?: string;
}

/** The parts of a SurveyVersion the flattening reads; tests build these from plain definitions. */
export type VersionInput = Pick<SurveyVersion, 'surveyId' | 'version' | 'definition' | 'piiQuestions'>;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** `{default, kk, ru}` or a plain string → kk/ru/en; `default` is English; a missing language falls back to English. */
export function labelsOf(text: unknown, fallback: string): Labels {
  if (typeof text === 'string' && text !== '') return { kk: text, ru: text, en: text };
  if (!isObject(text)) return { kk: fallback, ru: fallback, en: fallback };
  const en = str(text.en) ?? str(text.default) ?? fallback;
  return { kk: str(text.kk) ?? en, ru: str(text.ru) ?? en, en };
}

/** SurveyJS's built-in texts for the generated items, used when a definition does not set its own. */
const DEFAULT_TEXTS = {
  none: { kk: 'Ешқайсысы', ru: 'Ничего из перечисленного', en: 'None' },
  refused: { kk: 'Жауап бергім келмейді', ru: 'Отказываюсь отвечать', en: 'Refuse to answer' },
  dontknow: { kk: 'Білмеймін', ru: 'Не знаю', en: "Don't know" },
  other: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
  true: { kk: 'Иә', ru: 'Да', en: 'Yes' },
  false: { kk: 'Жоқ', ru: 'Нет', en: 'No' },
} satisfies Record<string, Labels>;

export function itemsOf(list: unknown): ChoiceInfo[] {
  if (!Array.isArray(list)) return [];
  const items: ChoiceInfo[] = [];
  for (const item of list) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      items.push({ code: item, label: labelsOf(undefined, String(item)) });
    else if (isObject(item)) {
      // Matrix-dropdown columns and multipletext items are named, choices and rows have values.
      const code = item.value ?? item.name;
      if (typeof code !== 'string' && typeof code !== 'number' && typeof code !== 'boolean') continue;
      const info: ChoiceInfo = { code, label: labelsOf(item.text ?? item.title, String(code)) };
      items.push(item.isExclusive === true ? { ...info, exclusive: true } : info);
    }
  }
  return items;
}

function specialItems(raw: Json): ChoiceInfo[] {
  const items: ChoiceInfo[] = [];
  const add = (flag: string, special: 'none' | 'refused' | 'dontknow', textKey: string) => {
    if (raw[flag] === true)
      items.push({ code: special, label: labelsOf(raw[textKey], ''), special, exclusive: true });
  };
  add('showNoneItem', 'none', 'noneText');
  add('showRefuseItem', 'refused', 'refuseText');
  add('showDontKnowItem', 'dontknow', 'dontKnowText');
  if (raw.showOtherItem === true)
    items.push({ code: 'other', label: labelsOf(raw.otherText, ''), special: 'other' });
  // An empty label means "not set in the definition": SurveyJS then shows its own text.
  return items.map((i) => (i.label.en === '' && i.special ? { ...i, label: DEFAULT_TEXTS[i.special] } : i));
}

function rateValues(raw: Json): ChoiceInfo[] {
  const listed = itemsOf(raw.rateValues);
  if (listed.length > 0) return listed;
  const min = Number(raw.rateMin ?? 1);
  const step = Number(raw.rateStep ?? 1);
  const count = Number(raw.rateCount ?? 0);
  const max = raw.rateMax !== undefined ? Number(raw.rateMax) : count > 0 ? min + (count - 1) * step : 5;
  const values: ChoiceInfo[] = [];
  for (let v = min; v <= max + 1e-9 && values.length < 100; v += step) {
    const value = Math.round(v * 1e6) / 1e6;
    values.push({ code: value, label: labelsOf(undefined, String(value)) });
  }
  // The scale's end descriptions say what the numbers mean: "1 (Not effective at all)".
  const describe = (i: ChoiceInfo | undefined, text: unknown) => {
    if (!i || text === undefined) return;
    const d = labelsOf(text, '');
    i.label = { kk: `${i.code} (${d.kk})`, ru: `${i.code} (${d.ru})`, en: `${i.code} (${d.en})` };
  };
  describe(values[0], raw.minRateDescription);
  describe(values.at(-1), raw.maxRateDescription);
  return values;
}

export function shapeOf(raw: Json): Shape | undefined {
  switch (raw.type) {
    case 'radiogroup':
    case 'dropdown':
      return 'single';
    case 'checkbox':
    case 'tagbox':
      return 'multiple';
    case 'ranking':
      return 'ranking';
    case 'matrix':
      return 'matrix';
    case 'rating':
      return 'rating';
    case 'boolean':
      return 'boolean';
    case 'text':
      return raw.inputType === 'number' || raw.inputType === 'range' ? 'number' : 'text';
    case 'comment':
      return 'text';
    case 'multipletext':
      return 'multipletext';
    case 'matrixdropdown':
      return 'matrixdropdown';
    case 'paneldynamic':
    case 'matrixdynamic':
      return 'repeat';
    // Shown or computed, never answered: nothing to export.
    case 'html':
    case 'image':
    case 'expression':
      return undefined;
    default:
      return 'json';
  }
}

export function choicesOf(raw: Json, shape: Shape): ChoiceInfo[] {
  switch (shape) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return [...itemsOf(raw.choices), ...specialItems(raw)];
    case 'matrix':
      return itemsOf(raw.columns);
    case 'rating':
      return rateValues(raw);
    case 'boolean':
      return [
        {
          code: (raw.valueTrue as Code | undefined) ?? true,
          label: raw.labelTrue ? labelsOf(raw.labelTrue, 'true') : DEFAULT_TEXTS.true,
        },
        {
          code: (raw.valueFalse as Code | undefined) ?? false,
          label: raw.labelFalse ? labelsOf(raw.labelFalse, 'false') : DEFAULT_TEXTS.false,
        },
      ];
    default:
      return [];
  }
}

export interface Found {
  raw: Json;
  shape: Shape;
  pii: boolean;
}

/** Answerable questions of one definition, in page order, panels opened (a dynamic panel is one question). */
export function questionsOf(v: VersionInput): Found[] {
  const found: Found[] = [];
  const walk = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const el of elements) {
      if (!isObject(el) || typeof el.name !== 'string') continue;
      if (el.type === 'panel') walk(el.elements ?? el.questions);
      else {
        const shape = shapeOf(el);
        if (shape) found.push({ raw: el, shape, pii: v.piiQuestions.has(el.name) || el.pii === true });
      }
    }
  };
  const pages = Array.isArray(v.definition.pages) ? v.definition.pages : [v.definition];
  for (const page of pages) if (isObject(page)) walk(page.elements ?? page.questions);
  return found;
}

export const codeKey = (c: Code): string => `${typeof c}:${String(c)}`;

/** Union of two lists of items by code, newest order first; older-only items after their predecessor. */
function mergeItems(lists: ChoiceInfo[][]): ChoiceInfo[] {
  return mergeOrdered(lists, (c) => codeKey(c.code));
}

/**
 * Per-question metadata over the chosen versions, in the newest version's order; a question only older versions
 * ask comes right after the question it followed there. Labels come from the newest version that has the item.
 */
export function describeQuestions(versions: readonly VersionInput[]): QuestionInfo[] {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const perVersion = newestFirst.map((v) => ({
    version: v.version,
    found: new Map(questionsOf(v).map((f) => [f.raw.name as string, f])),
  }));
  const names = mergeOrdered(
    perVersion.map((p) => [...p.found.keys()]),
    (n) => n,
  );
  return names.map((name) => {
    const asked = perVersion.filter((p) => p.found.has(name));
    const all = asked.map((p) => p.found.get(name)!);
    const newest = all[0]!;
    const { raw, shape } = newest;
    const text =
      raw.showOtherItem === true && shape !== 'matrix'
        ? 'other'
        : raw.showCommentArea === true || raw.hasComment === true
          ? 'comment'
          : undefined;
    const info: QuestionInfo = {
      name,
      type: String(raw.type),
      shape,
      versions: asked.map((p) => p.version).sort((a, b) => a - b),
      title: labelsOf(raw.title, name),
      pii: all.some((f) => f.pii),
      choices: mergeItems(all.filter((f) => f.shape === shape).map((f) => choicesOf(f.raw, shape))),
      rows: mergeItems(all.map((f) => itemsOf(f.shape === 'multipletext' ? f.raw.items : f.raw.rows))),
      cells: shape === 'matrixdropdown' ? mergeItems(all.map((f) => itemsOf(f.raw.columns))) : [],
      ...(text && { text }),
      ...(typeof raw.visibleIf === 'string' && { visibleIf: raw.visibleIf }),
    };
    return info;
  });
}
