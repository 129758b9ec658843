// Admins' survey page: close or open a survey, download a version's texts as a spreadsheet for translators, and
// check a draft of the next version (an uploaded definition, or a filled-in spreadsheet applied to the version it
// came from): its number, check's findings and what changed. Publishing the checked draft is survey-publish.ts.
import type { IncomingMessage } from 'node:http';
import { Router, type Request, type Response } from 'express';
import { applyStrings, surveyStrings } from '../../catalog/survey-strings';
import { Problem } from '../../domain/problem';
import { readStringsSheet, writeStringsSheet } from '../../domain/strings-sheet';
import { draftVersion, type SurveyDraft } from '../../domain/survey-drafts';
import { audit } from '../audit';
import { requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';

/** roadmap-needs v3 is ~120 KB of JSON and its sheet ~40 KB: 2 MB leaves room without inviting abuse. */
const DRAFT_LIMIT_BYTES = 2 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(
          new Problem('body-too-large', `The file may be at most ${limit / 1024 / 1024} MB.`, undefined, {
            Connection: 'close',
          }),
        );
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function surveyVersionsRouter(deps: AppDeps): Router {
  const { catalog, store, clock, config } = deps;
  const router = Router();
  const surveyOf = (id: string) => {
    const survey = catalog.getSurvey(id);
    if (!survey) throw new Problem('survey-not-found', `There is no survey "${id}".`);
    return survey;
  };
  /** The draft, audit-logged: the check stores nothing, but the log says which upload a published version came from. */
  const draftOf = async (
    req: Request,
    res: Response,
    id: string,
    definition: Record<string, unknown>,
    from: { sheet: number } | 'json',
  ): Promise<SurveyDraft> => {
    const draft = draftVersion(catalog, id, definition)!;
    await audit(deps, req, res, 'survey-draft-checked', {
      survey: id,
      version: draft.version,
      from: from === 'json' ? 'json' : `strings sheet of v${from.sheet}`,
      errors: draft.errors,
      warnings: draft.warnings,
      changes: draft.changes.length,
    });
    return draft;
  };

  router.put('/api/surveys/:id/closed', requireUser('admin'), async (req, res) => {
    const survey = surveyOf(req.params.id as string);
    const body = await readJsonBody(req, config.bodyLimitBytes);
    const closed = (body as { closed?: unknown } | null)?.closed;
    if (typeof closed !== 'boolean')
      throw new Problem('invalid-request', 'The body must be {"closed": true|false}.', [
        { question: 'closed', message: 'must be true or false' },
      ]);
    // One statement decides whether this request changed anything: of two admins closing at once (on one server
    // or two), one closing is audited, not two.
    if (await store.setSurveyClosed(survey.id, closed, clock().toISOString()))
      await audit(deps, req, res, closed ? 'survey-closed' : 'survey-opened', { survey: survey.id });
    res
      .set('Cache-Control', 'no-store')
      .json({ id: survey.id, closed, closedAt: (await store.surveyClosedAt(survey.id)) ?? null });
  });

  router.get('/api/surveys/:id/versions/:n/strings.xlsx', requireUser('admin'), async (req, res) => {
    const survey = surveyOf(req.params.id as string);
    const version = survey.versions.find((v) => String(v.version) === req.params.n);
    if (!version)
      throw new Problem('version-not-found', `Survey "${survey.id}" has no version "${req.params.n}".`);
    const bytes = await writeStringsSheet(survey.id, version.version, surveyStrings(version.definition));
    res
      .set('Content-Type', XLSX)
      .set('Content-Disposition', `attachment; filename="${survey.id}-v${version.version}-strings.xlsx"`)
      .set('Cache-Control', 'no-store')
      .send(bytes);
  });

  router.post('/api/surveys/:id/drafts', requireUser('admin'), async (req, res) => {
    const survey = surveyOf(req.params.id as string);
    if ((req.headers['content-type'] ?? '').split(';')[0]!.trim() === XLSX) {
      const sheet = await readStringsSheet(await readBytes(req, DRAFT_LIMIT_BYTES));
      if (!sheet.ok) throw new Problem('not-a-sheet', `The spreadsheet cannot be used: ${sheet.problem}.`);
      const base = survey.versions.find((v) => v.version === sheet.version);
      if (sheet.surveyId !== survey.id || !base)
        throw new Problem(
          'not-a-sheet',
          `The spreadsheet belongs to ${sheet.surveyId} v${sheet.version}, not to a version of ${survey.id}.`,
        );
      const applied = applyStrings(base.definition, sheet.rows);
      if (!applied.ok)
        throw new Problem(
          'sheet-structure-changed',
          'Only texts may change in the spreadsheet; questions, choices and rows change in the survey’s JSON.',
          applied.problems.map((message) => ({ question: 'sheet', message })),
        );
      const draft = await draftOf(req, res, survey.id, applied.definition, { sheet: sheet.version });
      return res.set('Cache-Control', 'no-store').json(draft);
    }
    const definition = await readJsonBody(req, DRAFT_LIMIT_BYTES);
    if (definition === null || typeof definition !== 'object' || Array.isArray(definition))
      throw new Problem('invalid-request', 'The draft must be a survey definition: a JSON object.', [
        { question: '(body)', message: 'must be a JSON object with pages' },
      ]);
    const draft = await draftOf(req, res, survey.id, definition as Record<string, unknown>, 'json');
    res.set('Cache-Control', 'no-store').json(draft);
  });

  return router;
}
