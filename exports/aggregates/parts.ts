// A grid's or repeat's counts from the sums of its counted parts (count-parts.ts): per column of a grid, per field of
// a repeat over its entries with the respondents beside, and the entries per respondent. Every count is published as
// any other (disclosure.ts); an entry count is withheld wherever the respondents behind it are, since many entries
// can come from one person, and shares are of published counts only.
import type { CountPart, VersionTally } from '../../server/store';
import { codeKey } from '../questions';
import { cellKeyOf, publishedValue, showCount, SUPPRESSED, type Disclosure } from './disclosure';
import { partName, type Leaf, type QuestionParts } from './count-parts';
import { sumQuestion, type PlansByVersion, type QuestionSums } from './question';
import { isHidden, partitionCells } from './suppress';
import type { AnsweredAggregate, Count, GridColumn, RepeatCounts, RepeatField } from './types';

interface Context {
  question: string;
  tallies: readonly VersionTally[];
  plans: PlansByVersion;
  d: Disclosure;
  /** The question's own sums, and its published asked and answered. */
  root: QuestionSums;
  asked: { n: number; hidden: boolean };
  answered: { n: number; hidden: boolean };
}

const sumsOf = (c: Context, part: CountPart) => sumQuestion(partName(part), c.tallies, c.plans);
const answeredOf = (c: Context, s: QuestionSums) =>
  publishedValue(c.d, { count: s.answered, key: s.answeredKey });

function cellOf(c: Context, s: QuestionSums, code: Leaf['values'][number]['code']): number {
  const key = codeKey(code);
  const n = s.cells.get(key) ?? 0;
  return n === 0 ? 0 : publishedValue(c.d, { count: n, key: s.cellKeys.get(key) ?? 0 });
}

/** Cells of one answer each: an exact reader keeps complementary suppression (suppress.ts), as for a matrix row. */
const partition = (c: Context, counts: number[], of: number, ofHidden: boolean): Count[] =>
  c.d.exact
    ? partitionCells(counts, of, c.d.k, ofHidden)
    : counts.map((n) => showCount(n, of, c.d.k, ofHidden));

const valueLabels = (leaf: Leaf) => leaf.values.map((v) => ({ code: v.code, label: v.label }));

function gridColumns(c: Context, parts: QuestionParts, multipletext: boolean): GridColumn[] {
  const columns = new Map<string, GridColumn>();
  for (const leaf of parts.leaves) {
    // A matrixdropdown cell's path is [row, column]; a multipletext item's is [item], all in one column.
    const code = multipletext ? '' : (leaf.path[1] ?? '');
    let column = columns.get(code);
    if (!column) {
      column = {
        code,
        label: multipletext ? { kk: '', ru: '', en: '' } : leaf.labels[1]!,
        cellType: leaf.cellType,
        shape: leaf.shape,
        values: valueLabels(leaf),
        rows: [],
      };
      columns.set(code, column);
    }
    const s = sumsOf(c, { question: c.question, of: 'cell', path: leaf.path });
    const rowN = answeredOf(c, s);
    const answered = showCount(rowN, c.answered.n, c.d.k, c.answered.hidden);
    const counts = leaf.values.map((v) => cellOf(c, s, v.code));
    const cells =
      leaf.shape === 'single'
        ? partition(c, counts, rowN, isHidden(answered))
        : counts.map((n) => showCount(n, rowN, c.d.k, isHidden(answered)));
    column.rows.push({ code: leaf.path[0]!, label: leaf.labels[0]!, answered, cells });
  }
  return [...columns.values()];
}

/** If exactly one non-zero cell is withheld, withholds the smallest shown non-zero one too (as partitionCells). */
function withholdPartner(cells: Count[], counts: readonly number[]): void {
  const hidden = cells.filter((cell, i) => isHidden(cell) && counts[i]! > 0).length;
  if (hidden !== 1) return;
  let next = -1;
  counts.forEach((n, i) => {
    if (n > 0 && !isHidden(cells[i]!) && (next < 0 || n < counts[next]!)) next = i;
  });
  if (next >= 0) cells[next] = SUPPRESSED;
}

function repeatField(c: Context, leaf: Leaf, allEntries: number): RepeatField {
  const { k } = c.d;
  const E = sumsOf(c, { question: c.question, of: 'entries', path: leaf.path });
  const R = sumsOf(c, { question: c.question, of: 'respondents', path: leaf.path });
  const respN = answeredOf(c, R);
  const respondents = showCount(respN, c.answered.n, k, c.answered.hidden);
  const entN = answeredOf(c, E);
  const entries = isHidden(respondents) ? SUPPRESSED : showCount(entN, allEntries, k);
  // One value an entry: the entries cells add up to the shown answered entries, and when everyone made one entry
  // the respondents cells add up too, so a lone hidden cell would come back by subtraction: an exact reader's next
  // smallest is withheld as well (as partitionCells does), on both.
  const partnered = c.d.exact && leaf.shape === 'single';
  const respondentCounts = leaf.values.map((v) => cellOf(c, R, v.code));
  const byRespondents = respondentCounts.map((n) => showCount(n, respN, k, isHidden(respondents)));
  if (partnered && !isHidden(respondents)) withholdPartner(byRespondents, respondentCounts);
  const entryCounts = leaf.values.map((v) => cellOf(c, E, v.code));
  const byEntries: Count[] = entryCounts.map((n, i) =>
    isHidden(byRespondents[i]!) ? SUPPRESSED : showCount(n, entN, k, isHidden(entries)),
  );
  if (partnered && !isHidden(entries)) withholdPartner(byEntries, entryCounts);
  return {
    path: leaf.path,
    labels: leaf.labels,
    cellType: leaf.cellType,
    shape: leaf.shape,
    answered: { entries, respondents },
    values: leaf.values.map((v, i) => ({
      code: v.code,
      label: v.label,
      entries: byEntries[i]!,
      respondents: byRespondents[i]!,
    })),
  };
}

function repeatCounts(c: Context, parts: QuestionParts): RepeatCounts {
  const all = sumsOf(c, { question: c.question, of: 'entries', path: [] });
  const allN = answeredOf(c, all);
  const perCount = sumsOf(c, { question: c.question, of: 'entryCount' });
  // Respondents asked who added no entry: the asked set less the answered one, so its key is the difference.
  const none = publishedValue(c.d, {
    count: c.root.asked - c.root.answered,
    key: cellKeyOf(c.root.askedKey - c.root.answeredKey),
  });
  const counts = [none, ...Array.from({ length: parts.maxEntries }, (_, i) => cellOf(c, perCount, i + 1))];
  const cells = partition(c, counts, c.asked.n, c.asked.hidden);
  return {
    entries: c.answered.hidden ? SUPPRESSED : showCount(allN, 0, c.d.k),
    perRespondent: cells.map((respondents, i) => ({
      entries: i,
      ...(parts.open && i === parts.maxEntries && { orMore: true as const }),
      respondents,
    })),
    fields: parts.leaves.map((leaf) => repeatField(c, leaf, allN)),
  };
}

/** The question's aggregate with its grid columns or repeat counts added (nothing else of it changes). */
export function withParts(
  aggregate: AnsweredAggregate,
  parts: QuestionParts,
  root: QuestionSums,
  tallies: readonly VersionTally[],
  plans: PlansByVersion,
  d: Disclosure,
): AnsweredAggregate {
  const c: Context = {
    question: aggregate.name,
    tallies,
    plans,
    d,
    root,
    asked: {
      n: publishedValue(d, { count: root.asked, key: root.askedKey }),
      hidden: isHidden(aggregate.asked),
    },
    answered: {
      n: publishedValue(d, { count: root.answered, key: root.answeredKey }),
      hidden: isHidden(aggregate.answered),
    },
  };
  return parts.kind === 'grid'
    ? { ...aggregate, grid: gridColumns(c, parts, aggregate.shape === 'multipletext') }
    : { ...aggregate, repeat: repeatCounts(c, parts) };
}
