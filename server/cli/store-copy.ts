// `store copy --to postgres://…`: moves DATA_DIR's SQLite database into an empty PostgreSQL database
// (server/store-pg/copy-from-sqlite.ts: one transaction, proved equal before it commits). Exit 0 copied, 1 refused
// or failed (nothing written), 2 bad usage. Stop the server first: answers taken during the copy would stay behind.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { DATABASE_FILE } from '../boot';
import { copySqliteToPostgres, CopyRefused } from '../store-pg/copy-from-sqlite';
import { isPostgresUrl } from '../store-pg';
import { cliConfig, openFromEnv } from './open';

export const USAGE = `usage: store copy --to postgres://user:password@host:5432/database

  Copies DATA_DIR's SQLite database into an EMPTY PostgreSQL database, in one transaction: survey versions and
  their hashes, published definitions, closed surveys, briefings, users, sessions, the audit log and every
  response (contact details and record keys included); the answer counts are rebuilt there. Before it commits it
  proves the copy equal: rows per table, a sha256 over every response read back, and every count key.
  It refuses (and writes nothing) when the PostgreSQL database is not empty, or when the SQLite database holds
  data the PostgreSQL engine does not keep yet (it names the tables). Stop the server before copying.`;

export async function storeCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let to: string | undefined;
  try {
    ({
      values: { to },
    } = parseArgs({ args: rest, options: { to: { type: 'string' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (sub !== 'copy' || !to || !isPostgresUrl(to)) {
    console.error(USAGE);
    return 2;
  }
  // Boot as the server does: the SQLite file migrated, the catalog's versions published, its count plans known.
  const config = cliConfig();
  const booted = await openFromEnv(config);
  const { dataDir } = config;
  const countPlans = countPlansOf(booted.catalog.surveys);
  await booted.store.close();
  let lastShown = 0;
  try {
    const report = await copySqliteToPostgres(join(dataDir, DATABASE_FILE), to, {
      countPlans,
      progress(copied, total) {
        if (copied - lastShown >= 100_000 || copied === total) {
          lastShown = copied;
          console.error(`  ${copied.toLocaleString('en')} of ${total.toLocaleString('en')} responses`);
        }
      },
    });
    for (const t of report.tables) console.log(`${t.table}: ${t.rows.toLocaleString('en')} rows`);
    console.log(
      `copied and proved equal in ${report.seconds.toFixed(1)} s: ${report.responses.toLocaleString('en')} responses ` +
        `(sha256 ${report.checksum}), ${report.countKeys.toLocaleString('en')} count keys`,
    );
    return 0;
  } catch (error) {
    console.error(
      `store copy: ${error instanceof CopyRefused ? '' : 'failed, nothing was written: '}${(error as Error).message}`,
    );
    return 1;
  }
}
