// The variables a statistics package makes of one CSV export: a name it accepts, a label in the chosen language, a
// type, value labels where the cells hold codes, and the versions that did not ask the question (not asked is a
// missing value of its own). Built from the export plan, as the data dictionary is; spss.ts, stata.ts and r.ts
// only spell it out.
import { REGIONS } from '../../server/catalog/regions';
import { LOCALES, type Locale } from '../../server/catalog/types';
import type { Column, ExportPlan } from '../columns';
import { FIXED_TITLES } from '../dictionary';
import { QUALITY_TITLES } from '../quality-columns';
import type { ChoiceInfo, Labels } from '../questions';
import type { LabelMode } from '../rows';

export type VariableType = 'number' | 'integer' | 'string' | 'datetime';

export interface ValueLabel {
  /** The cell as written in the CSV: a number for numeric variables, else the text. */
  code: number | string;
  label: string;
}

export interface SyntaxVariable {
  /** The CSV header, as written. */
  column: string;
  /** ASCII letters, digits and `_`, starting with a letter, at most 32 characters, unique ignoring case. */
  name: string;
  label: string;
  type: VariableType;
  /** UTF-8 bytes a string cell may take (SPSS widths count bytes). */
  width: number;
  values: readonly ValueLabel[];
  /** Categories (a single choice, a matrix row, region, locale): a factor in R; counts and scales stay numbers. */
  factor: boolean;
  /** Versions among the exported ones that did not ask the question: its empty cells there are "not asked". */
  notAskedIn: readonly number[];
}

/** Cells of free text: wide enough for any answer the forms take. */
export const TEXT_WIDTH = 4000;
/** Stata's limit, the tightest of the three. */
const MAX_NAME = 32;
/** Words SPSS or Stata keep for themselves; a column of that name gets a `v_` in front. */
const RESERVED = new Set(
  'all and by eq ge gt le lt ne not or to with _all _b byte _coef _cons double float if in int long _n _pi _pred _rc _skip strl using'.split(
    ' ',
  ),
);

const CHOSEN: Labels = { kk: 'таңдалды', ru: 'выбрано', en: 'chosen' };
const NOT_CHOSEN: Labels = { kk: 'таңдалмады', ru: 'не выбрано', en: 'not chosen' };
const YES: Labels = { kk: 'иә', ru: 'да', en: 'yes' };
const NO: Labels = { kk: 'жоқ', ru: 'нет', en: 'no' };
const OTHER: Labels = { kk: 'басқа', ru: 'другое', en: 'other' };
const COMMENT: Labels = { kk: 'түсініктеме', ru: 'комментарий', en: 'comment' };
const LOCALE_NAMES: Record<Locale, Labels> = {
  kk: { kk: 'қазақша', ru: 'казахский', en: 'Kazakh' },
  ru: { kk: 'орысша', ru: 'русский', en: 'Russian' },
  en: { kk: 'ағылшынша', ru: 'английский', en: 'English' },
};

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** `activity_fields/social_help` → `activity_fields_social_help`; unique, short enough, never a reserved word. */
export function variableNamer(): (column: string, fallback: number) => string {
  const taken = new Set<string>();
  return (column, fallback) => {
    let base = column
      .replace(/%[0-9A-F]{2}/g, '_')
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/_+/g, '_')
      .replace(/^_|_$/g, '');
    if (base === '') base = `v${fallback}`;
    if (!/^[A-Za-z]/.test(base) || RESERVED.has(base.toLowerCase())) base = `v_${base}`;
    base = base.slice(0, MAX_NAME).replace(/_$/, '');
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++)
      name = `${base.slice(0, MAX_NAME - String(n).length - 1)}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  };
}

const numeric = (choices: readonly ChoiceInfo[]) =>
  choices.length > 0 && choices.every((c) => typeof c.code === 'number');

function labelled(choices: readonly ChoiceInfo[], lang: Locale): ValueLabel[] {
  return choices.map((c) => ({
    code: typeof c.code === 'number' ? c.code : String(c.code),
    label: c.label[lang],
  }));
}

function widthOf(values: readonly string[]): number {
  return Math.max(8, ...values.map(bytes));
}

interface Shape {
  type: VariableType;
  values?: readonly ValueLabel[];
  /** Texts the string cells can hold (codes or labels), for the width; free text without. */
  texts?: readonly string[];
  factor?: boolean;
}

/** What a cell of `column` holds in a CSV written with `labels`. */
function shapeOf(column: Column, labels: LabelMode, lang: Locale): Shape {
  const codes = labels === 'values';
  const choiceShape = (choices: readonly ChoiceInfo[]): Shape =>
    !codes
      ? { type: 'string', texts: choices.map((c) => c.label[labels]) }
      : numeric(choices)
        ? { type: 'number', values: labelled(choices, lang), factor: true }
        : {
            type: 'string',
            values: labelled(choices, lang),
            texts: choices.map((c) => String(c.code)),
            factor: true,
          };
  const flag = (yes: Labels, no: Labels): Shape => ({
    type: 'integer',
    values: [
      { code: 1, label: yes[lang] },
      { code: 0, label: no[lang] },
    ],
  });
  switch (column.kind) {
    case 'fixed':
      switch (column.name) {
        case 'version':
          return { type: 'integer' };
        case 'submitted_at':
          return { type: 'datetime' };
        case 'region':
          return {
            type: 'string',
            values: REGIONS.map((r) => ({ code: r.code, label: r.name[lang] })),
            texts: REGIONS.map((r) => r.code),
            factor: true,
          };
        case 'region_name':
          return { type: 'string', texts: REGIONS.flatMap((r) => LOCALES.map((l) => r.name[l])) };
        case 'locale':
          return {
            type: 'string',
            values: LOCALES.map((l) => ({ code: l, label: LOCALE_NAMES[l][lang] })),
            texts: [...LOCALES],
            factor: true,
          };
        case 'response_id':
          return { type: 'string', texts: ['00000000-0000-0000-0000-000000000000'] };
        case 'survey':
        case 'briefing':
          // Survey ids and briefing slugs are at most 100 characters (request.ts, the catalog).
          return { type: 'string', texts: ['x'.repeat(100)] };
        default:
          return { type: 'string' };
      }
    case 'quality':
      return column.name === 'started_at'
        ? { type: 'datetime' }
        : column.name === 'duration_s'
          ? { type: 'integer' }
          : flag(YES, NO);
    case 'choice':
      return flag(CHOSEN, NOT_CHOSEN);
    case 'code':
      return flag(YES, NO);
    case 'rank':
      return { type: 'integer' };
    case 'row':
      return column.question.shape === 'matrix' ? choiceShape(column.question.choices) : { type: 'string' };
    case 'value': {
      const q = column.question;
      switch (q.shape) {
        case 'single':
          return choiceShape(q.choices);
        case 'rating':
          // Ratings stay numbers whatever the label language (rows.ts).
          return {
            type: 'number',
            values: labelled(q.choices, lang).filter((v) => typeof v.code === 'number'),
          };
        case 'boolean': {
          const [yes, no] = q.choices;
          return flag(yes?.label ?? YES, no?.label ?? NO);
        }
        case 'number':
          return { type: 'number' };
        case 'repeat':
          return { type: 'integer' };
        default:
          return { type: 'string' };
      }
    }
    default:
      return { type: 'string' };
  }
}

/** "Title: item" in `lang`, the way the dictionary names a column of a question. */
function labelOf(column: Column, lang: Locale): string {
  switch (column.kind) {
    case 'fixed':
    case 'not-asked':
      return FIXED_TITLES[column.name]?.[lang] ?? column.name;
    case 'quality':
      return QUALITY_TITLES[column.name][lang];
    case 'code':
      return `${column.of.title[lang]}: ${column.labels[lang]}`;
    case 'choice':
    case 'rank':
      return `${column.question.title[lang]}: ${column.choice.label[lang]}`;
    case 'row':
      return `${column.question.title[lang]}: ${column.row.label[lang]}`;
    case 'cell':
      return `${column.question.title[lang]}: ${column.row.label[lang]}: ${column.cell.label[lang]}`;
    case 'text':
      return `${column.question.title[lang]} (${(column.which === 'other' ? OTHER : COMMENT)[lang]})`;
    case 'value':
      return column.question.title[lang];
  }
}

/** The variables of the CSV of `plan` written with `labels`, labelled in `lang`. */
export function syntaxVariables(plan: ExportPlan, labels: LabelMode, lang: Locale): SyntaxVariable[] {
  const name = variableNamer();
  return plan.columns.map((column, i) => {
    const shape = shapeOf(column, labels, lang);
    const q = 'question' in column ? column.question : column.kind === 'code' ? column.of : undefined;
    const type = shape.type;
    return {
      column: column.name,
      name: name(column.name, i + 1),
      label: labelOf(column, lang),
      type,
      width: type !== 'string' ? 0 : shape.texts ? widthOf(shape.texts) : TEXT_WIDTH,
      values: shape.values ?? [],
      factor: shape.factor === true,
      notAskedIn: q ? plan.versions.filter((v) => !q.versions.includes(v)) : [],
    };
  });
}
