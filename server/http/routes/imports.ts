// POST /api/imports/unsent (admins): a phone's "unsent answers" file, sent as its JSON body, imported with the same
// code as `npm run cli -- import` (unsent-import.ts); the reply is the report with each response's outcome.
import { Router } from 'express';
import { audit } from '../audit';
import { requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { Problem } from '../../domain/problem';
import { importUnsent, notJsonFile, readUnsentFile, type ImportReport } from '../../domain/unsent-import';

/**
 * A phone's pretty-printed file holds about 2.4 KB per roadmap-needs response (3.7 KB the longest of 1,000 demo
 * responses): 4 MB takes a tablet's few hundred responses even with 10 KB of free text each, while each response
 * inside is still held to the 256 KB of a single POST.
 */
export const IMPORT_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export function importsRouter(deps: AppDeps): Router {
  const { store, catalog, clock, config } = deps;
  const router = Router();

  router.post('/api/imports/unsent', requireUser('admin'), async (req, res) => {
    const { name } = req.query;
    if (name !== undefined && (typeof name !== 'string' || name.length > 200))
      throw new Problem('invalid-request', 'The file name is not as expected: see errors.', [
        { question: 'name', message: 'must be one file name of at most 200 characters' },
      ]);
    // Depth and text are checked per response inside (as POST …/responses checks them), not on the whole file.
    // Someone chose the wrong file (a CSV, a photo): say what file is expected, as the CLI does.
    const body = await readJsonBody(req, IMPORT_BODY_LIMIT_BYTES, { inspect: false, notJson: notJsonFile });
    const file = readUnsentFile(body);
    const report = await importUnsent(
      { catalog, store, clock, bodyLimitBytes: config.bodyLimitBytes, closedGraceMs: config.closedGraceMs },
      file,
    );
    // Counts and where the file came from; never an answer.
    await audit(deps, req, res, 'responses-imported', {
      ...(name !== undefined && { file: name }),
      exportedAt: report.exportedAt,
      origin: report.origin,
      surveys: [...new Set(report.responses.map((r) => r.survey))].slice(0, 20),
      ...report.counts,
    });
    res.set('Cache-Control', 'no-store').json(report satisfies ImportReport);
  });

  return router;
}
