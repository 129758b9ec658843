// Store conformance, the export reader: both engines stream a filter's rows in the export's order (region, time,
// insertion) with the same shapes, as stored CSV lines where the survey's layout was rendered, in one snapshot for
// the reader's life; a caller may stop early or read two files at once, and close twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectionPlansOf } from '../../exports/projections';
import { loadCatalog } from '../../server/catalog/load';
import type { ExportRow, NewResponse, StoredLineRow } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { FIXTURE_SURVEYS } from '../support/server';
import { code, newCode, openWithResponses } from './coding-fixture';
import { ENGINES } from './engines';

const plans = projectionPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);
const renderer = plans.lineRenderers!.find((r) => r.surveyId === 'example')!;
const REGIONS = ['KZ-75', 'KZ-10', 'KZ-11'];
const TIMES = ['2024-04-02T10:00:00.000Z', '2024-04-01T10:00:00.000Z', '2024-04-01T10:00:00.000Z'];

/** 36 responses: regions and times out of order, ties of time within a region, some with contacts and durations. */
const DATA: NewResponse[] = Array.from({ length: 36 }, (_, i) => ({
  id: `e${String(i).padStart(2, '0')}`,
  surveyId: 'example',
  version: 1,
  locale: i % 2 ? 'ru' : 'kk',
  region: REGIONS[i % 3]!,
  briefing: null,
  startedAt: i % 4 === 0 ? null : new Date(Date.parse(TIMES[i % 3]!) - (60 + i * 7) * 1000).toISOString(),
  submittedAt: TIMES[Math.floor(i / 3) % 3]!,
  answers: { region: REGIONS[i % 3], role: 'volunteer', top_needs: ['funding'], cooperation: (i % 5) + 1 },
  contacts: i % 5 === 0 ? { email: `p${i}@example.kz` } : null,
  contentHash: `h${i}`,
}));

/** The export's order: region, then time, then the order of storing (DATA's order here). */
const ORDERED = DATA.map((r, i) => ({ r, i })).sort(
  (a, b) =>
    a.r.region.localeCompare(b.r.region) || a.r.submittedAt.localeCompare(b.r.submittedAt) || a.i - b.i,
);
const fields = (r: NewResponse, contacts: boolean): ExportRow => [
  r.id,
  r.version,
  r.submittedAt,
  r.locale,
  r.region,
  r.briefing,
  JSON.stringify(r.answers),
  contacts && r.contacts ? JSON.stringify(r.contacts) : null,
  r.startedAt,
  null,
];

async function all<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

describe.each(ENGINES)('export reader on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open({ projections: plans });
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    await store.insertResponses(DATA.slice(0, 18));
    for (const r of DATA.slice(18)) await store.submitResponse(r);
  });
  afterEach(() => store.close());

  it('streams rows in region, time and storing order, with contacts only when asked', async () => {
    const reader = await store.openExportReader();
    try {
      const rows = await all(reader.rows({ surveyId: 'example' }, { contacts: false }));
      expect(rows).toEqual(ORDERED.map(({ r }) => fields(r, false)));
      const withContacts = await all(reader.rows({ surveyId: 'example' }, { contacts: true }));
      expect(withContacts).toEqual(ORDERED.map(({ r }) => fields(r, true)));
      const some = await all(reader.rows({ surveyId: 'example', regions: ['KZ-11'] }, { contacts: false }));
      expect(some.map((r) => r[0])).toEqual(
        ORDERED.filter(({ r }) => r.region === 'KZ-11').map(({ r }) => r.id),
      );
      expect(await reader.count({ surveyId: 'example' })).toBe(36);
      expect(await reader.count({ surveyId: 'example', from: '2024-04-02T00:00:00.000Z' })).toBe(12);
    } finally {
      await reader.close();
    }
  });

  it('gives the stored lines of the survey’s layout, and the fields where the layout is another', async () => {
    const reader = await store.openExportReader();
    try {
      expect(await reader.storedLines('example')).toEqual({ layout: renderer.key, missing: 0 });
      const lines = (await all(reader.lines({ surveyId: 'example' }, renderer.key))) as StoredLineRow[];
      expect(lines).toHaveLength(36);
      lines.forEach(([line, version, durationS, flags], n) => {
        const expected = renderer.render(fields(ORDERED[n]!.r, false));
        expect([line.toString('utf8'), version, durationS, flags]).toEqual([
          expected.text,
          1,
          expected.durationS,
          expected.flags,
        ]);
      });
      expect(lines.some(([, , durationS]) => durationS !== null)).toBe(true);
      const other = await all(reader.lines({ surveyId: 'example' }, 'another layout'));
      expect(other).toEqual(ORDERED.map(({ r }) => fields(r, false)));
    } finally {
      await reader.close();
    }
  });

  it('gives each version’s median duration', async () => {
    const durations = DATA.map((r) =>
      r.startedAt
        ? Math.floor(Date.parse(r.submittedAt) / 1000) - Math.floor(Date.parse(r.startedAt) / 1000)
        : -1,
    )
      .filter((d) => d >= 0)
      .sort((a, b) => a - b);
    const n = durations.length;
    const median = n % 2 ? durations[(n - 1) / 2]! : (durations[n / 2 - 1]! + durations[n / 2]!) / 2;
    const reader = await store.openExportReader();
    try {
      expect(await reader.durationMedians('example')).toEqual(new Map([[1, median]]));
      expect(await reader.durationMedians('no-such-survey')).toEqual(new Map());
    } finally {
      await reader.close();
    }
  });

  it('reads one snapshot for its life, two files at once, and may stop early', async () => {
    const reader = await store.openExportReader();
    try {
      // The snapshot starts at the first read (on both engines) and holds until close.
      expect(await reader.count({ surveyId: 'example' })).toBe(36);
      await store.submitResponse({ ...DATA[0]!, id: 'later', contentHash: 'later' });
      expect(await reader.count({ surveyId: 'example' })).toBe(36);
      // Two iterations interleaved (a zip's files), then one left after its first batch.
      const a = reader.rows({ surveyId: 'example' }, { contacts: false })[Symbol.asyncIterator]();
      const b = reader.lines({ surveyId: 'example' }, renderer.key)[Symbol.asyncIterator]();
      const [first, second] = [await a.next(), await b.next()];
      expect(first.done || second.done).toBe(false);
      await a.return?.();
      await b.return?.();
      for await (const batch of reader.rows({ surveyId: 'example' }, { contacts: false })) {
        expect(batch.length).toBeGreaterThan(0);
        break;
      }
      expect(
        (await all(reader.rows({ surveyId: 'example' }, { contacts: false }))).map((r) => r[0]),
      ).not.toContain('later');
    } finally {
      await reader.close();
      await reader.close();
    }
    const next = await store.openExportReader();
    try {
      expect(await next.count({ surveyId: 'example' })).toBe(37);
    } finally {
      await next.close();
    }
  });
});

describe.each(ENGINES)('export reader with code columns on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await openWithResponses(engine);
  });
  afterEach(() => store.close());

  it('gives each response its pass-1 codes and which asked questions were coded', async () => {
    const [a, b] = [await store.addCode(newCode('premises')), await store.addCode(newCode('training'))];
    if (!a.ok || !b.ok) throw new Error('codes not added');
    await code(store, 'r01', [b.code.id, a.code.id]);
    await code(store, 'r02', []);
    await code(store, 'r05', [a.code.id], 2);
    const reader = await store.openExportReader();
    try {
      const codes = { questions: ['proposal', 'role'] };
      const rows = await all(reader.rows({ surveyId: 'example' }, { contacts: false, codes }));
      const byId = new Map(rows.map((r) => [r[0], r[10]]));
      const ids = (value: unknown) =>
        String(value).split('|')[0]!.split(',').filter(Boolean).map(Number).sort();
      expect(ids(byId.get('r01'))).toEqual([a.code.id, b.code.id].sort());
      expect(String(byId.get('r01')).split('|')[1]).toBe('10');
      expect(byId.get('r02')).toBe('|10');
      // Pass 2 is not exported; not coded at all: zeros.
      expect(byId.get('r05')).toBe('|00');
      expect(byId.get('r00')).toBe('|00');
      const lines = await all(reader.lines({ surveyId: 'example' }, 'no layout', codes));
      expect(new Map(lines.map((r) => [r[0], r[10]]))).toEqual(byId);
    } finally {
      await reader.close();
    }
  });
});
