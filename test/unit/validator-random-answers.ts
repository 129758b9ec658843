// Seeded random answer sets for the differential test: what the page would send (mutations: validator-mutations.ts).
// Reads questions from a survey-core Model so that it works for any definition, including the real instruments.
import {
  type ItemValue,
  type Question,
  type QuestionCheckboxModel,
  type QuestionMatrixDropdownModelBase,
  type QuestionMatrixDynamicModel,
  type QuestionMatrixModel,
  type QuestionMultipleTextModel,
  type QuestionPanelDynamicModel,
  type QuestionRatingModel,
  type QuestionSelectBase,
  type QuestionTextModel,
} from 'survey-core';

export type Data = Record<string, unknown>;

export class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

const WORDS = [
  'volunteer',
  'ерікті',
  'волонтёр',
  'Алматы',
  'aid',
  'көмек',
  'помощь',
  'school',
  '😊',
  '=SUM(A1)',
  '"quoted"',
];

export function words(dice: Dice, maxLength: number): string {
  const parts: string[] = [];
  const count = dice.int(1, 6);
  for (let i = 0; i < count; i++) parts.push(dice.pick(WORDS));
  return parts.join(' ').slice(0, Math.max(1, maxLength)).trim() || 'a';
}

export function valuesOf(items: readonly ItemValue[]): unknown[] {
  return items.map((item) => item.value as unknown);
}

/** Choice items the page offers for a question (select-all stores the choices, not itself). */
export function offeredChoices(q: QuestionSelectBase): unknown[] {
  const skip = q.getType() === 'checkbox' ? (q as QuestionCheckboxModel).selectAllItem : undefined;
  return valuesOf(q.visibleChoices.filter((item) => item !== skip));
}

function textValue(q: QuestionTextModel, dice: Dice): unknown {
  const maxLength = Number(q.getMaxLength()) || 60;
  switch (q.inputType) {
    case 'number': {
      const min = q.min === undefined || q.min === '' ? 0 : Number(q.min);
      const max = q.max === undefined || q.max === '' ? min + 100 : Number(q.max);
      const step = Number(q.step) > 0 ? Number(q.step) : 1;
      return min + step * dice.int(0, Math.floor((max - min) / step));
    }
    case 'email':
      return dice.pick(['aigerim@example.kz', 'test.user@mail.ru', 'a@b.co']);
    case 'date':
      return dice.pick(['2024-03-01', '2023-09-15', '2024-02-29']);
    case 'tel':
      return dice.pick(['+7 701 234 56 78', '87012345678', '+7 (727) 250-00-00']);
    default:
      return words(dice, maxLength);
  }
}

const NESTED_TYPES = new Set(['paneldynamic', 'matrixdynamic', 'matrixdropdown', 'multipletext']);

export function isNested(q: Question): boolean {
  return NESTED_TYPES.has(q.getType());
}

const innerCache = new WeakMap<Question, Question[]>();

/**
 * The questions of a nested question's own scope: a template's questions, a matrix's cell questions (read from
 * one row; a dynamic matrix without rows gets one on this generator's own Model) or a multipletext's item editors.
 */
export function innerQuestions(q: Question): Question[] {
  const cached = innerCache.get(q);
  if (cached) return cached;
  let inner: Question[] = [];
  const type = q.getType();
  if (type === 'paneldynamic') inner = (q as QuestionPanelDynamicModel).template.questions;
  else if (type === 'multipletext') inner = (q as QuestionMultipleTextModel).items.map((i) => i.editor);
  else if (type === 'matrixdynamic' || type === 'matrixdropdown') {
    const m = q as QuestionMatrixDropdownModelBase;
    if (type === 'matrixdynamic' && (m as QuestionMatrixDynamicModel).rowCount < 1)
      (m as QuestionMatrixDynamicModel).rowCount = 1;
    inner = m.visibleRows[0]?.cells.map((cell) => cell.question) ?? [];
  }
  innerCache.set(q, inner);
  return inner;
}

/** One entry, row or item list: each inner question answered or skipped. */
export function validEntry(q: Question, dice: Dice, regionCodes: readonly string[]): Data {
  const entry: Data = {};
  for (const inner of innerQuestions(q)) {
    if (dice.chance(0.15)) continue;
    const value = validValue(inner, dice, regionCodes);
    if (value !== undefined) entry[inner.name] = value;
    if (hasOtherChosen(inner, value) && dice.chance(0.9)) entry[`${inner.name}-Comment`] = words(dice, 100);
  }
  return entry;
}

function countBounds(q: Question): { min: number; max: number } {
  const panels = q.getType() === 'paneldynamic';
  const min = Number(q.getPropertyValue(panels ? 'minPanelCount' : 'minRowCount')) || 0;
  const rawMax = Number(q.getPropertyValue(panels ? 'maxPanelCount' : 'maxRowCount'));
  return { min, max: Math.min(rawMax > 0 ? rawMax : 4, min + 4) };
}

function nestedValue(q: Question, dice: Dice, regionCodes: readonly string[]): unknown {
  const type = q.getType();
  if (type === 'multipletext') return validEntry(q, dice, regionCodes);
  if (type === 'matrixdropdown') {
    const out: Data = {};
    for (const row of valuesOf((q as QuestionMatrixDropdownModelBase).rows as ItemValue[]))
      if (dice.chance(0.85)) out[String(row)] = validEntry(q, dice, regionCodes);
    return out;
  }
  const { min, max } = countBounds(q);
  const count = dice.int(min, Math.max(min, max));
  return Array.from({ length: count }, () => validEntry(q, dice, regionCodes));
}

/** A value the page could produce for the question, ignoring visibility and cross-question logic. */
export function validValue(q: Question, dice: Dice, regionCodes: readonly string[]): unknown {
  const type = q.getType();
  if (q.name === 'region') return dice.pick(regionCodes);
  if (isNested(q)) return nestedValue(q, dice, regionCodes);
  switch (type) {
    case 'text':
      return textValue(q as QuestionTextModel, dice);
    case 'comment':
      return words(dice, Number((q as QuestionTextModel).getMaxLength()) || 200);
    case 'radiogroup':
    case 'dropdown':
      return dice.pick(offeredChoices(q as QuestionSelectBase));
    case 'checkbox':
    case 'tagbox': {
      const c = q as QuestionCheckboxModel;
      const exclusive = valuesOf(c.visibleChoices.filter((item) => c.isNoneItem(item)));
      const rest = offeredChoices(c).filter((v) => !exclusive.includes(v));
      if (exclusive.length > 0 && dice.chance(0.15)) return [dice.pick(exclusive)];
      const max =
        Number(c.maxSelectedChoices) > 0 ? Math.min(Number(c.maxSelectedChoices), rest.length) : rest.length;
      const min = Math.min(Math.max(1, Number(c.minSelectedChoices) || 1), max);
      return dice.shuffle(rest).slice(0, dice.int(min, max));
    }
    case 'ranking': {
      const r = q as QuestionCheckboxModel & { selectToRankEnabled: boolean };
      const all = dice.shuffle(offeredChoices(r));
      if (!r.selectToRankEnabled) return all;
      const max =
        Number(r.maxSelectedChoices) > 0 ? Math.min(Number(r.maxSelectedChoices), all.length) : all.length;
      return all.slice(0, dice.int(Math.min(Math.max(1, Number(r.minSelectedChoices) || 1), max), max));
    }
    case 'rating':
      return dice.pick(valuesOf((q as QuestionRatingModel).visibleRateValues));
    case 'boolean':
      return dice.pick([
        (q as Question & { getValueTrue(): unknown }).getValueTrue(),
        (q as Question & { getValueFalse(): unknown }).getValueFalse(),
      ]);
    case 'matrix': {
      const m = q as QuestionMatrixModel;
      const columns = valuesOf(m.columns as ItemValue[]);
      const rows = valuesOf(m.rows as ItemValue[]);
      const out: Data = {};
      const unique = dice.shuffle(columns);
      rows.forEach((row, i) => {
        // Mostly distinct columns for eachRowUnique, as the page leads respondents to; sometimes a repeat.
        if (m.eachRowUnique && dice.chance(0.8)) out[String(row)] = unique[i % unique.length];
        else if (m.eachRowRequired || dice.chance(0.8)) out[String(row)] = dice.pick(columns);
      });
      return out;
    }
    default:
      return undefined; // expression, html, image: the page sends nothing
  }
}

/** What a case generator needs to know about one survey. */
export interface SurveyFacts {
  questions: Question[];
  regionCodes: readonly string[];
  /** The default caps of the validator, for over-long texts. */
  textCap: number;
  commentCap: number;
  /**
   * Names of answered questions that are hidden by the answers. The test passes the compiled validator's view:
   * survey-core's Model is too slow to settle visibility for thousands of cases, and the test compares both views
   * of visibility on every case anyway.
   */
  hiddenAnswers(data: Data): string[];
}

function hasOtherChosen(q: Question, value: unknown): boolean {
  if (!(q as QuestionSelectBase).showOtherItem || q.getType() === 'ranking') return false;
  return Array.isArray(value) ? value.includes('other') : value === 'other';
}

/** Answers as the page would send them: every question answered or skipped, hidden ones cleared as on complete. */
export function pageLikeAnswers(facts: SurveyFacts, dice: Dice): Data {
  const data: Data = {};
  for (const q of facts.questions) {
    if (dice.chance(0.12)) continue;
    const value = validValue(q, dice, facts.regionCodes);
    if (value === undefined) continue;
    data[q.name] = value;
    if (hasOtherChosen(q, value) && dice.chance(0.9)) data[`${q.name}-Comment`] = words(dice, 100);
    if (q.showCommentArea && !(q as QuestionSelectBase).showOtherItem && dice.chance(0.3))
      data[`${q.name}-Comment`] = words(dice, 100);
  }
  // Clearing can hide further questions (a chain of visibleIf), so settle it like the page does on complete.
  for (let round = 0; round < 5; round++) {
    const hidden = facts.hiddenAnswers(data);
    if (hidden.length === 0) break;
    for (const name of hidden) {
      delete data[name];
      delete data[`${name}-Comment`];
    }
  }
  return data;
}
