// Store conformance, codebooks: both engines list codes in the same order (parents, each followed by its children),
// refuse the same changes (a name taken, a missing parent, a third level), rename without touching the answers'
// codes, and merge two codes keeping every answer's codes, its passage, the children and the chosen quotes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { answerOf, code, labels, newCode, openWithResponses } from './coding-fixture';
import { ENGINES } from './engines';

describe.each(ENGINES)('codebooks on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await openWithResponses(engine);
  });
  afterEach(() => store.close());

  const add = async (name: string, parent: string | null = null, question = 'proposal') => {
    const outcome = await store.addCode(newCode(name, parent, question));
    if (!outcome.ok) throw new Error(`${name}: ${outcome.refusal}`);
    return outcome.code;
  };
  const names = async (question = 'proposal') =>
    (await store.listCodes('example', question)).map((c) => c.code);

  it('adds codes with two levels, lists each parent followed by its children, and refuses what SQLite refuses', async () => {
    const premises = await add('premises');
    expect(premises).toMatchObject({
      surveyId: 'example',
      question: 'proposal',
      code: 'premises',
      labels: labels('premises'),
      description: '',
      parent: null,
      rules: [],
      createdAt: '2023-10-01T00:00:08.000Z',
      updatedAt: '2023-10-01T00:00:08.000Z',
    });
    await add('training');
    await add('centre', 'premises');
    await add('other', null, 'role');
    expect(await names()).toEqual(['premises', 'centre', 'training']);
    expect((await store.getCode('example', 'proposal', 'centre'))?.parent).toBe('premises');
    expect(await store.getCode('example', 'proposal', 'nothing')).toBeUndefined();
    expect(await store.addCode(newCode('premises'))).toEqual({ ok: false, refusal: 'code-exists' });
    expect(await store.addCode(newCode('x', 'nothing'))).toEqual({ ok: false, refusal: 'parent-not-found' });
    expect(await store.addCode(newCode('deeper', 'centre'))).toEqual({ ok: false, refusal: 'too-deep' });
    // The same short name in another question's codebook is another code.
    expect((await store.addCode(newCode('premises', null, 'role'))).ok).toBe(true);
    expect(await names()).toEqual(['premises', 'centre', 'training']);
    // The export's columns: by question (byte order), then creation.
    expect((await store.listSurveyCodes('example')).map((c) => `${c.question}/${c.code}`)).toEqual([
      'proposal/premises',
      'proposal/training',
      'proposal/centre',
      'role/other',
      'role/premises',
    ]);
  });

  it('changes only what is given, renames without touching the answers’ codes, and refuses a third level', async () => {
    const training = await add('training');
    await add('premises');
    await add('centre', 'premises');
    await code(store, 'r00', [training.id]);
    const renamed = await store.updateCode(
      'example',
      'proposal',
      'training',
      { code: 'learning', labels: { en: 'Learning' }, rules: ['оқу*'], description: 'courses' },
      'T2',
    );
    expect(renamed).toEqual({
      ok: true,
      code: {
        ...training,
        code: 'learning',
        labels: { ...labels('training'), en: 'Learning' },
        rules: ['оқу*'],
        description: 'courses',
        updatedAt: 'T2',
      },
    });
    expect((await store.getAnswerCoding(await answerOf(store, 'r00'), 'proposal', 1))?.codes).toEqual([
      { codeId: training.id, span: null },
    ]);
    const refusals = [
      await store.updateCode('example', 'proposal', 'nothing', { description: 'x' }, 'T'),
      await store.updateCode('example', 'proposal', 'learning', { code: 'premises' }, 'T'),
      await store.updateCode('example', 'proposal', 'learning', { parent: 'centre' }, 'T'),
      await store.updateCode('example', 'proposal', 'premises', { parent: 'learning' }, 'T'),
      await store.updateCode('example', 'proposal', 'premises', { parent: 'premises' }, 'T'),
      await store.updateCode('example', 'proposal', 'learning', { parent: 'gone' }, 'T'),
    ];
    expect(refusals.map((r) => !r.ok && r.refusal)).toEqual([
      'code-not-found',
      'code-exists',
      'too-deep',
      'too-deep',
      'too-deep',
      'parent-not-found',
    ]);
    // A top-level code without children may become a child, and back.
    const moved = await store.updateCode('example', 'proposal', 'learning', { parent: 'premises' }, 'T3');
    expect(moved.ok && moved.code.parent).toBe('premises');
    expect(await names()).toEqual(['premises', 'learning', 'centre']);
    const back = await store.updateCode('example', 'proposal', 'learning', { parent: null }, 'T4');
    expect(back.ok && back.code.parent).toBeNull();
  });

  it('merges a code into another: every answer keeps a code, once, with the surviving code’s passage', async () => {
    const premises = await add('premises');
    const training = await add('training');
    const grants = await add('grants');
    await add('courses', 'training');
    await code(store, 'r00', [premises.id]);
    await code(store, 'r01', [training.id]);
    await code(store, 'r02', [training.id, grants.id]);
    await code(store, 'r04', [training.id], 2);
    // r05 has both, each with its own passage: the surviving code's passage stays.
    const span = { start: 0, end: 5 };
    await store.setAnswerCodes(
      await answerOf(store, 'r05'),
      'proposal',
      1,
      [
        { codeId: premises.id, span },
        { codeId: training.id, span: { start: 6, end: 15 } },
      ],
      'c',
      'T',
    );
    await store.chooseQuote(training.id, (await answerOf(store, 'r01')).rowid, 'author', 'Q1', false);
    await store.chooseQuote(training.id, (await answerOf(store, 'r05')).rowid, 'author', 'Q2', false);
    await store.chooseQuote(premises.id, (await answerOf(store, 'r05')).rowid, 'editor', 'Q3', true);

    const merged = await store.mergeCodes('example', 'proposal', 'training', 'premises', 'T9');
    // r01, r02 (pass 1) and r04 (pass 2) moved; r05 had both already.
    expect(merged).toEqual({ ok: true, code: { ...premises, updatedAt: 'T9' }, moved: 3 });
    expect(await store.getCode('example', 'proposal', 'training')).toBeUndefined();
    expect((await store.getCode('example', 'proposal', 'courses'))?.parent).toBe('premises');
    const coding = async (id: string, pass: 1 | 2 = 1) =>
      (await store.getAnswerCoding(await answerOf(store, id), 'proposal', pass))?.codes;
    expect(await coding('r01')).toEqual([{ codeId: premises.id, span: null }]);
    expect(await coding('r02')).toEqual([
      { codeId: premises.id, span: null },
      { codeId: grants.id, span: null },
    ]);
    expect(await coding('r04', 2)).toEqual([{ codeId: premises.id, span: null }]);
    expect(await coding('r05')).toEqual([{ codeId: premises.id, span }]);
    const tally = await store.tallyCodes({ surveyId: 'example' }, 'proposal');
    expect(tally.filter((t) => t.codeId !== 0).map((t) => [t.codeId, t.n])).toEqual([
      [premises.id, 4],
      [grants.id, 1],
    ]);
    // Quotes move too; a quote the surviving code already had stays as it was chosen.
    const quotes = await store.listQuotes('example', 'proposal', 'proposal');
    expect(quotes.map((q) => [q.codeId, q.responseId, q.chosenBy, q.span])).toEqual([
      [premises.id, 'r01', 'author', null],
      [premises.id, 'r05', 'editor', span],
    ]);
  });

  it('refuses a merge of a code with itself, an unknown code, or children into a child', async () => {
    await add('premises');
    await add('training');
    await add('centre', 'premises');
    await add('courses', 'training');
    const refusal = async (from: string, into: string) => {
      const outcome = await store.mergeCodes('example', 'proposal', from, into, 'T');
      return !outcome.ok && outcome.refusal;
    };
    expect(await refusal('premises', 'premises')).toBe('code-not-found');
    expect(await refusal('nothing', 'premises')).toBe('code-not-found');
    expect(await refusal('premises', 'nothing')).toBe('code-not-found');
    expect(await refusal('training', 'centre')).toBe('too-deep');
    // A child into a top-level code is fine; so is a parent into another top-level code.
    expect((await store.mergeCodes('example', 'proposal', 'centre', 'training', 'T')).ok).toBe(true);
    expect((await store.mergeCodes('example', 'proposal', 'training', 'premises', 'T')).ok).toBe(true);
    expect(await names()).toEqual(['premises', 'courses']);
  });
});
