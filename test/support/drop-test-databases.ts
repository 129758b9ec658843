// Setup file of vitest.integration-pg.config.ts: at the end of each test file, the PostgreSQL schemas made for data
// folders that the test gave its servers itself (test-database.ts) are dropped, as their temp folders would be.
import { afterAll } from 'vitest';
import { dropAllDatabases } from './test-database';

afterAll(dropAllDatabases);
