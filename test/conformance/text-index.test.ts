// Store conformance, the text index: both engines list free-text answers newest first, page them alike, scope them
// by the count key's dimensions, and search them case-insensitively in Kazakh and Russian (the counts' own
// folding), with LIKE's wildcard characters taken literally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import type { NewResponse, TextQuery } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { FIXTURE_SURVEYS } from '../support/server';
import { ENGINES } from './engines';

const plans = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);

const PROPOSALS = [
  'ҰСЫНЫС: жастарға арналған орталық',
  'Предложение: больше ТРЕНИНГОВ',
  'Қаржы керек, 100% сенімдімін',
  'snake_case және басқа',
  'Жоқ',
  'ұсыныс жоқ',
];
const REGIONS = ['KZ-10', 'KZ-75'];

/** 24 responses, one proposal each (every fourth also an "other" role text), in two regions and on two days. */
const DATA: NewResponse[] = Array.from({ length: 24 }, (_, i) => ({
  id: `t${String(i).padStart(2, '0')}`,
  surveyId: 'example',
  version: 1,
  locale: i % 2 ? 'ru' : 'kk',
  region: REGIONS[i % 2]!,
  briefing: null,
  startedAt: null,
  submittedAt: i < 12 ? '2024-03-01T06:00:00.000Z' : '2024-03-02T06:00:00.000Z',
  answers: {
    region: REGIONS[i % 2],
    role: i % 4 === 0 ? 'other' : 'volunteer',
    ...(i % 4 === 0 ? { 'role-Comment': `Басқа рөл ${i}` } : {}),
    proposal: `${PROPOSALS[i % PROPOSALS.length]} #${i}`,
  },
  contacts: null,
  contentHash: `h${i}`,
}));

const ids = (page: { answers: { id: string }[] }) => page.answers.map((a) => a.id);
const query = (q: Partial<TextQuery> = {}): TextQuery => ({
  filter: { surveyId: 'example' },
  key: 'proposal',
  offset: 0,
  limit: 100,
  ...q,
});
/** Ids of DATA whose proposal contains `needle` when both are lower-cased, newest (last stored) first. */
const matching = (needle: string, rows = DATA) =>
  rows
    .filter((r) => String(r.answers.proposal).toLowerCase().includes(needle.toLowerCase()))
    .map((r) => r.id)
    .reverse();

describe.each(ENGINES)('text index on $name', (engine) => {
  let store: AsyncStorePart;
  beforeAll(async () => {
    store = await engine.open({ countPlans: plans });
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    // Half in one bulk insert, half one by one through group commit, in order.
    await store.insertResponses(DATA.slice(0, 12));
    for (const r of DATA.slice(12)) await store.submitResponse(r);
    // A retry indexes nothing twice.
    await store.submitResponse(DATA[3]!);
  });
  afterAll(() => store.close());

  it('lists every text newest first, with the response it came with', async () => {
    const page = await store.listTextAnswers(query());
    expect(ids(page)).toEqual(DATA.map((r) => r.id).reverse());
    expect(page.hasMore).toBe(false);
    expect(page.answers[0]).toEqual({
      id: 't23',
      version: 1,
      region: 'KZ-75',
      briefing: null,
      locale: 'ru',
      submittedAt: '2024-03-02T06:00:00.000Z',
      text: DATA[23]!.answers.proposal,
    });
    const other = await store.listTextAnswers(query({ key: 'role-Comment' }));
    expect(other.answers.map((a) => a.text)).toEqual([
      'Басқа рөл 20',
      'Басқа рөл 16',
      'Басқа рөл 12',
      'Басқа рөл 8',
      'Басқа рөл 4',
      'Басқа рөл 0',
    ]);
  });

  it('pages with offset and limit, saying whether more follow', async () => {
    const all = DATA.map((r) => r.id).reverse();
    const first = await store.listTextAnswers(query({ limit: 5 }));
    expect(ids(first)).toEqual(all.slice(0, 5));
    expect(first.hasMore).toBe(true);
    const last = await store.listTextAnswers(query({ offset: 20, limit: 4 }));
    expect(ids(last)).toEqual(all.slice(20));
    expect(last.hasMore).toBe(false);
  });

  it('searches whatever the case, in Kazakh and Russian', async () => {
    for (const needle of ['ұсыныс', 'ҰСЫНЫС', 'тренинг', 'ПРЕДЛОЖЕНИЕ', 'қаржы', 'жоқ'])
      expect(ids(await store.listTextAnswers(query({ search: needle }))), needle).toEqual(matching(needle));
    expect(matching('ұсыныс')).toHaveLength(8);
    expect(ids(await store.listTextAnswers(query({ search: 'мұндай сөз жоқ' })))).toEqual([]);
  });

  it('takes %, _ and \\ in a search literally', async () => {
    expect(ids(await store.listTextAnswers(query({ search: '100%' })))).toEqual(matching('100%'));
    expect(ids(await store.listTextAnswers(query({ search: '%' })))).toEqual(matching('%'));
    expect(ids(await store.listTextAnswers(query({ search: 'e_c' })))).toEqual(matching('e_c'));
    expect(matching('e_c')).toHaveLength(4);
    expect(ids(await store.listTextAnswers(query({ search: '_' })))).toEqual(matching('_'));
    expect(ids(await store.listTextAnswers(query({ search: '\\' })))).toEqual([]);
  });

  it('keeps to the filter: regions, days, and a search within them, paged', async () => {
    const inAstana = DATA.filter((r) => r.region === 'KZ-75');
    const scoped = await store.listTextAnswers(
      query({ filter: { surveyId: 'example', regions: ['KZ-75'] } }),
    );
    expect(ids(scoped)).toEqual(inAstana.map((r) => r.id).reverse());
    const secondDay = await store.listTextAnswers(
      query({ filter: { surveyId: 'example', fromDay: '2024-03-02' } }),
    );
    expect(ids(secondDay)).toEqual(
      DATA.slice(12)
        .map((r) => r.id)
        .reverse(),
    );
    const searched = await store.listTextAnswers(
      query({ filter: { surveyId: 'example', regions: ['KZ-75'] }, search: 'ЖОҚ', limit: 2, offset: 1 }),
    );
    expect(ids(searched)).toEqual(matching('жоқ', inAstana).slice(1, 3));
    expect(searched.hasMore).toBe(matching('жоқ', inAstana).length > 3);
    expect(ids(await store.listTextAnswers(query({ filter: { surveyId: 'example', regions: [] } })))).toEqual(
      [],
    );
  });
});
