// Export benchmark: demo data (100,000 responses; 1,000,000 with BENCH_EXPORT_1M=1) served by the real server as a
// child process; the full CSV over HTTP (first byte, total, rows/s, server peak RSS), a slow client and a client
// that leaves midway. The data sets are kept in BENCH_EXPORT_DIR between runs: generating 1M takes many minutes.
import { describeMachine } from './machine';
import { cpuTicks, download, loadAverage, peakRss, rssMb, signIn, startServer } from './child-server';
import { ADMIN, sqliteDataSet, storedResponses } from './data-sets';

const SIZES = [100_000, ...(process.env.BENCH_EXPORT_1M === '1' ? [1_000_000] : [])];
const CSV = '/api/surveys/roadmap-needs/export.csv';

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

async function benchSize(size: number): Promise<void> {
  const dataDir = sqliteDataSet(size);
  const server = await startServer(
    { DATA_DIR: dataDir },
    { waitForLines: true, cpuProfileDir: process.env.BENCH_CPU_PROF || undefined },
  );
  console.log(`  (server: ${server.linesReady})`);
  const pid = server.child.pid!;
  const get = (cookie: string, path: string, options?: Parameters<typeof download>[3]) =>
    download(server.port, cookie, path, options);
  try {
    const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
    const rows = storedResponses(dataDir);
    await get(cookie, `${CSV}?region=KZ-10`); // warm-up: JIT, page cache
    const idleRss = rssMb(pid);
    // Other work on a two-core machine shows in every figure: say how busy it was.
    const load = loadAverage();
    console.log(
      `\n${rows.toLocaleString('en')} responses (server RSS at rest ${idleRss.toFixed(0)} MB; load average ${load})`,
    );
    // At 1M the label variant and the zip (which reads every row twice) add many minutes: BENCH_EXPORT_FULL=1 runs them.
    const full = rows <= 100_000 || process.env.BENCH_EXPORT_FULL === '1';
    for (const query of full ? ['', '?labels=ru&choices=joined'] : ['']) {
      const ticks = cpuTicks(pid);
      const { result: d, peakMb } = await peakRss(pid, () => get(cookie, `${CSV}${query}`));
      // Server CPU (all its threads) per row does not depend on how busy the machine is, unlike the wall time.
      const cpuSeconds = (cpuTicks(pid) - ticks) / 100;
      console.log(
        `  full CSV${query ? ` ${query}` : ''}: ${d.status}, first byte ${d.ttfbMs.toFixed(0)} ms, total ${(d.totalMs / 1000).toFixed(2)} s, ` +
          `${mb(d.bytes)}, ${Math.round(rows / (d.totalMs / 1000)).toLocaleString('en')} rows/s, server peak RSS ${peakMb.toFixed(0)} MB, ` +
          `server CPU ${cpuSeconds.toFixed(1)} s (${Math.round(rows / cpuSeconds).toLocaleString('en')} rows per CPU-second)`,
      );
    }
    if (full) {
      const { result: zip, peakMb: zipRss } = await peakRss(pid, () =>
        get(cookie, '/api/surveys/roadmap-needs/export.zip'),
      );
      console.log(
        `  zip (20 regions + national + dictionary): total ${(zip.totalMs / 1000).toFixed(2)} s, ${mb(zip.bytes)}, server peak RSS ${zipRss.toFixed(0)} MB`,
      );
    }

    // A slow client: 2 MB/s for a few seconds. Backpressure must hold the server at rest, not buffer the file.
    const slowRss = await peakRss(pid, () =>
      get(cookie, CSV, { readBytesPerSecond: 2 * 2 ** 20, abortAfterBytes: 10 * 2 ** 20 }),
    );
    console.log(
      `  slow client (2 MB/s, left after 10 MB in ${(slowRss.result.totalMs / 1000).toFixed(1)} s): server peak RSS ${slowRss.peakMb.toFixed(0)} MB`,
    );

    // A client that leaves midway: the export must stop (no CPU), its connection close, and the server go on.
    const left = await get(cookie, CSV, { abortAfterBytes: 20 * 2 ** 20 });
    await new Promise((ok) => setTimeout(ok, 300));
    const ticks = cpuTicks(pid);
    await new Promise((ok) => setTimeout(ok, 1000));
    const busy = cpuTicks(pid) - ticks;
    const after = await get(cookie, `${CSV}?region=KZ-10`);
    console.log(
      `  client gone after ${mb(left.bytes)}: server CPU in the next second ${busy * 10} ms, ` +
        `RSS ${rssMb(pid).toFixed(0)} MB, next export ${after.status} (${mb(after.bytes)})`,
    );
  } finally {
    await server.stop();
  }
}

console.log(`Export benchmark on ${describeMachine()}`);
for (const size of SIZES) await benchSize(size);
if (SIZES.length === 1)
  console.log('\n(1,000,000 responses: BENCH_EXPORT_1M=1; the first run generates them, ~15-20 min)');
