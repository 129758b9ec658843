// GET /healthz (the process serves: always 200) and GET /readyz (it can do its job: the database takes a committed
// write, every migration is applied, the catalog holds a survey; else 503 problem+json naming what is wrong).
import { Router } from 'express';
import type { AppDeps } from '../deps';
import { Problem } from '../../domain/problem';

/** A probe writes (one fsync); a stranger polling /readyz in a loop must not turn that into an fsync per request. */
const PROBE_EVERY_MS = 1_000;

export function healthRouter({ store, catalog, clock, log }: AppDeps): Router {
  const router = Router();
  let last: { at: number; failures: string[] } | undefined;

  async function readiness(): Promise<string[]> {
    const now = clock();
    if (last && Math.abs(now.getTime() - last.at) < PROBE_EVERY_MS) return last.failures;
    const failures: string[] = [];
    const { writeError, missingMigrations } = await store.probeReadiness(now.toISOString());
    if (writeError !== null) {
      // The cause (SQLite's code, a path) is for the operator's log, not for whoever asks.
      log('GET /readyz: the database did not take the probe write', writeError);
      failures.push('the database cannot take writes');
    }
    if (missingMigrations.length > 0)
      failures.push(`migrations not applied: ${missingMigrations.join(', ')}`);
    if (catalog.surveys.length === 0) failures.push('no survey is loaded');
    last = { at: now.getTime(), failures };
    return failures;
  }

  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    const failures = await readiness();
    if (failures.length > 0) throw new Problem('not-ready', `Not ready: ${failures.join('; ')}.`);
    res.json({ status: 'ready', surveys: catalog.surveys.length });
  });
  return router;
}
