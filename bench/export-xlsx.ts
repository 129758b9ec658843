// XLSX benchmark: the workbook (exports/xlsx.ts: streamed sheet XML, yazl) of the export data set that bench/export.ts keeps (100,000 demo responses,
// ~170 columns), written in this process to a byte counter; prints time, rows/s, CPU (all threads, and how long this
// thread was busy: the rest is the export workers' and zlib's), size and peak RSS with the machine.
// Run bench/export.ts once first (it makes the data set). BENCH_EXPORT_DIR as there; EXPORT_WORKERS=0 builds the
// rows on this thread (the path before worker threads), to compare at the same load.
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportPlan, xlsxJobExport } from '../exports/export';
import { parseExportQuery, resolveExport } from '../exports/request';
import { boot } from '../server/boot';
import { configureExportWorkers, exportWorkerCount } from '../exports/parallel';
import { describeMachine } from './machine';

const DIR = resolve(process.env.BENCH_EXPORT_DIR ?? join(tmpdir(), 'saualnama-bench-export'), '100000');
const { store, catalog } = await boot({
  dataDir: DIR,
  surveysDir: resolve(import.meta.dirname, '../surveys'),
});
const survey = catalog.getSurvey('roadmap-needs')!;
if (process.env.EXPORT_WORKERS !== undefined)
  configureExportWorkers({ workers: Number(process.env.EXPORT_WORKERS) });
console.log(
  `XLSX benchmark on ${describeMachine()}; data set ${DIR}; ${exportWorkerCount()} export worker threads`,
);
for (const query of [{}, { labels: 'kk' }]) {
  const parsed = parseExportQuery(query);
  if (!parsed.ok) throw new Error('bad query');
  const job = resolveExport(survey, parsed.value, () => undefined);
  if (!job.ok) throw new Error('bad job');
  const reader = await store.openExportReader();
  let bytes = 0;
  const before = process.memoryUsage().rss;
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  await pipeline(
    (await xlsxJobExport(reader, job.value, new Date())).stream,
    new Writable({ write: (chunk: Buffer, _e, cb) => ((bytes += chunk.length), cb()) }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const busy = performance.eventLoopUtilization(loop).active / 1000;
  clearInterval(watch);
  const rows = await reader.count(job.value.filter);
  await reader.close();
  console.log(
    `  ${JSON.stringify(query)}: ${rows.toLocaleString('en')} rows × ${exportPlan(job.value).columns.length} columns in ` +
      `${seconds.toFixed(2)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s), CPU ${((used.user + used.system) / 1e6).toFixed(1)} s ` +
      `(this thread busy ${busy.toFixed(1)} s), ` +
      `${(bytes / 1e6).toFixed(1)} MB, RSS ${Math.round(before / 1e6)} MB before, peak ${Math.round(peak / 1e6)} MB, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
}
await store.close();
