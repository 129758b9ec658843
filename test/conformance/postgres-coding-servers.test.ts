// PostgreSQL only: coders on two app servers at once, on one database. The same code added on both is added once;
// two saves of one answer each get back a whole coding (none, or one of the other's), never a mixture; rules
// applied on both to overlapping answers code each answer once, without a deadlock; and what one server wrote, the
// other counts at once.
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerToCode } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { answerOf, newCode, openWithResponses, RESPONSES } from './coding-fixture';
import { ENGINES } from './engines';

const postgres = ENGINES.find((e) => e.name === 'postgres')!;
const open: AsyncStorePart[] = [];
afterEach(async () => {
  // The second store first: the schema goes with the last one closed.
  for (const s of open.splice(0).reverse()) await s.close();
});

async function twoServers(): Promise<[AsyncStorePart, AsyncStorePart]> {
  const a = await openWithResponses(postgres);
  open.push(a);
  const b = await postgres.openSecond!(a);
  open.push(b);
  return [a, b];
}

describe('coding on two PostgreSQL servers', () => {
  it('adds a code asked for on both servers at once exactly once', async () => {
    const [a, b] = await twoServers();
    const names = Array.from({ length: 8 }, (_, i) => `code${i}`);
    const outcomes = await Promise.all(names.flatMap((n) => [a.addCode(newCode(n)), b.addCode(newCode(n))]));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(names.length);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.refusal)).toEqual(
      names.map(() => 'code-exists'),
    );
    expect((await b.listCodes('example', 'proposal')).map((c) => c.code).sort()).toEqual(names);
  });

  it('gives each of two simultaneous saves of one answer a whole previous coding, never a mixture', async () => {
    const [a, b] = await twoServers();
    const ids = [];
    for (const n of ['c1', 'c2', 'c3', 'c4']) {
      const o = await a.addCode(newCode(n));
      ids.push(o.ok ? o.code.id : 0);
    }
    const sets = [[ids[0]!, ids[1]!], [ids[2]!, ids[3]!], [ids[0]!], []];
    const answer = await answerOf(a, 'r00');
    const saves = Array.from({ length: 16 }, (_, i) =>
      (i % 2 ? a : b).setAnswerCodes(
        answer,
        'proposal',
        1,
        sets[i % sets.length]!.map((codeId) => ({ codeId, span: null })),
        `coder${i}`,
        `T${i}`,
      ),
    );
    const previous = await Promise.all(saves);
    const written = new Set(sets.map((s) => s.join(',')));
    // One save found nothing; every other found exactly what one save had written.
    expect(previous.filter((p) => p === null)).toHaveLength(1);
    for (const p of previous.filter((x) => x !== null))
      expect(written.has(p.codes.map((c) => c.codeId).join(','))).toBe(true);
    const final = await b.getAnswerCoding(answer, 'proposal', 1);
    const i = Number(final!.coder.slice('coder'.length));
    expect(final!.codes.map((c) => c.codeId)).toEqual(sets[i % sets.length]);
  });

  it('codes overlapping answers of rules applied on both servers once each, and both count them at once', async () => {
    const [a, b] = await twoServers();
    const added = await a.addCode(newCode('premises'));
    const codeId = added.ok ? added.code.id : 0;
    const answers: AnswerToCode[] = [];
    for (const r of RESPONSES) answers.push(await answerOf(a, r.id));
    // Each server takes the whole set, in opposite orders: without one lock order they could deadlock.
    const [onA, onB] = await Promise.all([
      a.codeAnswers(answers, 'proposal', codeId, 'rule-a', 'T1'),
      b.codeAnswers([...answers].reverse(), 'proposal', codeId, 'rule-b', 'T2'),
    ]);
    expect(onA + onB).toBe(RESPONSES.length);
    for (const store of [a, b]) {
      const tally = await store.tallyCodes({ surveyId: 'example' }, 'proposal');
      expect(tally.filter((t) => t.codeId === codeId).reduce((n, t) => n + t.n, 0)).toBe(RESPONSES.length);
      const queue = await store.listCodingQueue({
        filter: { surveyId: 'example' },
        question: 'proposal',
        key: 'proposal',
        pass: 1,
        state: 'uncoded',
        offset: 0,
        limit: 50,
      });
      expect([queue.answers, queue.coded]).toEqual([[], queue.total]);
    }
  });
});
