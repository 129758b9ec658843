// Two coders and the brief's quotes over HTTP on a real server (issue 18, items 4 and 5): the second coder's queue is
// blind (no first codes, no suggestions) and never counted; GET …/agreement gives the kappa worked out by hand (the
// table of test/unit/coding-agreement.test.ts, here coded through the API) and the disagreements; a quote leaves the
// server without contact details, one from a region with fewer than 5 respondents needs confirmSmallRegion, and
// choosing and removing quotes is audit-logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { collect } from '../support/collect';
import { expectProblem } from '../support/problem';
import { startServer, type TestServer } from '../support/server';

const PASSWORD = 'coding-quotes-password';
const BOOK = '/api/surveys/example/codebooks/proposal';
let server: TestServer;
const as: Record<'first' | 'second' | 'admin' | 'analyst', string> = {
  first: '',
  second: '',
  admin: '',
  analyst: '',
};
/** Ten Abai answers, coded by both coders as in the hand-computed table (codes: 1 = one, 2 = two, 3 = three). */
const TABLE: [first: string[], second: string[]][] = [
  [
    ['one', 'two'],
    ['one', 'two'],
  ],
  [
    ['one', 'two'],
    ['one', 'two'],
  ],
  [['one'], ['one']],
  [['one'], ['one']],
  [['one'], []],
  [[], ['one']],
  [[], ['one']],
  [[], []],
  [[], []],
  [[], []],
];
const abai: string[] = [];
let astana = '';
const CONTACTS = 'Гранты нужны, пишите aigerim.n@mail.kz или звоните +7 701 234 56 78';

const codeAs = (cookie: string, id: string, codes: string[], pass: 1 | 2 = 1) =>
  sendJson(server.url, cookie, 'PUT', `/api/responses/${id}/codes/proposal`, { codes, pass });
const getJson = async (cookie: string, path: string) => {
  const res = await fetchAs(server.url, cookie, path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as any;
};

beforeAll(async () => {
  server = await startServer();
  for (const [name, role] of [
    ['first', 'author'],
    ['second', 'author'],
    ['admin', 'admin'],
    ['analyst', 'analyst'],
  ] as const) {
    await createUser(server.store, { email: `${name}@example.kz`, role, password: PASSWORD });
    as[name] = await signIn(server.url, `${name}@example.kz`, PASSWORD);
  }
  for (let i = 0; i < TABLE.length; i++) {
    // The third answer asks for grants: the rule of "three" suggests it to the first coder, never to the second.
    const proposal = i === 2 ? 'Больше грантов для молодежи' : `Предложение номер ${i + 1}`;
    const body = envelope({}, exampleAnswers({ region: 'KZ-10', proposal }));
    expect((await postResponse(server.url, body)).status).toBe(201);
    abai.push(String(body.id));
  }
  const body = envelope({}, exampleAnswers({ region: 'KZ-71', proposal: CONTACTS }));
  expect((await postResponse(server.url, body)).status).toBe(201);
  astana = String(body.id);
  for (const code of ['one', 'two', 'three'])
    expect(
      (
        await sendJson(server.url, as.first, 'POST', `${BOOK}/codes`, {
          code,
          labels: { kk: `${code} kk`, ru: `${code} ru`, en: code },
          ...(code === 'three' && { rules: ['грант*'] }),
        })
      ).status,
    ).toBe(201);
  for (const [i, [first]] of TABLE.entries())
    expect((await codeAs(as.first, abai[i]!, first)).status).toBe(200);
  expect((await codeAs(as.first, astana, ['one'])).status).toBe(200);
  // Sign-ins hash passwords (scrypt, ~0.2 s each): on a busy machine that takes a while.
}, 90_000);
afterAll(() => server.close());

describe('a second coder', () => {
  it("codes the first coder's answers blind, and those codes are never counted", async () => {
    const first = await getJson(as.first, '/api/surveys/example/coding/proposal?region=KZ-10&pageSize=100');
    expect(first.answers.find((a: any) => a.response === abai[2]).suggested).toEqual(['three']);

    const queue = await getJson(as.second, '/api/surveys/example/coding/proposal?pass=2&pageSize=100');
    expect(queue).toMatchObject({ pass: 2, state: 'sample', total: 11, coded: 0 });
    expect(new Set(queue.answers.map((a: any) => a.response))).toEqual(new Set([...abai, astana]));
    for (const a of queue.answers) expect([a.coding, a.suggested]).toEqual([null, []]);

    const counted = await getJson(as.admin, `${BOOK}/counts`);
    for (const [i, [, second]] of TABLE.entries())
      expect((await codeAs(as.second, abai[i]!, second, 2)).status).toBe(200);
    expect(await getJson(as.admin, `${BOOK}/counts`)).toEqual(counted);
    expect(counted.total.codes.one).toMatchObject({ count: 6 });
    // The first coder's own queue still shows the first coding.
    const again = await getJson(as.first, '/api/surveys/example/coding/proposal?region=KZ-10&pageSize=100');
    expect(again.answers.find((a: any) => a.response === abai[5]).coding.codes).toEqual([]);
  });

  it('GET …/agreement gives the hand-computed kappa per code and the disagreements side by side', async () => {
    const agreement = await getJson(as.first, `${BOOK}/agreement`);
    expect(agreement.answers).toBe(10);
    const [one, two, three] = agreement.codes;
    // one: both 4, first only 1, second only 2, neither 3: pₒ = 0.7, pₑ = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
    expect(one).toMatchObject({
      code: 'one',
      both: 4,
      firstOnly: 1,
      secondOnly: 2,
      neither: 3,
      observed: 0.7,
    });
    expect(one.kappa).toBeCloseTo(0.4, 10);
    // two: both 2, neither 8: κ = 1. three: nobody gave it, so pₑ = 1 and κ is undefined.
    expect(two).toMatchObject({ code: 'two', both: 2, neither: 8 });
    expect(two.kappa).toBeCloseTo(1, 10);
    expect(three).toMatchObject({ code: 'three', neither: 10, kappa: null });
    expect(
      agreement.disagreements.map((d: any) => [abai.indexOf(d.response), d.first, d.second]).sort(),
    ).toEqual([
      [4, ['one'], []],
      [5, [], ['one']],
      [6, [], ['one']],
    ]);
  });
});

describe('quotes for the brief', () => {
  it('need an explicit confirmation in a region with fewer than 5 respondents, and never show contact details', async () => {
    const refused = await expectProblem(
      await sendJson(server.url, as.first, 'PUT', `${BOOK}/quotes`, { code: 'one', response: astana }),
      409,
    );
    expect(refused.type).toBe('/problems/quote-needs-confirmation');
    expect(refused.errors).toEqual([expect.objectContaining({ question: 'confirmSmallRegion' })]);

    const confirmed = await sendJson(server.url, as.first, 'PUT', `${BOOK}/quotes`, {
      code: 'one',
      response: astana,
      confirmSmallRegion: true,
    });
    expect(confirmed.status).toBe(200);
    // Abai has ten respondents: no confirmation asked.
    expect(
      (await sendJson(server.url, as.first, 'PUT', `${BOOK}/quotes`, { code: 'two', response: abai[0] }))
        .status,
    ).toBe(200);
    const quotes = await getJson(as.first, `${BOOK}/quotes`);
    const small = quotes.find((q: any) => q.response === astana);
    expect(small).toMatchObject({ code: 'one', region: 'KZ-71', smallRegionConfirmed: true });
    expect(small.text).toBe('Гранты нужны, пишите […] или звоните […]');
    expect(JSON.stringify(quotes)).not.toMatch(/mail\.kz|701/);
    expect(quotes.find((q: any) => q.response === abai[0])).toMatchObject({ smallRegionConfirmed: false });
  });

  it('are chosen only under a code the answer has, by authors and admins, and every choice is audit-logged', async () => {
    const notCoded = await sendJson(server.url, as.first, 'PUT', `${BOOK}/quotes`, {
      code: 'three',
      response: abai[0],
    });
    expect((await expectProblem(notCoded, 422)).type).toBe('/problems/unknown-codes');
    await expectProblem(
      await sendJson(server.url, as.analyst, 'PUT', `${BOOK}/quotes`, { code: 'two', response: abai[1] }),
      403,
    );
    const removed = await fetchAs(server.url, as.first, `${BOOK}/quotes?code=two&response=${abai[0]}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
    expect((await removed.json()).map((q: any) => q.response)).toEqual([astana]);

    const log = await collect(server.store.iterateAudit({ actor: 'first@example.kz' }));
    const quoteLines = log.filter((e) => e.action.startsWith('quote-'));
    expect(quoteLines.map((e) => [e.action, e.details.code, e.details.smallRegionConfirmed])).toEqual([
      ['quote-chosen', 'one', true],
      ['quote-chosen', 'two', false],
      ['quote-removed', 'two', undefined],
    ]);
  });
});
