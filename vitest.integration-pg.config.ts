// The integration tests with every test server on PostgreSQL (a fresh schema each; test/support/server.ts), run by
// `npm run test:integration-pg`. Not yet part of `npm test`: README "Scaling out" lists what still fails there.
// Tests about SQLite's own file (faults, fsync, backup, the file's crash safety) are left out: they have no
// PostgreSQL counterpart.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
  },
});
