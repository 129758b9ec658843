// POST /api/surveys/:id/versions (admins): publishes a checked draft as the survey's next version. Its definition and
// hash go into the database in one transaction; this server serves it at once, others sharing the database within
// seconds (catalog-updates.ts). Published versions are immutable, like the files in surveys/.
import { Router } from 'express';
import { z } from 'zod';
import { Problem } from '../../domain/problem';
import { preparePublication } from '../../domain/survey-drafts';
import { audit } from '../audit';
import { requireUser, type SessionUser } from '../auth';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { fieldErrors } from '../../domain/field-errors';

/** As for drafts: roadmap-needs v3 is ~120 KB of JSON. */
const PUBLISH_LIMIT_BYTES = 2 * 1024 * 1024;

const PublishBody = z.object({
  /** The number the admin previewed: publishing refuses if someone took it meanwhile. */
  version: z.number().int().min(1),
  definition: z.record(z.string(), z.unknown()),
});

export function surveyPublishRouter(deps: AppDeps): Router {
  const { catalog, store, clock, updates } = deps;
  const router = Router();

  router.post('/api/surveys/:id/versions', requireUser('admin'), async (req, res) => {
    const id = req.params.id as string;
    if (!catalog.getSurvey(id)) throw new Problem('survey-not-found', `There is no survey "${id}".`);
    const parsed = PublishBody.safeParse(await readJsonBody(req, PUBLISH_LIMIT_BYTES));
    if (!parsed.success)
      throw new Problem(
        'invalid-request',
        'The body must be {"version": <the previewed number>, "definition": {…}}.',
        fieldErrors(parsed.error, { root: '(body)', path: 'dotted' }),
      );
    if (!updates)
      throw new Problem('publishing-unavailable', 'This server was started without survey publishing.');
    // Versions another server published are counted before the number is judged.
    await updates.refresh();
    const publication = preparePublication(catalog, id, parsed.data.definition, parsed.data.version);
    const user = res.locals.user as SessionUser;
    const stored = await store.publishDefinition({
      ...publication,
      publishedAt: clock().toISOString(),
      publishedBy: user.email,
    });
    if (!stored)
      throw new Problem(
        'version-taken',
        `v${publication.version} of ${id} was published meanwhile: check the draft again.`,
      );
    await updates.refresh();
    await audit(deps, req, res, 'survey-published', {
      survey: id,
      version: publication.version,
      sha256: publication.sha256,
    });
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json({ id, version: publication.version, sha256: publication.sha256 });
  });

  return router;
}
