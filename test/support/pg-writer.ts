// A stand-in app server's write path for the kill tests: opens the PostgreSQL store (its own pool, its own count
// shard), then submits responses of the example survey with 20 concurrent writers until killed, printing
// `ack <id>` only after the store resolved the write as created (after COMMIT), as the server sends 201.
// Usage: node --import tsx test/support/pg-writer.ts <database url> <id prefix>
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import { openPostgresStore } from '../../server/store-pg';
import { FIXTURE_SURVEYS } from './server';

const [url, prefix] = process.argv.slice(2) as [string, string];
const store = await openPostgresStore(url, {
  countPlans: countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys),
  poolSize: 3,
});
await store.publishVersions(
  [{ surveyId: 'example', version: 1, sha256: 'fixture' }],
  new Date().toISOString(),
);
process.stdout.write(`ready shard=${store.shard}\n`);
let n = 0;
async function writer(): Promise<never> {
  for (;;) {
    const id = `${prefix}-${n++}`;
    const outcome = await store.submitResponse({
      id,
      surveyId: 'example',
      version: 1,
      locale: 'kk',
      region: n % 2 ? 'KZ-10' : 'KZ-11',
      briefing: null,
      startedAt: null,
      submittedAt: new Date().toISOString(),
      answers: { region: n % 2 ? 'KZ-10' : 'KZ-11', role: 'volunteer', proposal: `${id} ұсыныс` },
      contacts: null,
      contentHash: id,
    });
    if (outcome.status === 'created') process.stdout.write(`ack ${id}\n`);
  }
}
await Promise.all(Array.from({ length: 20 }, writer));
