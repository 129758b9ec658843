// The workbook's data sheet built on the export worker threads is byte for byte the sheet built on the main thread,
// with and without flagged rows left out (which numbers each batch's rows only after the batches before it are
// counted), in codes and in Kazakh labels, for empty, small and many-batch sheets.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../exports/columns';
import { parallelSheetStream } from '../../exports/parallel';
import { dataRows, kindOf } from '../../exports/xlsx';
import { sheetStream } from '../../exports/xlsx-sheet';
import { loadCatalog } from '../../server/catalog/load';
import type { ExportRow } from '../../server/store';
import { REPO_SURVEYS } from '../support/server';
import { inBatches } from '../support/batches';

const roadmap = loadCatalog(REPO_SURVEYS).catalog.getSurvey('roadmap-needs')!;
const plan = planColumns(roadmap.versions, { choices: 'columns', pii: false });

/** Rows with texts to escape, numbers, dates, durations, and every seventh a duplicate (flagged). */
function rows(n: number): ExportRow[] {
  return Array.from({ length: n }, (_, i) => [
    `id-${i}`,
    1 + (i % 2),
    `2023-09-15T05:${String(30 + (i % 20)).padStart(2, '0')}:00.000Z`,
    i % 3 ? 'kk' : 'ru',
    i % 5 ? 'KZ-10' : 'KZ-55',
    i % 4 ? null : 'semey-2023',
    JSON.stringify({
      role: i % 7 ? 'akimat' : 'other',
      'role-Comment': ` <Мектеп> & "${i}"\n`,
      activity_fields: ['elderly', 'other'],
      'activity_fields-Comment': 'Ауыл; 50%\u0001',
      top_needs: ['premises', 'training'],
      problems_severity: { funding: 'serious' },
      practices_effectiveness: (i % 5) + 1,
      needs_other: i % 2 ? '' : 'line 1\r\nline 2',
    }),
    null,
    `2023-09-15T05:${String(20 + (i % 10)).padStart(2, '0')}:00.000Z`,
    i % 7 === 0 ? `dup-of-${i}` : null,
  ]);
}

async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(stream, new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) }));
  return Buffer.concat(chunks);
}

describe('parallelSheetStream', () => {
  it('writes exactly the main thread’s sheet, flagged rows kept or left out, in codes and in Kazakh', async () => {
    const fastBelow = new Map([
      [1, 300],
      [2, 300],
    ]);
    for (const n of [0, 1, 300, 5000])
      for (const labels of ['values', 'kk'] as const)
        for (const excludeFlagged of [false, true]) {
          const kinds = plan.columns.map((c) => kindOf(c, labels));
          const spec = { header: plan.columns.map((c) => c.name), kinds, widths: kinds.map(() => 12) };
          const options = { labels, fastBelow, excludeFlagged };
          const single = await bytes(
            sheetStream({ ...spec, rows: dataRows(plan, options, inBatches(rows(n))) }),
          );
          const parallel = await bytes(parallelSheetStream(plan, spec, inBatches(rows(n)), options));
          const what = `${n} rows, labels=${labels}, excludeFlagged=${excludeFlagged}`;
          expect(parallel.toString('utf8'), what).toBe(single.toString('utf8'));
          if (n === 5000) {
            // The last row's number: every row, or the 5,000 less the 715 duplicates (every seventh).
            const xml = single.toString('latin1');
            const last = /^<row r="(\d+)">/.exec(xml.slice(xml.lastIndexOf('<row ')))?.[1];
            expect(last, what).toBe(String(1 + (excludeFlagged ? 5000 - 715 : 5000)));
          }
        }
    // Starting the threads (tsx in each) and sixteen sheets: slow on a busy two-core machine.
  }, 120_000);
});
