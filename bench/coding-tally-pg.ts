// Code counts on PostgreSQL (tallyCodes), which sums the question's coded rows on read (migration 0008) where SQLite
// keeps coding_counts: BENCH_RESPONSES (default 1,000,000) responses written straight in SQL (small answers: the
// count reads only the coding tables), BENCH_CODED (default 50,000) of them coded in pass 1 with one or two of five
// codes, then the median of 7 counts, whole survey and over a date range. PostgreSQL: TEST_DATABASE_URL or the
// tests' database, in a schema made and dropped here. Prints; asserts nothing. Run:
//   nice -n 5 node --import tsx bench/coding-tally-pg.ts
import { loadavg } from 'node:os';
import { openPostgresStore } from '../server/store-pg';
import { freshSchema } from '../test/support/postgres';
import { describeMachine } from './machine';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const CODED = Number(process.env.BENCH_CODED ?? 50_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(
  `machine: ${describeMachine()}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const schema = await freshSchema();
const store = await openPostgresStore(schema.url, { poolSize: 2 });
try {
  const q = (sql: string) => store.pool.query(sql);
  let started = performance.now();
  await q(`INSERT INTO survey_versions VALUES ('s', 1, 'x', 'T')`);
  await q(`INSERT INTO responses (id, survey_id, version, locale, region, submitted_at, answers, content_hash, record_key)
    SELECT 'r' || g, 's', 1, 'kk', 'KZ-' || (10 + g % 17),
      to_char(timestamp '2024-01-01' + (g % 91) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'), '{}', 'h',
      (g * 2654435761) % 4294967296
    FROM generate_series(1, ${RESPONSES}) g`);
  console.log(
    `${RESPONSES.toLocaleString('en')} responses written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await q(`INSERT INTO coding_codes (survey_id, question, code, label_kk, label_ru, label_en, created_at, updated_at)
    SELECT 's', 'q', 'c' || g, 'kk', 'ru', 'en', 'T', 'T' FROM generate_series(1, 5) g`);
  // Every k-th response, so the coded answers spread over regions and days as a coder's would.
  const every = Math.max(1, Math.floor(RESPONSES / CODED));
  await q(`INSERT INTO coded_answers (survey_id, question, pass, response_seq, coder, coded_at, version, region,
      briefing, day, record_key)
    SELECT 's', 'q', 1, seq, 'c', 'T', version, region, '', left(submitted_at, 10), record_key
    FROM responses WHERE seq % ${every} = 0 LIMIT ${CODED}`);
  for (const [shift, where] of [
    [0, 'true'],
    [2, 'response_seq % 3 = 0'],
  ] as const)
    await q(`INSERT INTO answer_codes (survey_id, question, pass, response_seq, code_id, version, region, briefing,
        day, record_key)
      SELECT survey_id, question, 1, response_seq, 1 + (response_seq / ${every} + ${shift}) % 5, version, region,
        briefing, day, record_key
      FROM coded_answers WHERE ${where}`);
  await q('VACUUM ANALYZE coded_answers');
  await q('VACUUM ANALYZE answer_codes');
  const { rows } = await store.pool.query<{ coded: number; codes: number }>(
    'SELECT (SELECT count(*) FROM coded_answers) AS coded, (SELECT count(*) FROM answer_codes) AS codes',
  );
  console.log(
    `coded answers ${rows[0]!.coded.toLocaleString('en')}, codes given ${rows[0]!.codes.toLocaleString('en')}`,
  );
  for (const [label, filter] of [
    ['whole survey', { surveyId: 's' }],
    ['one month', { surveyId: 's', fromDay: '2024-02-01', toDay: '2024-02-29' }],
  ] as const) {
    const times: number[] = [];
    let cells = 0;
    for (let i = 0; i < 7; i++) {
      started = performance.now();
      cells = (await store.tallyCodes(filter, 'q')).length;
      times.push(performance.now() - started);
    }
    console.log(`tallyCodes, ${label}: median ${median(times).toFixed(1)} ms (${cells} region × code cells)`);
  }
} finally {
  await store.close();
  await schema.drop();
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
