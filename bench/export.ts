// Export benchmark: demo data (100,000 responses; 1,000,000 with BENCH_EXPORT_1M=1) served by the real server as a
// child process; the full CSV over HTTP (first byte, total, rows/s, server peak RSS), a slow client and a client
// that leaves midway. The data sets are kept in BENCH_EXPORT_DIR between runs: generating 1M takes many minutes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describeMachine } from './machine';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = 19_000 + Math.floor(Math.random() * 1000);
const DIR = resolve(process.env.BENCH_EXPORT_DIR ?? join(tmpdir(), 'saualnama-bench-export'));
const SIZES = [100_000, ...(process.env.BENCH_EXPORT_1M === '1' ? [1_000_000] : [])];
const ADMIN = { email: 'bench@example.kz', password: 'bench export password 2024' };
const CSV = '/api/surveys/roadmap-needs/export.csv';

const cli = (dataDir: string, args: string[], input?: string) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    input,
    stdio: [input ? 'pipe' : 'ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')} exited with ${run.status}`);
};

function stored(dataDir: string): number {
  const file = join(dataDir, 'saualnama.db');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The demo command is seeded and idempotent: a kept data set is topped up, not made again. */
function dataSet(size: number): string {
  const dataDir = join(DIR, String(size));
  mkdirSync(dataDir, { recursive: true });
  if (stored(dataDir) < size) {
    console.log(
      `generating ${size.toLocaleString('en')} demo responses in ${dataDir} (kept for later runs)…`,
    );
    const started = performance.now();
    cli(dataDir, ['demo', '--responses', String(size)]);
    console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const db = new Database(join(dataDir, 'saualnama.db'), { readonly: true });
  const hasAdmin =
    (db.prepare('SELECT count(*) AS n FROM users WHERE email = ?').get(ADMIN.email) as { n: number }).n > 0;
  db.close();
  if (!hasAdmin)
    cli(dataDir, ['users', 'add', ADMIN.email, '--role', 'admin', '--password-stdin'], `${ADMIN.password}\n`);
  return dataDir;
}

let running: ChildProcess | undefined;
// Stopped early (Ctrl-C, a timeout): take the server down too rather than leave it running on its port.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    running?.kill('SIGTERM');
    process.exit(130);
  });

async function startServer(dataDir: string): Promise<ChildProcess> {
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.BENCH_CPU_PROF)]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Ready when listening and its stored CSV lines have caught up (a kept data set from before they existed, or
  // from another layout, has them all rendered first: that time is printed, as an operator would see it).
  await new Promise<void>((ok, fail) => {
    let output = '';
    let started = false;
    child.stdout!.on('data', (b: Buffer) => {
      output += b.toString();
      const ready = /stored CSV lines ready: .*/.exec(output);
      if (!started && output.includes('listening') && ready) {
        started = true;
        console.log(`  (server: ${ready[0]})`);
        ok();
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const cpuTicks = (pid: number) =>
  readFileSync(`/proc/${pid}/stat`, 'utf8')
    .split(') ')[1]!
    .split(' ')
    .slice(11, 13)
    .map(Number)
    .reduce((a, b) => a + b);
/** Samples the server's RSS every 20 ms while `work` runs; returns its peak. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 20);
  try {
    return { result: await work(), peakMb };
  } finally {
    clearInterval(timer);
  }
}

async function signIn(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${PORT}` },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 204) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

interface Download {
  status: number;
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  aborted: boolean;
}

/**
 * GET with node:http (the leanest client, so the figures are the server's). `readBytesPerSecond` throttles the
 * reader; `abortAfterBytes` leaves once that much has arrived.
 */
function download(
  cookie: string,
  path: string,
  options: { readBytesPerSecond?: number; abortAfterBytes?: number } = {},
): Promise<Download> {
  return new Promise((resolveDownload, reject) => {
    const started = performance.now();
    let ttfbMs = 0;
    let bytes = 0;
    const req = request({ host: '127.0.0.1', port: PORT, path, headers: { cookie } }, (res) => {
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) ttfbMs = performance.now() - started;
        bytes += chunk.length;
        if (options.abortAfterBytes !== undefined && bytes >= options.abortAfterBytes) {
          req.destroy();
          resolveDownload({
            status: res.statusCode ?? 0,
            ttfbMs,
            totalMs: performance.now() - started,
            bytes,
            aborted: true,
          });
        } else if (options.readBytesPerSecond) {
          res.pause();
          setTimeout(() => res.resume(), (chunk.length / options.readBytesPerSecond) * 1000);
        }
      });
      res.on('end', () =>
        resolveDownload({
          status: res.statusCode ?? 0,
          ttfbMs,
          totalMs: performance.now() - started,
          bytes,
          aborted: false,
        }),
      );
    });
    req.on('error', (e) => (options.abortAfterBytes !== undefined ? undefined : reject(e)));
    req.end();
  });
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

async function benchSize(size: number): Promise<void> {
  const dataDir = dataSet(size);
  const server = await startServer(dataDir);
  running = server;
  const pid = server.pid!;
  try {
    const cookie = await signIn();
    const rows = stored(dataDir);
    await download(cookie, `${CSV}?region=KZ-10`); // warm-up: JIT, page cache
    const idleRss = rssMb(pid);
    // Other work on a two-core machine shows in every figure: say how busy it was.
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(
      `\n${rows.toLocaleString('en')} responses (server RSS at rest ${idleRss.toFixed(0)} MB; load average ${load})`,
    );
    // At 1M the label variant and the zip (which reads every row twice) add many minutes: BENCH_EXPORT_FULL=1 runs them.
    const full = rows <= 100_000 || process.env.BENCH_EXPORT_FULL === '1';
    for (const query of full ? ['', '?labels=ru&choices=joined'] : ['']) {
      const ticks = cpuTicks(pid);
      const { result: d, peakMb } = await peakRss(pid, () => download(cookie, `${CSV}${query}`));
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
        download(cookie, '/api/surveys/roadmap-needs/export.zip'),
      );
      console.log(
        `  zip (20 regions + national + dictionary): total ${(zip.totalMs / 1000).toFixed(2)} s, ${mb(zip.bytes)}, server peak RSS ${zipRss.toFixed(0)} MB`,
      );
    }

    // A slow client: 2 MB/s for a few seconds. Backpressure must hold the server at rest, not buffer the file.
    const slowRss = await peakRss(pid, () =>
      download(cookie, CSV, { readBytesPerSecond: 2 * 2 ** 20, abortAfterBytes: 10 * 2 ** 20 }),
    );
    console.log(
      `  slow client (2 MB/s, left after 10 MB in ${(slowRss.result.totalMs / 1000).toFixed(1)} s): server peak RSS ${slowRss.peakMb.toFixed(0)} MB`,
    );

    // A client that leaves midway: the export must stop (no CPU), its connection close, and the server go on.
    const left = await download(cookie, CSV, { abortAfterBytes: 20 * 2 ** 20 });
    await new Promise((ok) => setTimeout(ok, 300));
    const ticks = cpuTicks(pid);
    await new Promise((ok) => setTimeout(ok, 1000));
    const busy = cpuTicks(pid) - ticks;
    const after = await download(cookie, `${CSV}?region=KZ-10`);
    console.log(
      `  client gone after ${mb(left.bytes)}: server CPU in the next second ${busy * 10} ms, ` +
        `RSS ${rssMb(pid).toFixed(0)} MB, next export ${after.status} (${mb(after.bytes)})`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((ok) => server.once('exit', ok));
  }
}

console.log(`Export benchmark on ${describeMachine()}`);
for (const size of SIZES) await benchSize(size);
if (SIZES.length === 1)
  console.log('\n(1,000,000 responses: BENCH_EXPORT_1M=1; the first run generates them, ~15-20 min)');
