// `npm run bench`: runs each benchmark in turn; each prints its own figures and the machine.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BENCHES = [
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
];
let failed = false;
for (const file of BENCHES) {
  console.log(`\n=== bench/${file} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, file)], {
    stdio: 'inherit',
  });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
