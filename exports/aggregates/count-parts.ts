// What of a grid or repeat answer is counted (issue 19): a grid's cells (matrixdropdown row × column, multipletext
// item) and a repeat's fields (a dynamic panel's questions, a dynamic matrix's columns, and the cells of a grid
// inside an entry), each with its values and labels. The count plan gets a counted part for each (count-plan.ts);
// the aggregates group them back into charts (parts.ts). Read from the definitions' JSON, as exports/questions.ts.
import type { CountPart, CountQuestion } from '../../server/store';
import { mergeOrdered } from '../merge';
import {
  choicesOf,
  codeKey,
  itemsOf,
  labelsOf,
  questionsOf,
  shapeOf,
  type ChoiceInfo,
  type Labels,
  type Shape,
  type VersionInput,
} from '../questions';
import { fieldsOf, findElement } from '../repeats';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One counted value of a grid cell or of a repeat's field. */
export interface Leaf {
  /** Keys of the stored JSON: from the answer for a grid ([row, column], [item]), from an entry for a repeat. */
  path: string[];
  /** A label for each step of the path (field title, row, column). */
  labels: Labels[];
  /** The SurveyJS type of the counted value (a matrix column's cell type). */
  cellType: string;
  /** single: one value each; multiple: several (checkbox); answered: free text or numbers, never by value. */
  shape: 'single' | 'multiple' | 'answered';
  values: ChoiceInfo[];
}

export interface QuestionParts {
  kind: 'grid' | 'repeat';
  leaves: Leaf[];
  /** repeat: entries are counted 1 … maxEntries a respondent; `open`: the last stands for that many or more. */
  maxEntries: number;
  open: boolean;
}

/** A respondent's entries are counted one by one up to this when the definition sets no smaller maximum. */
const ENTRY_BUCKETS = 10;

function leavesOf(raw: Json, shape: Shape, path: string[], labels: Labels[]): Leaf[] {
  const one = (s: Leaf['shape'], values: ChoiceInfo[] = []): Leaf[] => [
    { path, labels, cellType: String(raw.type), shape: s, values },
  ];
  switch (shape) {
    case 'single':
    case 'rating':
    case 'boolean':
      return one('single', choicesOf(raw, shape));
    case 'multiple':
      return one('multiple', choicesOf(raw, shape));
    case 'matrix': {
      const columns = choicesOf(raw, 'matrix');
      return itemsOf(raw.rows).map((row) => ({
        path: [...path, String(row.code)],
        labels: [...labels, row.label],
        cellType: 'matrix',
        shape: 'single' as const,
        values: columns,
      }));
    }
    case 'matrixdropdown': {
      const columns = fieldsOf(raw).filter(isObject);
      return itemsOf(raw.rows).flatMap((row) =>
        columns.flatMap((column) => {
          const cell = shapeOf(column);
          const name = String(column.name);
          // Expression cells are computed, never stored: nothing to count.
          if (!cell || typeof column.name !== 'string') return [];
          return leavesOf(
            column,
            cell,
            [...path, String(row.code), name],
            [...labels, row.label, labelsOf(column.title, name)],
          );
        }),
      );
    }
    case 'multipletext':
      return itemsOf(raw.items).map((item) => ({
        path: [...path, String(item.code)],
        labels: [...labels, item.label],
        cellType: 'text',
        shape: 'answered' as const,
        values: [],
      }));
    default:
      // Text, numbers, rankings and repeats inside a repeat: counted as answered only.
      return one('answered');
  }
}

/** The parts of one version's question, or undefined when its answer is not a grid or repeat. */
export function partsOfElement(raw: Json, shape: Shape): QuestionParts | undefined {
  if (shape === 'matrixdropdown' || shape === 'multipletext')
    return { kind: 'grid', leaves: leavesOf(raw, shape, [], []), maxEntries: 0, open: false };
  if (shape !== 'repeat') return undefined;
  const pseudo = {
    surveyId: '',
    version: 0,
    piiQuestions: new Set<string>(),
    definition: { elements: fieldsOf(raw) },
  };
  const leaves = questionsOf(pseudo)
    .filter((f) => !f.pii)
    .flatMap((f) => {
      const name = String(f.raw.name);
      return leavesOf(f.raw, f.shape, [name], [labelsOf(f.raw.title, name)]);
    });
  const max = Number(raw.type === 'paneldynamic' ? raw.maxPanelCount : raw.maxRowCount);
  const closed = Number.isInteger(max) && max >= 1 && max <= ENTRY_BUCKETS * 2;
  return { kind: 'repeat', leaves, maxEntries: closed ? max : ENTRY_BUCKETS, open: !closed };
}

const pathKey = (path: readonly string[]) => path.join('\u0000');

/** The parts over the chosen versions asking the question (newest first): leaves and values merged, newest labels. */
export function partsAcross(
  versions: readonly VersionInput[],
  name: string,
  shape: Shape,
): QuestionParts | undefined {
  if (shape !== 'matrixdropdown' && shape !== 'multipletext' && shape !== 'repeat') return undefined;
  const found = [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => findElement(v.definition, name))
    .filter(isObject)
    .map((raw) => partsOfElement(raw, shapeOf(raw) ?? shape))
    .filter((p) => p !== undefined);
  const newest = found[0];
  if (!newest) return undefined;
  const leaves = mergeOrdered(
    found.map((p) => p.leaves),
    (l) => pathKey(l.path),
  ).map((leaf) => {
    const same = found.flatMap((p) => p.leaves.filter((l) => pathKey(l.path) === pathKey(leaf.path)));
    return {
      ...leaf,
      values: mergeOrdered(
        same.map((l) => l.values),
        (c) => codeKey(c.code),
      ),
    };
  });
  return {
    kind: newest.kind,
    leaves,
    maxEntries: Math.max(...found.map((p) => p.maxEntries)),
    open: found.some((p) => p.open),
  };
}

/** The count name of a part: NUL never occurs in a question name, so it never meets one. */
export function partName(part: CountPart): string {
  return [part.question, part.of, ...(part.of === 'entryCount' ? [] : part.path)].join('\u0000');
}

/** A count of each kind without its name (distributed over the union, which a plain Omit would flatten). */
type Counting = CountQuestion extends infer Q
  ? Q extends unknown
    ? Omit<Q, 'name' | 'part'>
    : never
  : never;

const counted = (part: CountPart, q: Counting): CountQuestion => ({ ...q, name: partName(part), part });

/** The counted parts of one version's question, after the question itself in its count plan. */
export function countPartsOf(question: string, parts: QuestionParts): CountQuestion[] {
  const codes = (l: Leaf) => l.values.map((c) => c.code);
  const byShape = (l: Leaf) =>
    l.shape === 'answered'
      ? ({ kind: 'answered' } as const)
      : ({ kind: l.shape === 'single' ? 'single' : 'multi', values: codes(l) } as const);
  if (parts.kind === 'grid')
    return parts.leaves.map((l) => counted({ question, of: 'cell', path: l.path }, byShape(l)));
  return [
    counted(
      { question, of: 'entryCount' },
      { kind: 'single', values: Array.from({ length: parts.maxEntries }, (_, i) => i + 1) },
    ),
    counted({ question, of: 'entries', path: [] }, { kind: 'entries', values: [] }),
    ...parts.leaves.flatMap((l) => [
      counted({ question, of: 'entries', path: l.path }, { kind: 'entries', values: codes(l) }),
      counted(
        { question, of: 'respondents', path: l.path },
        l.shape === 'answered' ? { kind: 'answered' } : { kind: 'multi', values: codes(l) },
      ),
    ]),
  ];
}
