// What an export asks for, parsed the same way from a query string (the route) and from flags (the CLI): zod checks
// each parameter and names it when it is wrong, then the request is resolved against the catalog and briefings.
import { z } from 'zod';
import { fieldErrors } from '../server/domain/field-errors';
import type { SurveyEntry } from '../server/catalog/load';
import { isRegionCode, REGION_CODES } from '../server/catalog/regions';
import { kazakhstanMidnight } from '../server/domain/kazakhstan-time';
import { LOCALES } from '../server/catalog/types';
import type { Briefing, CodebookCode, ResponseFilter } from '../server/store';
import type { ChoiceLayout } from './columns';
import type { Newlines, Separator } from './csv';
import type { LabelMode } from './rows';

const list = (message: string) =>
  z.string({ message }).transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `2024-09-15` or an ISO 8601 date-time with offset → an instant, as the stored `submitted_at` strings compare. */
const instant = (endOfDay: boolean) =>
  z.string().transform((s, ctx) => {
    const dateOnly = DATE_ONLY.test(s);
    // A date alone means that whole day on Kazakhstan's clock, where the briefings are.
    const text = dateOnly ? kazakhstanMidnight(s) : s;
    // z.iso checks the calendar too: Date.parse would take 2024-02-30 for 1 March without a word.
    const valid = (dateOnly ? z.iso.date() : z.iso.datetime({ offset: true })).safeParse(s).success;
    const ms = valid ? Date.parse(text) : NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset',
      });
      return z.NEVER;
    }
    // `to=2024-09-15` includes that whole day: the bound is the next midnight, exclusive.
    return new Date(dateOnly && endOfDay ? ms + 86_400_000 : ms).toISOString();
  });

export const exportQuerySchema = z
  // Strict: a misspelt `regions=KZ-55` must not quietly export every region the account may read.
  .strictObject({
    region: list('must be region codes separated by commas').pipe(
      z.array(
        z.string().refine(isRegionCode, { message: 'must be one of the 20 region codes (KZ-10 … KZ-79)' }),
      ),
    ),
    version: list('must be version numbers separated by commas').pipe(
      z.array(
        z
          .string()
          .regex(/^[1-9]\d{0,5}$/, { message: 'must be version numbers such as 1,2' })
          .transform(Number),
      ),
    ),
    briefing: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'must be a briefing slug' }),
    from: instant(false),
    to: instant(true),
    labels: z.enum(['values', ...LOCALES], { message: 'must be values, kk, ru or en' }),
    choices: z.enum(['columns', 'joined'], { message: 'must be columns or joined' }),
    pii: z.enum(['0', '1'], { message: 'must be 0 or 1' }).transform((v) => v === '1'),
    sep: z.enum(['comma', 'semicolon'], { message: 'must be comma or semicolon' }),
    flagged: z.enum(['include', 'exclude'], { message: 'must be include or exclude' }),
    newlines: z.enum(['keep', 'space'], { message: 'must be keep or space' }),
    review: z.enum(['default', 'all'], {
      message: 'must be default (rejected responses left out) or all',
    }),
  })
  .partial()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'must be after from', path: ['to'] });

export interface ExportQuery {
  regions?: string[];
  versions?: number[];
  briefing?: string;
  from?: string;
  to?: string;
  labels: LabelMode;
  choices: ChoiceLayout;
  pii: boolean;
  /** The CSV's separator (and decimal mark): `semicolon` for Excel set to Russian or Kazakh. */
  sep: Separator;
  /** `exclude`: leave out responses with a quality flag (exports/quality-columns.ts). */
  flagged: 'include' | 'exclude';
  /** `space`: line breaks inside texts become spaces, so SPSS and PSPP read one case per line (syntax.sps). */
  newlines: Newlines;
  /** `all`: rejected responses (review status) too; by default they are left out. */
  review: 'default' | 'all';
}

/** One refused parameter, named as the caller wrote it (query parameter or CLI flag without dashes). */
export interface ParameterError {
  question: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: ParameterError[] };

/** A query string is flat: each error names its parameter; each unknown parameter gets its own. */
const issueErrors = (error: z.ZodError): ParameterError[] =>
  fieldErrors(error, {
    root: 'query',
    path: 'first',
    unknownKey: { message: 'is not a parameter of exports', each: true },
  });

/**
 * Empty strings count as absent (`?briefing=` from a form), so a blank field never filters everything away; a
 * repeated parameter (`?region=KZ-10&region=KZ-55`) means the same as a comma list.
 */
export function parseExportQuery(raw: Record<string, unknown>): Parsed<ExportQuery> {
  const present = Object.fromEntries(
    Object.entries(raw)
      .map(
        ([k, v]) => [k, Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(',') : v] as const,
      )
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = exportQuerySchema.safeParse(present);
  if (!parsed.success) return { ok: false, errors: issueErrors(parsed.error) };
  const q = parsed.data;
  return {
    ok: true,
    value: {
      ...(q.region?.length && { regions: [...new Set(q.region)] }),
      ...(q.version?.length && { versions: [...new Set(q.version)].sort((a, b) => a - b) }),
      ...(q.briefing !== undefined && { briefing: q.briefing }),
      ...(q.from !== undefined && { from: q.from }),
      ...(q.to !== undefined && { to: q.to }),
      labels: q.labels ?? 'values',
      choices: q.choices ?? 'columns',
      pii: q.pii ?? false,
      sep: q.sep ?? 'comma',
      flagged: q.flagged ?? 'include',
      newlines: q.newlines ?? 'keep',
      review: q.review ?? 'default',
    },
  };
}

/**
 * The briefing a query names, looked up before resolveExport checks it (the store is asynchronous; resolving is
 * not): undefined when none is named or there is no such briefing.
 */
export async function askedBriefing(
  store: { getBriefing(slug: string): Promise<Briefing | undefined> },
  slug: string | undefined,
): Promise<Briefing | undefined> {
  return slug === undefined ? undefined : store.getBriefing(slug);
}

/** A parsed query checked against the survey: versions that exist, a briefing of this survey. */
export interface ExportJob {
  survey: SurveyEntry;
  query: ExportQuery;
  /** Versions whose questions make the columns: the requested ones, or all. */
  versions: SurveyEntry['versions'];
  filter: ResponseFilter;
  /** The survey's codebooks (store.listSurveyCodes): a column per code of each coded question (code-columns.ts). */
  codes?: readonly CodebookCode[];
}

export function resolveExport(
  survey: SurveyEntry,
  query: ExportQuery,
  getBriefing: (slug: string) => Briefing | undefined,
): Parsed<ExportJob> {
  const errors: ParameterError[] = [];
  const missing = (query.versions ?? []).filter((n) => !survey.versions.some((v) => v.version === n));
  if (missing.length > 0)
    errors.push({
      question: 'version',
      message: `survey "${survey.id}" has no version ${missing.join(', ')}`,
    });
  if (query.briefing !== undefined && getBriefing(query.briefing)?.surveyId !== survey.id)
    errors.push({
      question: 'briefing',
      message: `no briefing "${query.briefing}" for survey "${survey.id}"`,
    });
  if (errors.length > 0) return { ok: false, errors };
  const versions = query.versions
    ? survey.versions.filter((v) => query.versions!.includes(v.version))
    : survey.versions;
  const filter: ResponseFilter = {
    surveyId: survey.id,
    // Every stored response has one of the 20 codes: asking for all of them is no filter, and lets SQLite walk
    // the (survey, time) index in order instead of sorting a million rows before the first byte.
    ...(query.regions && query.regions.length < REGION_CODES.length && { regions: query.regions }),
    ...(query.versions && { versions: query.versions }),
    ...(query.briefing !== undefined && { briefing: query.briefing }),
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
    ...(query.review === 'all' && { review: 'all' }),
  };
  return { ok: true, value: { survey, query, versions, filter } };
}
