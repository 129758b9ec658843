// Repeat exports benchmark (issue 19): BENCH_REPEAT_RESPONSES (default 50,000) responses to the every-type survey
// (test/fixtures/qtypes), each with 1–3 dynamic-panel entries and 1–2 dynamic-matrix rows, stored in a fresh data
// folder; then the main CSV, each repeating group's long-format CSV, and the workbook with a sheet per group, each
// written to a byte counter in this process. Prints time, CPU, rows, size and peak RSS (with the RSS before) and
// the machine; asserts nothing.
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvDialect } from '../exports/csv';
import { csvExport, xlsxJobExport } from '../exports/export';
import { repeatCsvStream, repeatFiles } from '../exports/repeats';
import { parseExportQuery, resolveExport } from '../exports/request';
import { REGION_CODES } from '../server/catalog/regions';
import { boot } from '../server/boot';
import type { ExportReader } from '../server/store';
import type { NewResponse } from '../server/store';
import { describeMachine } from './machine';

const RESPONSES = Number(process.env.BENCH_REPEAT_RESPONSES ?? 50_000);
const root = mkdtempSync(join(tmpdir(), 'saualnama-bench-repeats-'));
const surveysDir = join(root, 'surveys');
mkdirSync(join(surveysDir, 'every-type'), { recursive: true });
cpSync(
  resolve(import.meta.dirname, '../test/fixtures/qtypes/every-type/v1.json'),
  join(surveysDir, 'every-type', 'v1.json'),
);
const { store, catalog } = await boot({ dataDir: join(root, 'data'), surveysDir });
const n = (x: number) => x.toLocaleString('en-US');

/** A response with `i`-dependent answers: entries vary in number, texts in Kazakh, numbers as numbers. */
function answers(i: number): Record<string, unknown> {
  const practice = (k: number) => ({
    name: `Жастар орталығы ${i}-${k}`,
    who_runs: k % 2 ? 'group' : 'ngo',
    started: 2010 + (i % 14),
    registered: (i + k) % 2 === 0,
    funding: ['grants'],
    ratings: { reach: { rating: 1 + ((i + k) % 5) }, cost: { rating: 1 + (i % 5) } },
  });
  return {
    region: REGION_CODES[i % REGION_CODES.length],
    knows_practices: true,
    best_practices: Array.from({ length: 1 + (i % 3) }, (_, k) => practice(k)),
    needs_table: Array.from({ length: 1 + (i % 2) }, (_, k) => ({
      need: 'space',
      priority: 1 + (k % 3),
      urgent: k === 0,
      note: 'Қыс кезінде',
      people: 5 + (i % 40),
    })),
    team: { volunteers: 10 + (i % 90), staff: i % 5 },
  };
}

let started = performance.now();
const start = Date.parse('2024-09-01T00:00:00Z');
for (let from = 0; from < RESPONSES; from += 1000) {
  const batch: NewResponse[] = [];
  for (let i = from; i < Math.min(RESPONSES, from + 1000); i++) {
    const data = answers(i);
    batch.push({
      id: randomUUID(),
      surveyId: 'every-type',
      version: 1,
      locale: 'kk',
      region: String(data.region),
      briefing: null,
      startedAt: new Date(start + i * 60_000 - 300_000).toISOString(),
      submittedAt: new Date(start + i * 60_000).toISOString(),
      answers: data,
      contacts: null,
      contentHash: createHash('sha256').update(JSON.stringify(data)).digest('hex'),
    });
  }
  await store.insertResponses(batch);
}
console.log(`Repeat exports benchmark on ${describeMachine()}`);
console.log(
  `  ${n(RESPONSES)} every-type responses stored in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const survey = catalog.getSurvey('every-type')!;
const parsed = parseExportQuery({ labels: 'kk' });
if (!parsed.ok) throw new Error('bad query');
const resolved = resolveExport(survey, parsed.value, () => undefined);
if (!resolved.ok) throw new Error('bad job');
const job = resolved.value;
const repeats = repeatFiles(job.versions, { choices: 'columns', pii: false });

async function measure(what: string, make: (reader: ExportReader) => Promise<Readable> | Readable) {
  const reader = await store.openExportReader();
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytes = 0;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  started = performance.now();
  const cpu = process.cpuUsage();
  await pipeline(
    await make(reader),
    new Writable({ write: (c: Buffer, _e, cb) => ((bytes += c.length), cb()) }),
  );
  const used = process.cpuUsage(cpu);
  clearInterval(watch);
  await reader.close();
  console.log(
    `  ${what}: ${((performance.now() - started) / 1000).toFixed(2)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, ` +
      `${(bytes / 1e6).toFixed(1)} MB, RSS ${Math.round(before / 1e6)} MB before, peak ${Math.round(peak / 1e6)} MB, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
}

await measure('main CSV (labels=kk)', (reader) => csvExport(reader, job));
for (const repeat of repeats)
  await measure(`${repeat.fileName} (labels=kk)`, (reader) =>
    repeatCsvStream(reader, repeat, job.filter, 'kk', csvDialect('comma')),
  );
await measure(
  `XLSX with ${repeats.length} repeat sheets (labels=kk)`,
  async (reader) => (await xlsxJobExport(reader, job, new Date())).stream,
);
await store.close();
rmSync(root, { recursive: true, force: true });
