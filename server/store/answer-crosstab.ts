// Question-by-question tables from the responses' byte records (count-layout.ts): respondents grouped by their answer
// to a single- or multiple-choice question, the asked-for questions tallied in each group. Both engines feed it the
// records they read (SQLite: answer-counts.ts; PostgreSQL: store-pg/answer-crosstab.ts), so the sums are the same.
import {
  addRecord,
  choicesIn,
  isWanted,
  keyOf,
  recordKeyIn,
  tallyOf,
  type CompiledQuestion,
} from './count-layout';
import type { CountLayout } from './count-layout';
import type { CountCode, TallyGroup, VersionTally } from './count-types';

interface Group {
  responses: number;
  responsesKey: number;
  /** One per target question, laid out [answered, counts..., their key sums...] as in the vectors. */
  tallies: Int32Array[];
}

interface VersionState {
  layout: CountLayout;
  byQ: CompiledQuestion;
  targets: CompiledQuestion[];
  groups: (Group | undefined)[];
}

/**
 * An accumulator: `consume` the records (or, sign -1, take them away), then `result`. Responses of versions without
 * the `by` question (or without a plan) are left out.
 */
export function createCrosstab(
  layoutOf: (version: number) => CountLayout | undefined,
  by: string,
  only: ReadonlySet<string>,
) {
  const perVersion = new Map<number, VersionState | null>();
  const stateOf = (version: number) => {
    if (perVersion.has(version)) return perVersion.get(version)!;
    const layout = layoutOf(version);
    const byQ = layout?.byName.get(by);
    const state =
      layout && byQ
        ? { layout, byQ, targets: layout.questions.filter((q) => isWanted(q, only)), groups: [] }
        : null;
    perVersion.set(version, state);
    return state;
  };
  const chosen: number[] = [];
  return {
    /** Adds (sign -1: takes away) each record of `bytes` to the groups of its answer to the by-question. */
    consume(version: number, bytes: Uint8Array, sign: 1 | -1): void {
      const state = stateOf(version);
      if (!state) return;
      const { layout, byQ, targets, groups } = state;
      const recordLength = layout.recordLength;
      for (let base = 0; base < bytes.length; base += recordLength) {
        const recordKey = recordKeyIn(layout, bytes, base);
        for (const i of choicesIn(byQ, bytes, base, chosen)) {
          const g = (groups[i] ??= {
            responses: 0,
            responsesKey: 0,
            tallies: targets.map((q) => new Int32Array(2 * (1 + q.size))),
          });
          g.responses += sign;
          g.responsesKey = keyOf(g.responsesKey + sign * recordKey);
          for (let t = 0; t < targets.length; t++)
            addRecord(targets[t]!, bytes, base, g.tallies[t]!, recordKey, sign);
        }
      }
    },
    result(): TallyGroup[] {
      const byCode = new Map<CountCode, VersionTally[]>();
      for (const [version, state] of [...perVersion].sort(([a], [b]) => a - b)) {
        if (!state) continue;
        const codes =
          state.byQ.question.kind === 'single' || state.byQ.question.kind === 'multi'
            ? state.byQ.question.values
            : [];
        state.groups.forEach((g, i) => {
          if (!g || g.responses <= 0) return;
          const code = codes[i]!;
          const questions = new Map(
            state.targets.map((q, t) => [q.question.name, tallyOf(q, g.tallies[t]!, 0, 1 + q.size)]),
          );
          byCode.set(code, [
            ...(byCode.get(code) ?? []),
            { version, responses: g.responses, responsesKey: g.responsesKey, questions },
          ]);
        });
      }
      return [...byCode].map(([key, versions]) => ({ key, versions }));
    },
  };
}
