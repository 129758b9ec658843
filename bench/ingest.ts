// Ingest benchmark (issue 15 item 6): the real server as a child process, autocannon posting the real instrument,
// `roadmap-needs`, at 10 and 50 connections (bench/ingest-run.ts). Every body is a distinct realistic response from
// the demo generator (~1.7 KB of answers in Kazakh, Russian or English; made before the clock starts), so
// validation, counts, the text index and the stored CSV lines all do their real work. Engines: SQLite always;
// PostgreSQL too when DATABASE_URL is set. Prints one table with both, and the machine. Asserts nothing.
import { describeMachine } from './machine';
import { loadAverage } from './child-server';
import { DURATION_S, ingestBoth, makeBodies } from './ingest-run';

/** Enough distinct bodies for the fastest engine's longest run, and some. */
const BODIES = Number(process.env.BENCH_BODIES ?? 6_000 * DURATION_S);
const bodies = makeBodies(BODIES);
const meanBytes = Math.round(bodies.reduce((n, b) => n + Buffer.byteLength(b), 0) / bodies.length);
const databaseUrl = process.env.DATABASE_URL || undefined;
const rows = await ingestBoth(bodies, databaseUrl);

console.log(
  `ingest: POST /api/surveys/roadmap-needs/responses, ${bodies.length.toLocaleString('en-US')} distinct demo ` +
    `responses (mean body ${meanBytes} bytes), ${DURATION_S} s per run, app server, database and load generator ` +
    `on one machine${databaseUrl ? '' : ' (set DATABASE_URL=postgres://… to add PostgreSQL)'}`,
);
console.table(rows);
console.log(`machine: ${describeMachine()}, load average ${loadAverage()}`);
