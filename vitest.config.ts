// Five projects so each kind of test can run alone (npm run test:unit / test:integration / test:integration-pg /
// test:e2e): the integration tests run twice, on SQLite and with every test server on PostgreSQL.
import { defineConfig } from 'vitest/config';
import { integrationOnPostgres } from './vitest.integration-pg.config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Some unit tests start worker threads or judge thousands of answers with survey-core: on a busy
          // two-core machine 5 s is a coin toss, and a timeout says nothing about correctness.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // The store conformance suite: the same tests against SQLite and PostgreSQL (test/conformance/engines.ts).
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      { test: integrationOnPostgres },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: two cores cannot run several browsers and the server well.
          fileParallelism: false,
        },
      },
    ],
  },
});
