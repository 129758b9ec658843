// The real server (`server/main.ts` in a child process) stores the CSV line of each response it receives, and
// says once at start-up when every stored response has its line.
import { afterEach, describe, expect, it } from 'vitest';
import { envelope, postResponse } from '../support/answers';
import { spawnServer, type ChildServer } from '../support/child-server';
import { FIXTURE_SURVEYS, makeTempDir } from '../support/server';
import { queryNumber } from '../support/stored-data';
import { onPostgres } from '../support/test-database';

let server: ChildServer | undefined;
afterEach(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  server = undefined;
});

/** A line starts with its response's id, the first column: lines that do not, per engine's own layout. */
const BAD_LINES = onPostgres()
  ? `SELECT count(*) FROM export_lines l JOIN responses r ON r.seq = l.response_seq
     WHERE substr(convert_from(l.line, 'UTF8'), 1, 36) != r.id`
  : `SELECT count(*) FROM export_lines l JOIN responses r ON r.rowid = l.response_rowid
     WHERE l.response_id != r.id OR substr(CAST(l.line AS TEXT), 1, 36) != r.id`;

async function storedLines(dataDir: string): Promise<{ lines: number; responses: number; bad: number }> {
  return {
    lines: await queryNumber(dataDir, 'SELECT count(*) FROM export_lines'),
    responses: await queryNumber(dataDir, 'SELECT count(*) FROM responses'),
    bad: await queryNumber(dataDir, BAD_LINES),
  };
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
