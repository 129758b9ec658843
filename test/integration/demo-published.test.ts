// `demo` on a survey whose newest version was published in the workspace: the worker threads build the same catalog
// as the main thread (files plus published definitions), so a large run draws answers for that version too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { boot } from '../../server/boot';
import { canonicalJson, sha256Hex } from '../../server/catalog/canonical-json';
import { runDemo } from '../../server/cli/demo/run';
import { readStoredResponses } from '../support/stored-data';
import { copySurveys, makeTempDir } from '../support/server';
import { databaseUrlFor } from '../support/test-database';

it('a demo run with worker threads draws answers for a version published in the workspace', async () => {
  const surveysDir = copySurveys();
  const dataDir = makeTempDir();
  const definition = JSON.parse(readFileSync(join(surveysDir, 'example', 'v1.json'), 'utf8'));
  definition.pages[0].elements[1].title.kk = 'Брифингтегі рөліңіз';
  const databaseUrl = await databaseUrlFor(dataDir);
  const first = await boot({ surveysDir, dataDir, databaseUrl });
  expect(
    await first.store.publishDefinition({
      surveyId: 'example',
      version: 2,
      sha256: sha256Hex(canonicalJson(definition)),
      definition,
      publishedAt: new Date().toISOString(),
      publishedBy: 'admin@example.kz',
    }),
  ).toBe(true);
  await first.store.close();

  const { store, catalog } = await boot({ surveysDir, dataDir, databaseUrl });
  try {
    // 20 000 is the smallest run that starts workers.
    const summary = await runDemo({
      store,
      catalog,
      surveysDir,
      surveyId: 'example',
      count: 20_000,
      seed: 3,
      workers: 1,
    });
    expect(summary.created).toBe(20_000);
    const versions = new Set(
      (await readStoredResponses(dataDir, { surveyId: 'example' })).map((r) => r.version),
    );
    expect([...versions].sort()).toEqual([1, 2]);
  } finally {
    await store.close();
  }
}, 120_000);
