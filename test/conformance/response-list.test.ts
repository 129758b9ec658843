// Store conformance, the responses table and responses.jsonl: both engines give the same page of the table (newest
// first, within regions, by review status, with duration, duplicate, review and contact columns) and the same
// incremental pulls in submission order (since/after, rejected ones only with review=all).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewResponse, ResponseLine } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { projectionPlansOf } from '../../exports/projections';
import { loadCatalog } from '../../server/catalog/load';
import { FIXTURE_SURVEYS } from '../support/server';
import { ENGINES } from './engines';

const BRIEFING = {
  slug: 'semey-2023-09',
  surveyId: 'example',
  region: 'KZ-10',
  city: 'Semey',
  date: '2023-09-15',
  title: { kk: 'Брифинг', ru: 'Брифинг', en: 'Briefing' },
};

const response = (
  id: string,
  submittedAt: string,
  region: string,
  extra: Partial<NewResponse> = {},
): NewResponse => ({
  id,
  surveyId: 'example',
  version: 1,
  locale: 'ru',
  region,
  briefing: null,
  startedAt: null,
  submittedAt,
  answers: { region, note: id },
  contacts: null,
  contentHash: id,
  ...extra,
});

// Two pairs share a submission time: the pulls must order them by id and page between them.
const DATA: NewResponse[] = [
  response('a1', '2023-09-15T10:00:00.000Z', 'KZ-10', { startedAt: '2023-09-15T09:57:30.900Z' }),
  response('b2', '2023-09-15T10:05:00.000Z', 'KZ-11', {
    startedAt: '2023-09-15T10:00:00.000Z',
    contacts: { phone: '+7 700 000 00 00' },
  }),
  response('c3', '2023-09-15T10:05:00.000Z', 'KZ-10', { startedAt: '2023-09-15T10:06:00.000Z' }),
  response('d4', '2023-09-15T10:10:00.000Z', 'KZ-10', {
    locale: 'kk',
    startedAt: '2023-09-15T10:06:40.000Z',
    contacts: { name: 'Айгүл' },
  }),
  // Durations 150, 300, 200, 20 and 100 s: the median is 150, and e5 alone is under half of it (very fast).
  response('e5', '2023-09-15T10:10:00.000Z', 'KZ-75', { startedAt: '2023-09-15T10:09:40.000Z' }),
  response('f6', '2023-09-15T10:20:00.000Z', 'KZ-10', {
    briefing: BRIEFING.slug,
    startedAt: '2023-09-15T10:18:20.000Z',
  }),
  // The same answers again in the same briefing a minute later: a duplicate of f6.
  {
    ...response('g7', '2023-09-15T10:21:00.000Z', 'KZ-10', { briefing: BRIEFING.slug }),
    answers: { region: 'KZ-10', note: 'f6' },
  },
];

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe.each(ENGINES)('responses table and pulls on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open();
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    await store.addBriefing(BRIEFING, 'T');
    for (const r of DATA) await store.submitResponse(r);
    const review = (id: string, status: 'approved' | 'on_hold' | 'rejected', note: string | null = null) =>
      store.reviewResponses(
        [id],
        { status, note, at: 'R', by: 'analyst@example.kz' },
        () => true,
        () => ({
          at: 'R',
          actor: 'analyst@example.kz',
          action: 'response-reviewed',
          address: null,
          details: {},
        }),
      );
    await review('c3', 'rejected', 'test');
    await review('d4', 'approved');
    await review('a1', 'on_hold', 'check the phone');
    await store.eraseContacts('b2', 'E', 'admin@example.kz', () => ({
      at: 'E',
      actor: 'admin@example.kz',
      action: 'contacts-erased',
      address: null,
      details: {},
    }));
  });
  afterEach(() => store.close());

  it('lists one page newest first within the reader’s regions, rejected ones included, with what a reviewer needs', async () => {
    const page = await store.listResponses({
      surveyId: 'example',
      regions: ['KZ-10', 'KZ-11'],
      offset: 0,
      limit: 10,
    });
    expect(page.hasMore).toBe(false);
    expect(ids(page.items)).toEqual(['g7', 'f6', 'd4', 'c3', 'b2', 'a1']);
    const byId = new Map(page.items.map((i) => [i.id, i]));
    expect(byId.get('a1')).toMatchObject({
      version: 1,
      locale: 'ru',
      region: 'KZ-10',
      briefing: null,
      submittedAt: '2023-09-15T10:00:00.000Z',
      // 09:57:30.9 to 10:00:00: whole seconds of each time, as SQLite's unixepoch.
      durationS: 150,
      review: 'on_hold',
      note: 'check the phone',
      hasContacts: false,
      contactsErased: false,
    });
    // A start after the receipt (the phone's clock) gives no duration.
    expect(byId.get('c3')).toMatchObject({ durationS: null, review: 'rejected', note: 'test' });
    expect(byId.get('b2')).toMatchObject({ hasContacts: false, contactsErased: true, review: null });
    expect(byId.get('d4')).toMatchObject({ hasContacts: true, contactsErased: false, review: 'approved' });
    expect(byId.get('g7')).toMatchObject({ duplicateOf: 'f6', briefing: BRIEFING.slug });
    expect(byId.get('f6')?.duplicateOf).toBeNull();
  });

  it('pages with offset and limit, and filters by review status', async () => {
    const query = { surveyId: 'example', regions: ['KZ-10', 'KZ-11', 'KZ-75'] };
    const first = await store.listResponses({ ...query, offset: 0, limit: 3 });
    const second = await store.listResponses({ ...query, offset: 3, limit: 3 });
    const last = await store.listResponses({ ...query, offset: 6, limit: 3 });
    expect([first.hasMore, second.hasMore, last.hasMore]).toEqual([true, true, false]);
    // e5 and d4 share a time: the later stored comes first, as on the other engine.
    expect([...ids(first.items), ...ids(second.items), ...ids(last.items)]).toEqual([
      'g7',
      'f6',
      'e5',
      'd4',
      'c3',
      'b2',
      'a1',
    ]);
    const list = (review: 'unreviewed' | 'approved' | 'on_hold' | 'rejected') =>
      store.listResponses({ ...query, review, offset: 0, limit: 10 }).then((p) => ids(p.items));
    expect(await list('unreviewed')).toEqual(['g7', 'f6', 'e5', 'b2']);
    expect(await list('approved')).toEqual(['d4']);
    expect(await list('on_hold')).toEqual(['a1']);
    expect(await list('rejected')).toEqual(['c3']);
  });

  it('filters by briefing, time and quality flag, counts over every page, and gives a whole set’s ids', async () => {
    const query = { surveyId: 'example', regions: ['KZ-10', 'KZ-11', 'KZ-75'], fastFraction: 0.5 };
    const list = async (extra: Partial<Parameters<AsyncStorePart['listResponses']>[0]>) =>
      ids((await store.listResponses({ ...query, offset: 0, limit: 10, ...extra })).items);
    expect(await list({ flag: 'fast' })).toEqual(['e5']);
    expect(await list({ flag: 'duplicate' })).toEqual(['g7']);
    expect(await list({ flag: 'any' })).toEqual(['g7', 'e5']);
    expect(await list({ flag: 'none' })).toEqual(['f6', 'd4', 'c3', 'b2', 'a1']);
    expect(await list({ flag: 'straightlining' })).toEqual([]);
    expect(await list({ briefing: BRIEFING.slug })).toEqual(['g7', 'f6']);
    expect(
      await list({ from: '2023-09-15T10:05:00.000Z', to: '2023-09-15T10:20:00.000Z', review: 'unreviewed' }),
    ).toEqual(['e5', 'b2']);
    expect(await list({ from: '2023-09-15T10:05:00.000Z', to: '2023-09-15T10:20:00.000Z' })).toEqual([
      'e5',
      'd4',
      'c3',
      'b2',
    ]);
    expect(await store.countResponses(query)).toBe(7);
    expect(await store.countResponses({ ...query, flag: 'none', regions: ['KZ-10'] })).toBe(4);
    expect(await store.countResponses({ ...query, review: 'rejected' })).toBe(1);
    expect(await store.listResponseIds({ ...query, flag: 'none' }, 3)).toEqual(['f6', 'd4', 'c3']);
    expect(await store.listResponseIds({ ...query, regions: ['KZ-11'] }, 100)).toEqual(['b2']);
  });

  it('pulls responses.jsonl in submission order after a point, ties by id, rejected ones only when asked', async () => {
    const pull = (extra: Partial<Parameters<AsyncStorePart['pageResponses']>[0]> = {}) =>
      store.pageResponses({
        surveyId: 'example',
        regions: ['KZ-10', 'KZ-11', 'KZ-75'],
        limit: 100,
        ...extra,
      });
    expect(ids(await pull())).toEqual(['a1', 'b2', 'd4', 'e5', 'f6', 'g7']);
    expect(ids(await pull({ review: 'all' }))).toEqual(['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7']);
    // Page by page: each page continues after the last line of the one before.
    const seen: string[] = [];
    let page: ResponseLine[] = await pull({ limit: 3, review: 'all' });
    while (page.length > 0) {
      seen.push(...ids(page));
      const last = page.at(-1)!;
      page = await pull({ limit: 3, review: 'all', since: last.submittedAt, after: last.id });
    }
    expect(seen).toEqual(['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7']);
    // `since` alone: strictly after that instant.
    expect(ids(await pull({ since: '2023-09-15T10:05:00.000Z' }))).toEqual(['d4', 'e5', 'f6', 'g7']);
    expect(ids(await pull({ since: '2023-09-15T10:10:00.000Z', after: 'd4' }))).toEqual(['e5', 'f6', 'g7']);
    expect(ids(await pull({ regions: ['KZ-11'] }))).toEqual(['b2']);
    const [a1, b2] = await pull({ limit: 2 });
    expect(a1).toEqual({
      id: 'a1',
      survey: 'example',
      version: 1,
      locale: 'ru',
      region: 'KZ-10',
      briefing: null,
      startedAt: '2023-09-15T09:57:30.900Z',
      submittedAt: '2023-09-15T10:00:00.000Z',
      durationS: 150,
      review: 'on_hold',
      answers: { region: 'KZ-10', note: 'a1' },
    });
    // Never the contact details.
    expect(JSON.stringify(b2)).not.toContain('+7 700');
  });
});

describe.each(ENGINES)('responses table with stored lines on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open({
      projections: projectionPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys),
    });
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    await store.addBriefing(BRIEFING, 'T');
  });
  afterEach(() => store.close());

  it('shows the stored line’s flags beside each response (bit 2: a duplicate)', async () => {
    for (const r of DATA.slice(5)) await store.submitResponse(r);
    const page = await store.listResponses({ surveyId: 'example', regions: ['KZ-10'], offset: 0, limit: 10 });
    expect(page.items.map((i) => [i.id, i.flags])).toEqual([
      ['g7', 2],
      ['f6', 0],
    ]);
  });
});
