// The answers a phone sends: SurveyJS's data minus the values the survey computes itself (expression questions,
// expression cells, matrix totals). The server refuses those (a respondent cannot answer them), at any depth: a
// matrix inside a dynamic panel's entry writes its expression cells and its total into the entry too.
import type { Model, Question } from 'survey-core';

interface ColumnLike {
  name: string;
  cellType: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A matrix's columns whose cells are computed: their own cell type, or the matrix's when they say "default". */
function computedColumns(matrix: Question): string[] {
  const columns = (matrix as unknown as { columns: ColumnLike[] }).columns;
  const matrixCellType = String(matrix.getPropertyValue('cellType') ?? '');
  return columns
    .filter(
      (c) => c.cellType === 'expression' || (c.cellType === 'default' && matrixCellType === 'expression'),
    )
    .map((c) => c.name);
}

function withoutKeys(cells: unknown, keys: readonly string[]): unknown {
  if (!isObject(cells)) return cells;
  const copy: Json = { ...cells };
  for (const key of keys) delete copy[key];
  return copy;
}

/** One question's value as sent, or undefined when the whole value is computed. */
function sentValue(question: Question, value: unknown): unknown {
  const type = question.getType();
  if (type === 'expression') return undefined;
  if (type === 'matrixdynamic' || type === 'matrixdropdown') {
    const computed = computedColumns(question);
    if (computed.length === 0) return value;
    // matrixdynamic: an array of rows; matrixdropdown: rows by row value.
    if (Array.isArray(value)) return value.map((row) => withoutKeys(row, computed));
    if (isObject(value))
      return Object.fromEntries(
        Object.entries(value).map(([row, cells]) => [row, withoutKeys(cells, computed)]),
      );
    return value;
  }
  if (type === 'paneldynamic') {
    // `questions` of the template lists its questions at every depth (nested panels included).
    const template = (question as unknown as { template: { questions: Question[] } }).template;
    if (Array.isArray(value)) return value.map((entry) => sentContainer(entry, template.questions));
  }
  return value;
}

/** A container of values (the survey's data, or one dynamic panel entry) as sent. */
function sentContainer(data: unknown, questions: readonly Question[]): unknown {
  if (!isObject(data)) return data;
  const copy: Json = { ...data };
  for (const question of questions) {
    const name = question.getValueName();
    const type = question.getType();
    // A matrix with totals writes them beside its own value, under `<name>-total`.
    if (type === 'matrixdynamic' || type === 'matrixdropdown') delete copy[`${name}-total`];
    if (!(name in copy)) continue;
    const sent = sentValue(question, copy[name]);
    if (sent === undefined) delete copy[name];
    else copy[name] = sent;
  }
  return copy;
}

/** The answers to send for the model's current data. */
export function answersOf(model: Model): Record<string, unknown> {
  // The survey's own questions only: those inside a dynamic panel are reached through its template.
  return sentContainer({ ...model.data }, model.getAllQuestions(false, false)) as Record<string, unknown>;
}
