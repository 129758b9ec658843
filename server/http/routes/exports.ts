// Signed-in downloads of answers: CSV, the per-region zip, and the data dictionary. Admins and analysts export;
// authors work from aggregates only (issue 6). Region scope and personal data go through auth.ts's predicates.
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { BOM, csvDialect } from '../../../exports/csv';
import { dictionaryCsv } from '../../../exports/dictionary';
import {
  csvExport,
  exportFileName,
  exportPlan,
  xlsxJobExport,
  ZIP_FORMATS,
  zipExport,
  zipXlsxExport,
} from '../../../exports/export';
import { repeatCsvStream, repeatDictionaryRows, repeatFiles } from '../../../exports/repeats';
import { SYNTAX_KINDS, syntaxFile } from '../../../exports/syntax/file';
import { XLSX_TYPE } from '../../../exports/xlsx';
import { LOCALES } from '../../catalog/types';
import { askedBriefing, parseExportQuery, resolveExport, type ExportJob } from '../../../exports/request';
import type { ExportReader } from '../../store';
import { audit } from '../audit';
import { canExportPersonalData, currentUser, readableRegions, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { Problem } from '../../domain/problem';

/** Parse (400) → authorize (403) → resolve against the catalog (404, 400): the job a download runs. */
async function prepare(
  deps: AppDeps,
  req: Request,
  res: Response,
  raw = req.query as Record<string, unknown>,
): Promise<ExportJob> {
  const id = String(req.params.id);
  const survey = deps.catalog.getSurvey(id);
  if (!survey) throw new Problem('survey-not-found', `There is no survey "${id}".`);
  const parsed = parseExportQuery(raw);
  if (!parsed.ok)
    throw new Problem(
      'invalid-request',
      `Check ${[...new Set(parsed.errors.map((e) => e.question))].join(', ')}.`,
      parsed.errors,
    );
  const user = currentUser(res);
  const regions = readableRegions(user, parsed.value.regions);
  if (parsed.value.pii && !canExportPersonalData(user))
    throw new Problem(
      'forbidden',
      'Personal data (pii=1) may be exported by an admin only; leave pii out for the answers.',
    );
  const asked = await askedBriefing(deps.store, parsed.value.briefing);
  const resolved = resolveExport(survey, { ...parsed.value, regions }, () => asked);
  if (!resolved.ok)
    throw new Problem(
      'invalid-request',
      `Check ${resolved.errors.map((e) => e.question).join(', ')}.`,
      resolved.errors,
    );
  // Written before the first byte leaves: an export that cannot be recorded (a full disk) does not happen.
  // The regions recorded are those read: the asked ones, or all the account may read when none were asked.
  const file = req.path.slice(req.path.lastIndexOf('/') + 1);
  await audit(deps, req, res, 'export', { survey: survey.id, file, ...resolved.value.query });
  return { ...resolved.value, codes: await deps.store.listSurveyCodes(survey.id) };
}

function downloadHeaders(res: ServerResponse, type: string, fileName: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  // Answers are not for shared caches; no-transform also keeps the compression middleware off a stream that is
  // CPU-bound already (the zip is the compressed download).
  res.setHeader('Cache-Control', 'private, no-store, no-transform');
}

/** A client that closed the connection is not an error to log; anything else cut the download short. */
const clientWentAway = (error: unknown, res: ServerResponse) =>
  (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
  (res.destroyed && !res.writableFinished);

/**
 * Streams `body` with backpressure. A client that goes away destroys `body`, which closes its iterator; the
 * reader's connection is closed whatever happened. Not awaited: an error after the headers cannot be a problem
 * reply any more, so it is logged here instead of reaching the error middleware.
 */
function stream(
  deps: AppDeps,
  res: ServerResponse,
  body: Readable,
  reader: ExportReader,
  abort?: () => void,
): void {
  pipeline(body, res)
    .catch((error: unknown) => {
      abort?.();
      if (!clientWentAway(error, res)) deps.log('export stopped by an error', error);
    })
    .finally(() => reader.close());
}

/**
 * Opens a reader and makes the download's body from it; the reader is closed again when making the body fails
 * (the error then becomes a problem reply: no byte has left yet).
 */
async function opened<T>(
  deps: AppDeps,
  make: (reader: ExportReader) => Promise<T> | T,
): Promise<{ reader: ExportReader; body: T }> {
  const reader = await deps.store.openExportReader();
  try {
    return { reader, body: await make(reader) };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

export function exportsRouter(deps: AppDeps): Router {
  const router = Router();
  const mayExport = requireUser('admin', 'analyst');

  router.get('/api/surveys/:id/export.csv', mayExport, async (req, res) => {
    const job = await prepare(deps, req, res);
    const { reader, body } = await opened(deps, (r) => csvExport(r, job));
    downloadHeaders(res, 'text/csv; charset=utf-8; header=present', exportFileName(job, deps.clock(), 'csv'));
    stream(deps, res, body, reader);
  });

  router.get('/api/surveys/:id/export.zip', mayExport, async (req, res) => {
    // `format=xlsx`: a workbook per region instead of a CSV; a parameter of the zip alone.
    const { format, ...query } = req.query as Record<string, unknown>;
    if (format !== undefined && !ZIP_FORMATS.some((f) => f === format))
      throw new Problem('invalid-request', 'Check format.', [
        { question: 'format', message: 'must be csv or xlsx' },
      ]);
    const job = await prepare(deps, req, res, query);
    const xlsx = format === 'xlsx';
    const { reader, body: zip } = await opened(deps, (r) =>
      xlsx ? zipXlsxExport(r, job, deps.clock()) : zipExport(r, job, deps.clock()),
    );
    downloadHeaders(res, 'application/zip', exportFileName(job, deps.clock(), 'zip', xlsx ? ['xlsx'] : []));
    stream(deps, res, zip.stream, reader, zip.abort);
  });

  router.get('/api/surveys/:id/export.xlsx', mayExport, async (req, res) => {
    const job = await prepare(deps, req, res);
    const { reader, body: book } = await opened(deps, (r) => xlsxJobExport(r, job, deps.clock()));
    downloadHeaders(res, XLSX_TYPE, exportFileName(job, deps.clock(), 'xlsx'));
    stream(deps, res, book.stream, reader, book.abort);
  });

  router.get('/api/surveys/:id/dictionary.csv', mayExport, async (req, res) => {
    const job = await prepare(deps, req, res);
    downloadHeaders(
      res,
      'text/csv; charset=utf-8; header=present',
      exportFileName(job, deps.clock(), 'dictionary.csv'),
    );
    const repeats = repeatFiles(job.versions, { choices: job.query.choices, pii: false });
    res.end(
      dictionaryCsv(
        exportPlan(job),
        csvDialect(job.query.sep, job.query.newlines),
        repeatDictionaryRows(repeats),
      ),
    );
  });

  // One repeating group's long-format file on its own (the zip holds it too), same filters as export.csv.
  router.get('/api/surveys/:id/repeats/:question.csv', mayExport, async (req, res) => {
    const job = await prepare(deps, req, res);
    const repeat = repeatFiles(job.versions, { choices: job.query.choices, pii: false }).find(
      (r) => r.question === req.params.question,
    );
    if (!repeat)
      throw new Problem(
        'not-found',
        `Survey "${job.survey.id}" has no repeating group "${String(req.params.question)}".`,
      );
    const { reader, body } = await opened(deps, (r) =>
      repeatCsvStream(r, repeat, job.filter, job.query.labels, csvDialect(job.query.sep, job.query.newlines)),
    );
    downloadHeaders(res, 'text/csv; charset=utf-8; header=present', repeat.fileName);
    stream(deps, res, body, reader);
  });

  // Statistics syntax for the CSV of the same query (exports/syntax/), labelled in `lang` (kk, ru or en).
  for (const kind of SYNTAX_KINDS)
    router.get(`/api/surveys/:id/syntax.${kind}`, mayExport, async (req, res) => {
      const { lang, ...query } = req.query as Record<string, unknown>;
      if (lang !== undefined && !LOCALES.some((l) => l === lang))
        throw new Problem('invalid-request', 'Check lang.', [
          { question: 'lang', message: 'must be kk, ru or en' },
        ]);
      const job = await prepare(deps, req, res, query);
      const language =
        LOCALES.find((l) => l === lang) ?? (job.query.labels === 'values' ? 'en' : job.query.labels);
      const search = new URLSearchParams(
        Object.entries(query).flatMap(([k, v]) =>
          typeof v === 'string' ? [[k, v] as [string, string]] : [],
        ),
      );
      const { fileName, text } = syntaxFile(job, kind, language, deps.clock(), search);
      downloadHeaders(res, 'text/plain; charset=utf-8', fileName);
      // SPSS tells a UTF-8 syntax file by its byte-order mark; Stata and R do not want one (R's is ASCII anyway).
      res.end(kind === 'sps' ? BOM + text : text);
    });

  return router;
}
