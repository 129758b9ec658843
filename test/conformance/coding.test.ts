// Store conformance, coding answers: both engines give back the previous coding on every write, code a rule's
// answers once in one transaction, list the same queue (filters, totals, order, the second coder's sample), count
// codes by region with the cell-key sums of the respondents, pair both coders' codes, and keep chosen quotes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerToCode, CodebookCode, CodeTallyRow, CodingQueueQuery } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { answerOf, BRIEFING, code, newCode, openWithResponses, RESPONSES } from './coding-fixture';
import { ENGINES } from './engines';

describe.each(ENGINES)('coding on $name', (engine) => {
  let store: AsyncStorePart;
  let premises: CodebookCode;
  let training: CodebookCode;
  beforeEach(async () => {
    store = await openWithResponses(engine);
    const added = [await store.addCode(newCode('premises')), await store.addCode(newCode('training'))];
    [premises, training] = added.map((o) => (o.ok ? o.code : undefined!)) as [CodebookCode, CodebookCode];
  });
  afterEach(() => store.close());

  const queue = (query: Partial<CodingQueueQuery> = {}) =>
    store.listCodingQueue({
      filter: { surveyId: 'example' },
      question: 'proposal',
      key: 'proposal',
      pass: 1,
      state: 'all',
      offset: 0,
      limit: 50,
      ...query,
    });
  const ids = (answers: { responseId: string }[]) => answers.map((a) => a.responseId);

  it('reads the answer to code under a key, with its text, and nothing for an unknown response', async () => {
    const r05 = await answerOf(store, 'r05');
    expect(r05).toMatchObject({
      responseId: 'r05',
      surveyId: 'example',
      version: 1,
      region: 'KZ-10',
      briefing: null,
      submittedAt: RESPONSES[5]!.submittedAt,
      locale: 'ru',
      text: 'Нужно ПОМЕЩЕНИЕ 5',
    });
    expect(r05.recordKey).toBeGreaterThanOrEqual(0);
    expect((await answerOf(store, 'r01')).rowid).toBe((await answerOf(store, 'r00')).rowid + 1);
    expect((await answerOf(store, 'r05', 'role-Comment')).text).toBe('Другое Мнение');
    expect((await answerOf(store, 'r03')).text).toBe('');
    expect((await answerOf(store, 'r00', 'role')).text).toBe('volunteer');
    expect(await store.getAnswerToCode('nobody', 'proposal')).toBeUndefined();
  });

  it('replaces an answer’s codes in a pass and returns what it had; null makes it uncoded again', async () => {
    const r00 = await answerOf(store, 'r00');
    const span = { start: 6, end: 15 };
    const given = [
      { codeId: training.id, span: null },
      { codeId: premises.id, span },
    ];
    expect(await store.setAnswerCodes(r00, 'proposal', 1, given, 'a@example.kz', 'T1')).toBeNull();
    const first = { coder: 'a@example.kz', codedAt: 'T1', codes: [given[1], given[0]] };
    expect(await store.getAnswerCoding(r00, 'proposal', 1)).toEqual(first);
    expect(await store.getAnswerCoding(r00, 'proposal', 2)).toBeNull();
    // The second pass is kept apart; an empty list means coded, nothing fits.
    expect(await store.setAnswerCodes(r00, 'proposal', 2, [], 'b@example.kz', 'T2')).toBeNull();
    expect(await store.getAnswerCoding(r00, 'proposal', 2)).toEqual({
      coder: 'b@example.kz',
      codedAt: 'T2',
      codes: [],
    });
    const again = [{ codeId: training.id, span: null }];
    expect(await store.setAnswerCodes(r00, 'proposal', 1, again, 'c@example.kz', 'T3')).toEqual(first);
    expect(await store.setAnswerCodes(r00, 'proposal', 1, null, 'c@example.kz', 'T4')).toEqual({
      coder: 'c@example.kz',
      codedAt: 'T3',
      codes: again,
    });
    expect(await store.getAnswerCoding(r00, 'proposal', 1)).toBeNull();
    expect(await store.getAnswerCoding(r00, 'proposal', 2)).not.toBeNull();
  });

  it('codes a rule’s answers in one go, skipping those already coded, and counts each once', async () => {
    await code(store, 'r01', [premises.id]);
    const answers = await Promise.all(['r00', 'r01', 'r02', 'r02'].map((id) => answerOf(store, id)));
    expect(await store.codeAnswers(answers, 'proposal', training.id, 'rule@example.kz', 'T5')).toBe(2);
    expect((await store.getAnswerCoding(answers[0]!, 'proposal', 1))?.codes).toEqual([
      { codeId: training.id, span: null },
    ]);
    expect((await store.getAnswerCoding(answers[1]!, 'proposal', 1))?.codes).toEqual([
      { codeId: premises.id, span: null },
    ]);
    expect(await store.codeAnswers(answers, 'proposal', training.id, 'rule@example.kz', 'T6')).toBe(0);
  });

  it('lists the queue with its totals: answered texts only, filtered, uncoded, paged, in insertion order', async () => {
    await code(store, 'r01', [premises.id]);
    await code(store, 'r09', []);
    const all = await queue();
    // r03, r07 and r11 have no proposal.
    expect(ids(all.answers)).toEqual(['r00', 'r01', 'r02', 'r04', 'r05', 'r06', 'r08', 'r09', 'r10']);
    expect([all.total, all.coded]).toEqual([9, 2]);
    expect(all.answers[1]).toEqual({
      responseId: 'r01',
      version: 1,
      region: 'KZ-10',
      briefing: BRIEFING,
      locale: 'ru',
      submittedAt: RESPONSES[1]!.submittedAt,
      text: 'Нужно ПОМЕЩЕНИЕ 1',
      coding: { coder: 'coder@example.kz', codedAt: 'T1', codes: [{ codeId: premises.id, span: null }] },
    });
    expect(all.answers[0]!.coding).toBeNull();
    const uncoded = await queue({ state: 'uncoded', offset: 2, limit: 3 });
    expect([ids(uncoded.answers), uncoded.total, uncoded.coded]).toEqual([['r04', 'r05', 'r06'], 9, 2]);
    const kz71 = await queue({ filter: { surveyId: 'example', regions: ['KZ-71'] } });
    expect([ids(kz71.answers), kz71.total, kz71.coded]).toEqual([['r08', 'r09', 'r10'], 3, 1]);
    // Days on Kazakhstan's clock: 20:00Z on the 14th is the 15th.
    const day15 = await queue({
      filter: { surveyId: 'example', fromDay: '2023-09-15', toDay: '2023-09-15' },
    });
    expect(ids(day15.answers)).toEqual(['r00', 'r01', 'r04', 'r06', 'r09', 'r10']);
    const day16 = await queue({ filter: { surveyId: 'example', fromDay: '2023-09-16' } });
    expect(ids(day16.answers)).toEqual(['r02', 'r05', 'r08']);
    const briefed = await queue({ filter: { surveyId: 'example', briefings: [BRIEFING] } });
    expect(ids(briefed.answers)).toEqual(['r00', 'r01', 'r02']);
    const none = await queue({ filter: { surveyId: 'example', briefings: [''], versions: [1] } });
    expect(none.total).toBe(6);
    expect((await queue({ filter: { surveyId: 'example', versions: [2] } })).total).toBe(0);
    // Another key: the "other" text of a choice.
    const comments = await queue({ question: 'role', key: 'role-Comment' });
    expect([ids(comments.answers), comments.answers[0]!.text]).toEqual([['r05'], 'Другое Мнение']);
  });

  it('gives the second coder the first pass’s answers in the same stable shuffle', async () => {
    for (const id of ['r00', 'r01', 'r02', 'r04', 'r05', 'r08']) await code(store, id, [premises.id]);
    await code(store, 'r04', [training.id], 2);
    const sample = await queue({ pass: 2, state: 'sample' });
    const rowids = new Map<string, number>();
    for (const id of ['r00', 'r01', 'r02', 'r05', 'r08']) rowids.set(id, (await answerOf(store, id)).rowid);
    const shuffled = [...rowids].sort(
      ([, a], [, b]) => ((a * 2654435761) % 2 ** 32) - ((b * 2654435761) % 2 ** 32),
    );
    expect(ids(sample.answers)).toEqual(shuffled.map(([id]) => id));
    expect([sample.total, sample.coded]).toEqual([6, 1]);
  });

  it('counts coded answers and codes by region with the sums of the respondents’ record keys', async () => {
    await code(store, 'r00', [premises.id, training.id]);
    await code(store, 'r01', [premises.id]);
    await code(store, 'r02', []);
    await code(store, 'r08', [premises.id]);
    await code(store, 'r09', [training.id], 2); // the second pass is not counted
    const keys = async (...list: string[]) => {
      let sum = 0;
      for (const id of list) sum += (await answerOf(store, id)).recordKey;
      return sum;
    };
    const sorted = (rows: CodeTallyRow[]) =>
      [...rows].sort((a, b) => a.region.localeCompare(b.region) || a.codeId - b.codeId);
    expect(sorted(await store.tallyCodes({ surveyId: 'example' }, 'proposal'))).toEqual([
      { region: 'KZ-10', codeId: 0, n: 3, keys: await keys('r00', 'r01', 'r02') },
      { region: 'KZ-10', codeId: premises.id, n: 2, keys: await keys('r00', 'r01') },
      { region: 'KZ-10', codeId: training.id, n: 1, keys: await keys('r00') },
      { region: 'KZ-71', codeId: 0, n: 1, keys: await keys('r08') },
      { region: 'KZ-71', codeId: premises.id, n: 1, keys: await keys('r08') },
    ]);
    const day16 = await store.tallyCodes({ surveyId: 'example', fromDay: '2023-09-16' }, 'proposal');
    expect(sorted(day16).map((t) => [t.region, t.codeId, t.n])).toEqual([
      ['KZ-10', 0, 1],
      ['KZ-71', 0, 1],
      ['KZ-71', premises.id, 1],
    ]);
    const briefed = await store.tallyCodes({ surveyId: 'example', briefings: [''] }, 'proposal');
    expect(sorted(briefed).map((t) => [t.region, t.codeId, t.n])).toEqual([
      ['KZ-71', 0, 1],
      ['KZ-71', premises.id, 1],
    ]);
    // Uncoding takes an answer out of every count.
    await store.setAnswerCodes(await answerOf(store, 'r08'), 'proposal', 1, null, 'c', 'T');
    const after = await store.tallyCodes({ surveyId: 'example', regions: ['KZ-71', 'KZ-10'] }, 'proposal');
    expect(after.some((t) => t.region === 'KZ-71')).toBe(false);
    expect(await store.tallyCodes({ surveyId: 'example' }, 'role')).toEqual([]);
  });

  it('pairs both coders’ codes of the answers both coded, in the reader’s regions', async () => {
    await code(store, 'r00', [training.id, premises.id]);
    await code(store, 'r00', [premises.id], 2);
    await code(store, 'r01', [premises.id]);
    await code(store, 'r08', []);
    await code(store, 'r08', [training.id], 2);
    await code(store, 'r09', [training.id], 2);
    expect(await store.listCodingPairs('example', 'proposal', 'proposal', ['KZ-10', 'KZ-71'])).toEqual([
      {
        responseId: 'r00',
        region: 'KZ-10',
        text: 'Нужно ПОМЕЩЕНИЕ 0',
        first: [premises.id, training.id],
        second: [premises.id],
      },
      { responseId: 'r08', region: 'KZ-71', text: 'Нужно ПОМЕЩЕНИЕ 8', first: [], second: [training.id] },
    ]);
    expect(ids(await store.listCodingPairs('example', 'proposal', 'proposal', ['KZ-71']))).toEqual(['r08']);
  });

  it('goes through the uncoded texts, folded to lower case, and codes the ones a rule matched', async () => {
    await code(store, 'r01', [premises.id]);
    const seen: { answer: AnswerToCode; folded: string }[] = [];
    for await (const item of store.iterateUncodedTexts(
      { surveyId: 'example', regions: ['KZ-10'] },
      'proposal',
      'proposal',
    ))
      seen.push(item);
    expect(seen.map((s) => [s.answer.responseId, s.folded])).toEqual(
      [0, 2, 4, 5, 6].map((i) => [`r0${i}`, `нужно помещение ${i}`]),
    );
    const r04 = seen[2]!.answer;
    expect(r04).toEqual({ ...(await answerOf(store, 'r04')), text: '' });
    const matched = seen.filter((s) => /[45]$/.test(s.folded)).map((s) => s.answer);
    expect(await store.codeAnswers(matched, 'proposal', training.id, 'rule', 'T')).toBe(2);
    const left = [];
    for await (const item of store.iterateUncodedTexts({ surveyId: 'example' }, 'proposal', 'proposal'))
      left.push(item.answer.responseId);
    expect(left).toEqual(['r00', 'r02', 'r06', 'r08', 'r09', 'r10']);
  });

  it('keeps chosen quotes with the code’s passage, chosen again in place, and removes them', async () => {
    const span = { start: 6, end: 15 };
    await store.setAnswerCodes(
      await answerOf(store, 'r02'),
      'proposal',
      1,
      [{ codeId: premises.id, span }],
      'c',
      'T',
    );
    const r02 = await answerOf(store, 'r02');
    const r08 = await answerOf(store, 'r08');
    await store.setAnswerCodes(r08, 'proposal', 1, [{ codeId: training.id, span: null }], 'c', 'T');
    const choose = (codeId: number, rowid: number, by: string, at: string, small: boolean) =>
      store.chooseQuote(codeId, rowid, by, at, small);
    expect(await choose(premises.id, r02.rowid, 'author@example.kz', '2023-10-02T00:00:00.000Z', false)).toBe(
      true,
    );
    expect(await choose(training.id, r08.rowid, 'author@example.kz', '2023-10-03T00:00:00.000Z', false)).toBe(
      true,
    );
    expect(await choose(training.id, r08.rowid, 'editor@example.kz', '2023-10-01T00:00:00.000Z', true)).toBe(
      true,
    );
    expect(await store.listQuotes('example', 'proposal', 'proposal')).toEqual([
      {
        codeId: training.id,
        responseId: 'r08',
        region: 'KZ-71',
        text: 'Нужно ПОМЕЩЕНИЕ 8',
        span: null,
        chosenBy: 'editor@example.kz',
        smallRegionConfirmed: true,
      },
      {
        codeId: premises.id,
        responseId: 'r02',
        region: 'KZ-10',
        text: 'Нужно ПОМЕЩЕНИЕ 2',
        span,
        chosenBy: 'author@example.kz',
        smallRegionConfirmed: false,
      },
    ]);
    expect(await store.listQuotes('example', 'role', 'role-Comment')).toEqual([]);
    expect(await store.removeQuote(training.id, r08.rowid)).toBe(true);
    expect(await store.removeQuote(training.id, r08.rowid)).toBe(false);
    expect(ids(await store.listQuotes('example', 'proposal', 'proposal'))).toEqual(['r02']);
  });

  it('refuses, writing nothing, a quote under a code its answer does not have in pass 1 (or no longer has)', async () => {
    const r08 = await answerOf(store, 'r08');
    const given = [{ codeId: training.id, span: null }];
    // Coded so only by the second coder, whose codes are never counted or quoted.
    await store.setAnswerCodes(r08, 'proposal', 2, given, 'second', 'T');
    expect(await store.chooseQuote(training.id, r08.rowid, 'author', 'T1', false)).toBe(false);
    await store.setAnswerCodes(r08, 'proposal', 1, given, 'first', 'T2');
    expect(await store.chooseQuote(premises.id, r08.rowid, 'author', 'T3', false)).toBe(false);
    // The coder takes the code off; choosing it now (a check made before that is stale) writes nothing.
    await store.setAnswerCodes(r08, 'proposal', 1, null, 'first', 'T4');
    expect(await store.chooseQuote(training.id, r08.rowid, 'author', 'T5', false)).toBe(false);
    expect(await store.listQuotes('example', 'proposal', 'proposal')).toEqual([]);
  });
});
