// `npm run bench`: runs each benchmark in turn; each prints its own figures and the machine. With DATABASE_URL set,
// bench/side-by-side.ts adds the two engines in one table. `npm run bench -- side-by-side export` runs only those.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ALL = [
  'ingest.ts',
  'store-ingest.ts',
  'validate.ts',
  'summary.ts',
  'export.ts',
  'export-xlsx.ts',
  'export-repeats.ts',
  'grid-counts.ts',
  'first-load.ts',
  'dashboard-draw.ts',
  'coding.ts',
  ...(process.env.DATABASE_URL ? ['side-by-side.ts'] : []),
];
const chosen = process.argv.slice(2).map((name) => (name.endsWith('.ts') ? name : `${name}.ts`));
const unknown = chosen.filter((file) => !existsSync(resolve(import.meta.dirname, file)));
if (unknown.length > 0) {
  console.error(`no such benchmark: ${unknown.join(', ')} (they are the files in bench/)`);
  process.exit(2);
}
let failed = false;
for (const file of chosen.length > 0 ? chosen : ALL) {
  console.log(`\n=== bench/${file} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, file)], {
    stdio: 'inherit',
  });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
