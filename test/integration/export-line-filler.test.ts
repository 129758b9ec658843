// The real server (`server/main.ts` in a child process) stores the CSV line of each response it receives, and
// says once at start-up when every stored response has its line.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { envelope, postResponse } from '../support/answers';
import { spawnServer, type ChildServer } from '../support/child-server';
import { FIXTURE_SURVEYS, makeTempDir } from '../support/server';

let server: ChildServer | undefined;
afterEach(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  server = undefined;
});

function storedLines(dataDir: string): { lines: number; responses: number; bad: number } {
  const db = new Database(join(dataDir, 'saualnama.db'), { readonly: true });
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      lines: count('SELECT count(*) FROM export_lines'),
      responses: count('SELECT count(*) FROM responses'),
      // A line starts with its response's id, the first column.
      bad: count(`SELECT count(*) FROM export_lines l JOIN responses r ON r.rowid = l.response_rowid
        WHERE l.response_id != r.id OR substr(CAST(l.line AS TEXT), 1, 36) != r.id`),
    };
  } finally {
    db.close();
  }
}

describe('the export line filler in the running server', () => {
  it('announces it is caught up, then has a line for each response posted', async () => {
    const dataDir = makeTempDir();
    server = await spawnServer({ DATA_DIR: dataDir, SURVEYS_DIR: FIXTURE_SURVEYS });
    await expect
      .poll(() => server!.output(), { timeout: 10_000 })
      .toMatch(/stored CSV lines ready: every response has one \(0 rendered/);
    for (let i = 0; i < 25; i++) expect((await postResponse(server.url, envelope())).status).toBe(201);
    await expect
      .poll(() => storedLines(dataDir), { timeout: 15_000, interval: 250 })
      .toEqual({ lines: 25, responses: 25, bad: 0 });
  }, 60_000);
});
