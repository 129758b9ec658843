// Reply shapes of /api/demo-data: how much demo data there is (the workspace's banner) and what a removal took.
import type { DemoDataCount, DemoRemoval } from '../../store';

/** GET /api/demo-data */
export type DemoDataBody = DemoDataCount;
/** DELETE /api/demo-data */
export type DemoRemovalBody = DemoRemoval;
