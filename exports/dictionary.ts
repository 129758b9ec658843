// The data dictionary: what each column of an export holds, in kk/ru/en. Tidy, long format: one row per column,
// or one row per (column, value) where a cell holds codes, so a filter on `column` shows all its values.
import { REGIONS } from '../server/catalog/regions';
import { LOCALES, type Locale } from '../server/catalog/types';
import type { Column, ExportPlan } from './columns';
import { csvDocument, type CsvDialect } from './csv';
import {
  DUPLICATE_WINDOW_MINUTES,
  QUALITY_TITLES,
  qualityNotes,
  type QualityColumnName,
} from './quality-columns';
import type { ChoiceInfo, Labels, QuestionInfo } from './questions';

export const DICTIONARY_HEADER = [
  'column',
  'question',
  'type',
  'versions',
  'title_kk',
  'title_ru',
  'title_en',
  'item',
  'item_kk',
  'item_ru',
  'item_en',
  'value',
  'value_kk',
  'value_ru',
  'value_en',
  'note',
] as const;

/** Titles of the fixed columns and `__not_asked` (the statistics syntax files label their variables with them). */
export const FIXED_TITLES: Record<string, Labels> = {
  response_id: { kk: 'Жауап идентификаторы', ru: 'Идентификатор ответа', en: 'Response id' },
  survey: { kk: 'Сауалнама', ru: 'Анкета', en: 'Survey' },
  version: { kk: 'Сауалнама нұсқасы', ru: 'Версия анкеты', en: 'Survey version' },
  submitted_at: { kk: 'Жіберілген уақыты (UTC)', ru: 'Время отправки (UTC)', en: 'Submitted at (UTC)' },
  locale: { kk: 'Толтыру тілі', ru: 'Язык заполнения', en: 'Language of the form' },
  region: {
    kk: 'Өңір коды (ISO 3166-2:KZ)',
    ru: 'Код региона (ISO 3166-2:KZ)',
    en: 'Region code (ISO 3166-2:KZ)',
  },
  region_name: { kk: 'Өңір атауы', ru: 'Название региона', en: 'Region name' },
  briefing: { kk: 'Брифинг', ru: 'Брифинг', en: 'Briefing' },
  __not_asked: {
    kk: 'Осы жауаптың нұсқасында қойылмаған сұрақтар',
    ru: 'Вопросы, которых не было в версии этого ответа',
    en: "Questions this response's version did not ask",
  },
};

const FIXED_NOTES: Record<string, string> = {
  submitted_at: 'ISO 8601, UTC',
  region_name: 'in the label language of the export (English for labels=values)',
  briefing: 'slug of the briefing link the respondent came through; empty if none',
  __not_asked:
    'question names separated by ";"; a question listed here is empty because it was not asked, not skipped',
};

const QUALITY_TYPES: Record<QualityColumnName, string> = {
  started_at: 'datetime',
  duration_s: 'number',
  flag_straightlining: 'flag',
  flag_duplicate: 'flag',
  flag_fast: 'flag',
};
const QUALITY_NOTES = qualityNotes(DUPLICATE_WINDOW_MINUTES);

const LOCALE_NAMES: Record<Locale, Labels> = {
  kk: { kk: 'қазақша', ru: 'казахский', en: 'Kazakh' },
  ru: { kk: 'орысша', ru: 'русский', en: 'Russian' },
  en: { kk: 'ағылшынша', ru: 'английский', en: 'English' },
};

/** 1,2,3,5 → "1-3,5": the versions that ask a question, among the chosen ones. */
export function versionRange(versions: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < versions.length) {
    let j = i;
    while (j + 1 < versions.length && versions[j + 1] === versions[j]! + 1) j++;
    parts.push(i === j ? String(versions[i]) : `${versions[i]}-${versions[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

const three = (l: Labels | undefined) => LOCALES.map((lang) => l?.[lang] ?? '');

function questionNote(q: QuestionInfo, plan: ExportPlan, extra: string): string {
  const notes = [extra];
  const missing = plan.versions.filter((v) => !q.versions.includes(v));
  if (missing.length > 0)
    notes.push(`not asked in version ${versionRange(missing)}: empty, and listed in __not_asked`);
  if (q.visibleIf) notes.push(`shown only if ${q.visibleIf}`);
  if (q.pii) notes.push('personal data');
  return notes.filter(Boolean).join('; ');
}

/** What a column's cell holds, in words, and the values it can take (with labels) where it holds codes. */
function describe(column: Column): {
  item?: ChoiceInfo;
  values: readonly ChoiceInfo[];
  note: string;
  type: string;
} {
  switch (column.kind) {
    case 'choice':
      return {
        item: column.choice,
        values: [],
        type: column.question.type,
        note: '1 = chosen, 0 = answered without it, empty = not answered',
      };
    case 'rank':
      return {
        item: column.choice,
        values: [],
        type: 'ranking',
        note: 'rank, 1 = first; empty = not ranked',
      };
    case 'row':
      return column.question.shape === 'matrix'
        ? { item: column.row, values: column.question.choices, type: 'matrix', note: 'one answer per row' }
        : { item: column.row, values: [], type: column.question.type, note: '' };
    case 'cell':
      return {
        item: column.row,
        values: [],
        type: column.question.type,
        note: `column ${String(column.cell.code)}`,
      };
    case 'text':
      return column.which === 'other'
        ? {
            item: column.question.choices.find((c) => c.special === 'other'),
            values: [],
            type: 'text',
            note: 'text of the "other" choice; non-empty exactly when "other" was chosen',
          }
        : { values: [], type: 'text', note: 'comment' };
    case 'value': {
      const q = column.question;
      if (q.shape === 'boolean') {
        const [yes, no] = q.choices;
        return {
          values: [yes && { ...yes, code: 1 }, no && { ...no, code: 0 }].filter((c) => c !== undefined),
          type: q.type,
          note: `1 = ${String(yes?.code)}, 0 = ${String(no?.code)}`,
        };
      }
      if (q.shape === 'multiple' || q.shape === 'ranking')
        return {
          values: q.choices,
          type: q.type,
          note: q.shape === 'ranking' ? 'codes in rank order, separated by ";"' : 'codes separated by ";"',
        };
      if (q.shape === 'repeat')
        return { values: [], type: 'number', note: 'number of entries of this repeating group' };
      if (q.shape === 'json') return { values: [], type: q.type, note: 'the stored answer as JSON' };
      return { values: q.choices, type: q.shape === 'number' ? 'number' : q.type, note: '' };
    }
    case 'code':
      return {
        values: [],
        type: 'code',
        note: `code "${column.code}" of ${column.of.name}: 1 = the answer was given this code, 0 = coded without it, empty = not coded (not asked, not answered, or not coded yet)`,
      };
    default:
      return { values: [], type: 'fixed', note: '' };
  }
}

const FLAG_VALUES: ChoiceInfo[] = [
  { code: 1, label: { kk: 'иә', ru: 'да', en: 'yes' } },
  { code: 0, label: { kk: 'жоқ', ru: 'нет', en: 'no' } },
];

function fixedValues(name: string): ChoiceInfo[] {
  if (name.startsWith('flag_')) return FLAG_VALUES;
  if (name === 'region') return REGIONS.map((r) => ({ code: r.code, label: r.name }));
  if (name === 'locale') return LOCALES.map((l) => ({ code: l, label: LOCALE_NAMES[l] }));
  return [];
}

/** The dictionary's rows (header first), cells as plain text. */
export function dictionaryRows(plan: ExportPlan): string[][] {
  const rows: string[][] = [[...DICTIONARY_HEADER]];
  for (const column of plan.columns) {
    const q = 'question' in column ? column.question : undefined;
    const d =
      column.kind === 'quality'
        ? { values: [], type: QUALITY_TYPES[column.name], note: '' }
        : describe(column);
    if (column.kind === 'code') {
      const of = column.of;
      rows.push([
        column.name,
        of.name,
        d.type,
        versionRange(of.versions),
        ...three(of.title),
        column.code,
        ...three(column.labels),
        '',
        '',
        '',
        '',
        d.note,
      ]);
      continue;
    }
    const values = q ? d.values : fixedValues(column.name);
    const head = [
      column.name,
      q?.name ?? '',
      d.type,
      versionRange(q ? q.versions : plan.versions),
      ...three(
        q?.title ?? (column.kind === 'quality' ? QUALITY_TITLES[column.name] : FIXED_TITLES[column.name]),
      ),
      d.item ? String(d.item.code) : '',
      ...three(d.item?.label),
    ];
    const note = q
      ? questionNote(q, plan, d.note)
      : column.kind === 'quality'
        ? QUALITY_NOTES[column.name]
        : (FIXED_NOTES[column.name] ?? '');
    if (values.length === 0) rows.push([...head, '', '', '', '', note]);
    for (const v of values) rows.push([...head, String(v.code), ...three(v.label), note]);
  }
  return rows;
}

/** `extra`: rows describing other files of the same export (each repeating group's fields, exports/repeats.ts). */
export function dictionaryCsv(
  plan: ExportPlan,
  dialect?: CsvDialect,
  extra: readonly string[][] = [],
): string {
  return csvDocument([...dictionaryRows(plan), ...extra], dialect);
}
