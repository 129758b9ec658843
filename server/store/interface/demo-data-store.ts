// Rows written by `npm run cli -- demo`, marked as demo so that they can be counted and removed exactly.
import type { DemoDataCount, DemoRemoval } from '../demo-data';

export interface DemoDataStore {
  countDemoData(): Promise<DemoDataCount>;
  /** Removes exactly those, and what derives from them, in one transaction; rebuilds the counts concerned. */
  removeDemoData(): Promise<DemoRemoval>;
}
