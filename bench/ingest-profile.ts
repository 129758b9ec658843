// Where the ingest path's CPU goes (`npm run bench -- ingest-profile`; not in the default run): the real server
// with --cpu-prof under autocannon at BENCH_CONNECTIONS (50) for BENCH_SECONDS (10). Prints responses/s, the CPU
// per response of each of the server's threads from /proc (robust to other load on the machine, unlike the rate:
// a busy neighbour slows the clock, not the work), and, per thread's profile, the samples taken while autocannon
// ran, each under the innermost stage on its stack. BENCH_NO_PROFILE=1: figures only; BENCH_ANALYZE=<dir>: the
// profiles of an earlier run.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { cpuTicks, loadAverage, ROOT, startServer } from './child-server';
import { makeBodies } from './ingest-run';

/** utime+stime ticks of each thread, by tid, with its name. */
function threadTicks(pid: number): Map<number, [string, number]> {
  const out = new Map<number, [string, number]>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), [name, Number(f[11]) + Number(f[12])]);
    } catch {
      // the thread ended
    }
  }
  return out;
}
const analyzeOnly = process.env.BENCH_ANALYZE;
let profDir = analyzeOnly ?? '';
if (!analyzeOnly) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const bodies = makeBodies(Number(process.env.BENCH_BODIES ?? 40_000));
  const dataDir = mkdtempSync(join(tmpdir(), 'saualnama-prof-'));
  const profiling = !process.env.BENCH_NO_PROFILE;
  if (profiling) profDir = process.env.BENCH_CPU_PROF || mkdtempSync(join(tmpdir(), 'saualnama-cpuprof-'));
  const server = await startServer(
    {
      DATA_DIR: dataDir,
      SURVEYS_DIR: join(ROOT, 'surveys'),
      RATE_LIMIT_BURST: '1000000000',
      RATE_LIMIT_PER_SECOND: '1000000000',
    },
    { cpuProfileDir: profiling ? profDir : undefined },
  );
  let i = 0;
  const before = cpuTicks(server.child.pid!);
  const from = process.hrtime.bigint() / 1000n;
  const threadsBefore = threadTicks(server.child.pid!);
  const result = await autocannon({
    url: `${server.url}/api/surveys/roadmap-needs/responses`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  const ticks = cpuTicks(server.child.pid!) - before;
  const threadsAfter = threadTicks(server.child.pid!);
  if (profiling)
    writeFileSync(
      join(profDir, 'window.json'),
      JSON.stringify([Number(from), Number(process.hrtime.bigint() / 1000n)]),
    );
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const ok = result['2xx'];
  console.log(
    `${connections} connections: ${Math.round(ok / seconds)}/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `non-2xx ${result.non2xx + result.errors}, server CPU ${((ticks * 10_000) / ok).toFixed(0)} µs/response, load ${loadAverage()}`,
  );
  const perThread = new Map<string, number>();
  for (const [tid, [name, t]] of threadsAfter) {
    const label = tid === server.child.pid ? 'main' : `${name}#${tid}`;
    perThread.set(label, (perThread.get(label) ?? 0) + t - (threadsBefore.get(tid)?.[1] ?? 0));
  }
  console.log(
    '  per thread µs/response: ' +
      [...perThread]
        .filter(([, t]) => t > 0)
        .map(([n, t]) => `${n} ${((t * 10_000) / ok).toFixed(0)}`)
        .join(', '),
  );
}
if (process.env.BENCH_NO_PROFILE) process.exit(0);
console.log(`profiles in ${profDir} (BENCH_ANALYZE=${profDir} reads them again)`);
interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
// Each sample goes to the innermost frame whose file names a stage (natives fall through to their JS caller).
const RULES: [string, RegExp][] = [
  ['line (render+SQL)', /exports\/|export-lines/],
  ['counts+text index', /answer-counts|count-layout|count-cache/],
  ['insert (id, dup, JSON)', /store\/responses|duplicates|record-keys/],
  ['fsync wait', /wal-sync/],
  ['COMMIT, batch', /group-commit|better-sqlite3/],
  ['validation', /judge|validator|catalog\/|json-checks|store\/surveys|response-record|survey-core|zod/],
  ['JSON body', /json-body/],
  ['post to writer thread', /writer-client/],
  ['ingest/reply', /http\/ingest|problem-reply|rate-limit|client-address/],
  ['request log', /log\.ts|pino/],
  ['loader (tsx/esm)', /node:internal\/modules|tsx\/dist/],
  ['node http/net', /node:_http|node:net|node:internal\/(http|stream|streams|net)|_http_|node:events|stream/],
];
for (const file of readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
  };
  const [from, to] = JSON.parse(readFileSync(join(profDir, 'window.json'), 'utf8')) as [number, number];
  let t = profile.startTime;
  const inWindow = profile.timeDeltas.map((d) => ((t += d), t >= from && t <= to));
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stage = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  for (const [k, s] of profile.samples.entries()) {
    if (!inWindow[k]) continue;
    total++;
    const leaf = byId.get(s)!;
    const selfName = `${leaf.callFrame.functionName || '(anon)'} ${leaf.callFrame.url.split('/').slice(-2).join('/')}`;
    self.set(selfName, (self.get(selfName) ?? 0) + 1);
    let found = leaf.callFrame.functionName.startsWith('(') ? leaf.callFrame.functionName : 'other';
    if (found === 'other')
      for (let id: number | undefined = s; id !== undefined; id = parent.get(id)) {
        const url = byId.get(id)!.callFrame.url;
        const rule = RULES.find(([, re]) => re.test(url));
        if (rule) {
          found = rule[0];
          break;
        }
      }
    stage.set(found, (stage.get(found) ?? 0) + 1);
  }
  const pct = (n: number) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
  console.log(`${file}: ${total} samples`);
  for (const [name, n] of [...stage].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(n)} ${name}`);
  console.log('  top self:');
  for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_TOP ?? 30)))
    console.log(`    ${pct(n)} ${name}`);
}
