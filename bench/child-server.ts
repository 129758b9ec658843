// The real server (`server/main.ts`) as a child process for the HTTP benchmarks, on an ephemeral port, with the
// helpers they share: sign in, download with node:http, and the child's RSS and CPU from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export interface ChildServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** The "stored CSV lines ready" line, when the start waited for it. */
  linesReady?: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Stopped early (Ctrl-C, a timeout): take the servers down too rather than leave them running.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const child of running) child.kill('SIGTERM');
    process.exit(130);
  });

/**
 * Starts the server with `env` over this process's own (DATABASE_URL cleared unless `env` sets it: SQLite is the
 * default). Ready when it listens and, with `waitForLines`, when its stored CSV lines have caught up (a data set
 * copied or made before the lines existed has them rendered first; that time is printed, as an operator sees it).
 */
export async function startServer(
  env: Record<string, string>,
  { waitForLines = false, cpuProfileDir }: { waitForLines?: boolean; cpuProfileDir?: string } = {},
): Promise<ChildServer> {
  const profile = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(cpuProfileDir)] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const { port, linesReady } = await new Promise<{ port: number; linesReady?: string }>((ok, fail) => {
    let output = '';
    let done = false;
    child.stdout!.on('data', (b: Buffer) => {
      if (done) return;
      output += b.toString();
      const listening = /listening on http:\/\/[^\s:]+:(\d+)/.exec(output);
      const ready = /stored CSV lines ready: [^"]*/.exec(output);
      if (listening && (ready || !waitForLines)) {
        done = true;
        ok({ port: Number(listening[1]), linesReady: ready?.[0] });
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  // Keep reading its log, or a full pipe would stall the server.
  child.stdout!.resume();
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    linesReady,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      running.delete(child);
    },
  };
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 204) throw new Error(`sign-in as ${email} answered ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** User and system CPU ticks (1/100 s) of the process, all its threads. */
export const cpuTicks = (pid: number) =>
  readFileSync(`/proc/${pid}/stat`, 'utf8')
    .split(') ')[1]!
    .split(' ')
    .slice(11, 13)
    .map(Number)
    .reduce((a, b) => a + b);

/** Samples the server's RSS every 20 ms while `work` runs; returns its peak. */
export async function peakRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 20);
  try {
    return { result: await work(), peakMb };
  } finally {
    clearInterval(timer);
  }
}

export interface Download {
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
export function download(
  port: number,
  cookie: string,
  path: string,
  options: { readBytesPerSecond?: number; abortAfterBytes?: number } = {},
): Promise<Download> {
  return new Promise((resolveDownload, reject) => {
    const started = performance.now();
    let ttfbMs = 0;
    let bytes = 0;
    const req = request({ host: '127.0.0.1', port, path, headers: { cookie } }, (res) => {
      const finish = (aborted: boolean) =>
        resolveDownload({
          status: res.statusCode ?? 0,
          ttfbMs,
          totalMs: performance.now() - started,
          bytes,
          aborted,
        });
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) ttfbMs = performance.now() - started;
        bytes += chunk.length;
        if (options.abortAfterBytes !== undefined && bytes >= options.abortAfterBytes) {
          req.destroy();
          finish(true);
        } else if (options.readBytesPerSecond) {
          res.pause();
          setTimeout(() => res.resume(), (chunk.length / options.readBytesPerSecond) * 1000);
        }
      });
      res.on('end', () => finish(false));
    });
    req.on('error', (e) => (options.abortAfterBytes !== undefined ? undefined : reject(e)));
    req.end();
  });
}

/** The 1, 5 and 15 minute load averages: other work on the two cores shows in every wall-clock figure. */
export const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
