// Seeded random answers for any survey version, from its question metadata: every shape, empty answers included.
// And a brute-force count of stored responses, written without the counting code, for tests to compare against.
import type { QuestionInfo } from '../../exports/questions';
import type { StoredResponse } from '../../server/store';

/** mulberry32: small, fast and the same on every machine, so a failing seed can be replayed. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const subset = <T>(xs: readonly T[]): T[] => xs.filter(() => next() < 0.35);
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, subset, shuffle };
}

export type Random = ReturnType<typeof seeded>;

/** One response's answers: each question skipped, answered empty ('' [] {}), or answered with valid codes. */
export function randomAnswers(
  random: Random,
  questions: readonly QuestionInfo[],
  region: string,
): Record<string, unknown> {
  const answers: Record<string, unknown> = { region };
  for (const q of questions) {
    if (q.name === 'region' || q.pii) continue;
    const roll = random.next();
    if (roll < 0.2) continue;
    const codes = q.choices.map((c) => c.code);
    const empty = roll < 0.27;
    switch (q.shape) {
      case 'single':
      case 'rating':
      case 'boolean':
        answers[q.name] = empty ? '' : random.pick(codes);
        break;
      case 'multiple':
        answers[q.name] = empty ? [] : random.subset(codes);
        break;
      case 'ranking':
        answers[q.name] = empty ? [] : random.shuffle(codes).slice(0, random.int(codes.length + 1));
        break;
      case 'matrix':
        answers[q.name] = empty
          ? {}
          : Object.fromEntries(random.subset(q.rows).map((r) => [String(r.code), random.pick(codes)]));
        break;
      default:
        answers[q.name] = empty ? '' : random.pick(['да', 'Иә, қажет', 'ok', 'ЖОҚ', 'Нужен офис']);
    }
  }
  return answers;
}

const empty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

export interface BruteCounts {
  asked: number;
  answered: number;
  /** "code" for choices, "row|column" for matrices, "choice|rank" for rankings. */
  cells: Record<string, number>;
}

/** Counts one question over stored responses, straight from the JSON answers. */
export function bruteCount(q: QuestionInfo, responses: readonly StoredResponse[]): BruteCounts {
  const out: BruteCounts = { asked: 0, answered: 0, cells: {} };
  const add = (key: string) => (out.cells[key] = (out.cells[key] ?? 0) + 1);
  for (const r of responses) {
    if (!q.versions.includes(r.version)) continue;
    out.asked++;
    const v = r.answers[q.name];
    if (empty(v)) continue;
    out.answered++;
    if (q.shape === 'single' || q.shape === 'rating' || q.shape === 'boolean') add(String(v));
    else if (q.shape === 'multiple') for (const c of v as unknown[]) add(String(c));
    else if (q.shape === 'ranking') (v as unknown[]).forEach((c, i) => add(`${String(c)}|${i + 1}`));
    else if (q.shape === 'matrix')
      for (const [row, col] of Object.entries(v as object)) add(`${row}|${String(col)}`);
  }
  return out;
}
