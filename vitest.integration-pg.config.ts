// The integration tests with every test server on PostgreSQL (a fresh schema each; test/support/server.ts). A
// project of `npm test` (vitest.config.ts); `npm run test:integration-pg` runs it alone.
// Tests about SQLite's own file (faults, fsync, backup, the file's crash safety) are left out: they have no
// PostgreSQL counterpart. `store copy` goes from SQLite to PostgreSQL by design and the two-server test is
// PostgreSQL's already: both run in the SQLite project.
import { defineConfig } from 'vitest/config';

export const integrationOnPostgres = {
  name: 'integration-pg',
  include: ['test/integration/**/*.test.ts'],
  exclude: [
    'test/integration/cli-backup*.test.ts',
    'test/integration/fsync-before-reply.test.ts',
    'test/integration/storage-faults*.test.ts',
    'test/integration/crash-safety.test.ts',
    'test/integration/cli-store-copy*.test.ts',
    'test/integration/two-servers-pg.test.ts',
  ],
  env: { SAUALNAMA_TEST_ENGINE: 'postgres' },
  setupFiles: ['test/support/drop-test-databases.ts'],
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

export default defineConfig({ test: integrationOnPostgres });
