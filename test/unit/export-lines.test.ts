// Stored export lines: a download that copies them is byte for byte the CSV built from the answers, with none, some
// or all of the lines rendered, for any row filter; a new layout, a changed rendering or renumbered rowids drop
// them at the next start rather than let a stale line reach an analyst.
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPlan, demoResponse } from '../../server/cli/demo/generate';
import { csvStream } from '../../exports/csv';
import { fastThresholds } from '../../exports/quality-columns';
import { csvExport, exportPlan } from '../../exports/export';
import { lineRenderersOf } from '../../exports/lines';
import { parseExportQuery, resolveExport, type ExportJob } from '../../exports/request';
import { loadCatalog } from '../../server/catalog/load';
import { openSqliteStore, type NewResponse, type Store } from '../../server/store';
import { makeTempDir, REPO_SURVEYS } from '../support/server';
import { withDatabaseFile } from '../support/database-file';

const roadmap = loadCatalog(REPO_SURVEYS).catalog.getSurvey('roadmap-needs')!;
const LAYOUTS = lineRenderersOf([roadmap]);
const RESPONSES = 400;

function responses(): NewResponse[] {
  const plan = demoPlan(roadmap);
  // Demo briefings are not stored here; the response's other fields (both versions, every region) are what count.
  return Array.from({ length: RESPONSES }, (_, i) => ({
    ...demoResponse(plan, 7, i).response,
    briefing: null,
  }));
}

async function bytes(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  await pipeline(stream, new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) }));
  return Buffer.concat(chunks).toString('utf8');
}

function job(query: Record<string, string | undefined> = {}): ExportJob {
  const parsed = parseExportQuery(query);
  if (!parsed.ok) throw new Error('bad query');
  const resolved = resolveExport(roadmap, parsed.value, () => undefined);
  if (!resolved.ok) throw new Error('bad job');
  return resolved.value;
}

let file: string;
let store: Store;

/** The download as it goes out (stored lines where there are any) and as built from the answers alone. */
async function bothWays(
  query: Record<string, string | undefined> = {},
): Promise<{ served: string; built: string; lines: number }> {
  const j = job(query);
  const reader = await store.openExportReader();
  try {
    const served = await bytes(await csvExport(reader, j));
    const built = await bytes(
      csvStream(exportPlan(j), reader.rows(j.filter, { contacts: false }), {
        labels: 'values',
        fastBelow: fastThresholds(await reader.durationMedians(j.survey.id)),
      }),
    );
    const layout = LAYOUTS[0]!.key;
    let lines = 0;
    for await (const batch of reader.lines(j.filter, layout))
      for (const row of batch) if (Buffer.isBuffer(row[0])) lines += 1;
    return { served, built, lines };
  } finally {
    await reader.close();
  }
}

/** What a new layout does at start: no lines, the filler at the beginning. */
function dropLines(): void {
  withDatabaseFile(file, (db) =>
    db.exec('DELETE FROM export_lines; UPDATE export_line_layouts SET filled_to = 0'),
  );
}

async function fillAll(): Promise<number> {
  let filled = 0;
  for (;;) {
    const report = await store.fillExportLines(1_000);
    filled += report.filled;
    if (!report.pending) return filled;
  }
}

beforeEach(async () => {
  file = join(makeTempDir(), 'saualnama.db');
  store = openSqliteStore(file, { projections: { lineRenderers: LAYOUTS } });
  const published = roadmap.versions.map((v) => ({
    surveyId: v.surveyId,
    version: v.version,
    sha256: v.sha256,
  }));
  await store.publishVersions(published, '2023-09-01T00:00:00.000Z');
  await store.insertResponses(responses());
});
afterEach(() => store.close());

describe('stored export lines', () => {
  it('are written with each response, and give the same CSV as the answers', async () => {
    const all = await bothWays();
    expect(all.lines).toBe(RESPONSES);
    expect(all.served).toBe(all.built);
    expect(all.served.split('\r\n')).toHaveLength(RESPONSES + 2); // header, rows, and the empty piece after the last line end
    // Rendered from the stored JSON (as the filler and the start-up check do), each line is the one stored.
    dropLines();
    expect(await fillAll()).toBe(RESPONSES);
    expect((await bothWays()).served).toBe(all.served);
    expect(await store.fillExportLines(1_000)).toEqual({ filled: 0, pending: false });
  });

  it('give the same CSV with none or some of them rendered, and catch up in insertion order', async () => {
    dropLines();
    const none = await bothWays();
    expect(none.lines).toBe(0);
    expect(none.served).toBe(none.built);

    // A budget of 0 still renders one page: some rows come with lines, the rest are built in between.
    expect(await store.fillExportLines(0)).toEqual({ filled: 64, pending: true });
    const some = await bothWays();
    expect(some.lines).toBe(64);
    expect(some.served).toBe(some.built);

    // While the filler is behind, a new response waits for it rather than leave a gap below its own line.
    const plan = demoPlan(roadmap);
    await store.insertResponses([{ ...demoResponse(plan, 8, 0).response, briefing: null }]);
    expect((await bothWays()).lines).toBe(64);
    expect(await fillAll()).toBe(RESPONSES + 1 - 64);
    await store.insertResponses([{ ...demoResponse(plan, 8, 1).response, briefing: null }]);
    const caughtUp = await bothWays();
    expect(caughtUp.lines).toBe(RESPONSES + 2);
    expect(caughtUp.served).toBe(caughtUp.built);
  });

  it('serve any row filter, and step aside for another layout', async () => {
    await fillAll();
    for (const query of [
      { region: 'KZ-10,KZ-75' },
      { from: '2024-01-01' },
      { version: '2' },
      { version: '1,2' },
    ]) {
      const { served, built } = await bothWays(query);
      expect(served, JSON.stringify(query)).toBe(built);
    }
    // Labels, joined choices and personal data are other layouts: built from the answers, never from lines.
    for (const query of [{ labels: 'ru' }, { choices: 'joined' }]) {
      const j = job(query);
      const reader = await store.openExportReader();
      const served = await bytes(await csvExport(reader, j));
      const built = await bytes(
        csvStream(exportPlan(j), reader.rows(j.filter, { contacts: false }), {
          labels: j.query.labels,
          fastBelow: fastThresholds(await reader.durationMedians(j.survey.id)),
        }),
      );
      await reader.close();
      expect(served, JSON.stringify(query)).toBe(built);
    }
  });

  /** Closes the store and opens it again, as a restart does; returns the surveys whose lines it dropped. */
  async function restart(layouts = LAYOUTS): Promise<readonly string[]> {
    await store.close();
    store = openSqliteStore(file, { projections: { lineRenderers: layouts } });
    return store.exportLinesReset;
  }

  /** After a restart that dropped them: no line is served, and the file is the same. */
  async function expectBuiltWithoutLines(): Promise<void> {
    const { served, built, lines } = await bothWays();
    expect(lines).toBe(0);
    expect(served).toBe(built);
  }

  it('are dropped at the next start when the layout changes, and rendered again', async () => {
    const v1Only = lineRenderersOf([{ versions: roadmap.versions.filter((v) => v.version === 1) }]);
    expect(await restart(v1Only)).toEqual(['roadmap-needs']);
    expect(await fillAll()).toBe(RESPONSES);
    expect(await restart()).toEqual(['roadmap-needs']);
    await expectBuiltWithoutLines();
    expect(await fillAll()).toBe(RESPONSES);
    expect(await restart()).toEqual([]);
  });

  it('are dropped when the rendering no longer writes what is stored', async () => {
    withDatabaseFile(file, (db) =>
      db.prepare("UPDATE export_lines SET line = CAST('stale,line\r\n' AS BLOB)").run(),
    );
    expect(await restart()).toEqual(['roadmap-needs']);
    await expectBuiltWithoutLines();
  });

  it('are dropped at the next start should rowids be renumbered', async () => {
    // What a VACUUM after deletions could do: the line at a rowid belonged to the response that used to have it.
    withDatabaseFile(file, (db) =>
      db.prepare("UPDATE export_lines SET response_id = 'someone-else' WHERE response_rowid > 100").run(),
    );
    expect(await restart()).toEqual(['roadmap-needs']);
    await expectBuiltWithoutLines();
  });
});
