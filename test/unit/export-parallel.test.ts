// The CSV flattened on worker threads is byte for byte the single-thread CSV, in order, for small and large
// exports; a destroyed stream closes its source; packed batches survive nulls, texts and pooled small buffers.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../exports/columns';
import { csvCell, csvLine, csvStream } from '../../exports/csv';
import { flattenBatch, pack } from '../../exports/flatten-batch';
import { parallelCsvStream } from '../../exports/parallel';
import { compileRows } from '../../exports/rows';
import { loadCatalog } from '../../server/catalog/load';
import type { ExportRow } from '../../server/store';
import { REPO_SURVEYS } from '../support/server';
import { inBatches } from '../support/batches';

const roadmap = loadCatalog(REPO_SURVEYS).catalog.getSurvey('roadmap-needs')!;
const plan = planColumns(roadmap.versions, { choices: 'columns', pii: true });

function rows(n: number): ExportRow[] {
  return Array.from({ length: n }, (_, i) => [
    `id-${i}`,
    1 + (i % 2),
    `2023-09-15T05:30:${String(i % 60).padStart(2, '0')}.000Z`,
    i % 3 ? 'kk' : 'ru',
    i % 5 ? 'KZ-10' : 'KZ-55',
    i % 4 ? null : 'semey-2023',
    JSON.stringify({
      role: i % 7 ? 'akimat' : 'other',
      'role-Comment': `=Мектеп, "${i}"\n`,
      activity_fields: ['elderly', 'other'],
      'activity_fields-Comment': 'Ауыл; 50%',
      top_needs: ['premises', 'training'],
      problems_severity: { funding: 'serious' },
      practices_effectiveness: (i % 5) + 1,
      needs_other: i % 2 ? '' : 'line 1\r\nline 2',
    }),
    i % 3 ? null : JSON.stringify({ contact_name: `Айгүл ${i}` }),
  ]);
}

async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(stream, new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) }));
  return Buffer.concat(chunks);
}

describe('parallelCsvStream', () => {
  it('writes exactly the bytes of csvStream, for 1, 300 and 5,000 rows and in each label language', async () => {
    for (const n of [0, 1, 300, 5000])
      for (const labels of ['values', 'ru'] as const) {
        const single = await bytes(csvStream(plan, inBatches(rows(n)), { labels }));
        const parallel = await bytes(parallelCsvStream(plan, inBatches(rows(n)), { labels }));
        expect(parallel.equals(single), `${n} rows, labels=${labels}`).toBe(true);
      }
    // Starting the threads (tsx in each) and eight exports: slow on a busy two-core machine.
  }, 60_000);

  it('reports every row and closes the source of a stream destroyed midway', async () => {
    const seen: number[] = [];
    await bytes(
      parallelCsvStream(plan, inBatches(rows(2000)), { labels: 'values', onProgress: (n) => seen.push(n) }),
    );
    expect(seen.at(-1)).toBe(2000);
    let closed = false;
    let pulled = 0;
    const source: Iterable<ExportRow> = {
      [Symbol.iterator]() {
        const all = rows(50_000)[Symbol.iterator]();
        return {
          next: () => (pulled++, all.next()),
          return: () => ((closed = true), { done: true, value: undefined }),
        };
      },
    };
    const stream = parallelCsvStream(plan, inBatches(source), { labels: 'values' });
    await new Promise<void>((ok) => stream.once('readable', ok));
    stream.read();
    stream.destroy();
    await new Promise((ok) => stream.once('close', ok));
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(10_000);
  }, 60_000);
});

describe('packed batches', () => {
  it('round-trip nulls, control-free JSON and small outputs into buffers of their own', () => {
    const build = compileRows(plan, { labels: 'values', encode: csvCell });
    const sample = rows(3);
    const { bytes: out, count } = flattenBatch((r) => csvLine(build(r)), sample.map(pack).join(''));
    expect(count).toBe(3);
    expect(out.byteLength).toBeLessThan(4096);
    const expected = sample.map((r) => build(r).join(',') + '\r\n').join('');
    expect(Buffer.from(out).toString('utf8')).toBe(expected);
  });
});
