// Turns a parsed body into a response ready to store, or the reasons it does not fit: the envelope, then the survey,
// version, closing and answers.
// The order of checks follows DESIGN.md "How a POST /responses is judged" from 404 on.
import type { Catalog, SurveyVersion } from '../catalog/load';
import { isRegionCode } from '../catalog/regions';
import { toResponseRecord } from '../catalog/response-record';
import type { NewResponse, Store } from '../store';
import { refuseUnlessBriefingOpen } from './briefing-window';
import { responseEnvelope, STARTED_AT_MAX_SKEW_MS, type ResponseEnvelope } from '../http/contract/responses';
import { fieldErrors } from './field-errors';
import { Problem, type FieldError } from './problem';

function parseEnvelope(body: unknown, now: Date) {
  const parsed = responseEnvelope.safeParse(body);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error, { root: '(body)', path: 'dotted' });
    throw new Problem('invalid-request', 'The response envelope is not as expected: see errors.', errors);
  }
  const envelope = parsed.data;
  if (envelope.startedAt && Date.parse(envelope.startedAt) > now.getTime() + STARTED_AT_MAX_SKEW_MS)
    throw new Problem('invalid-request', 'startedAt lies in the future.', [
      { question: 'startedAt', message: 'is more than 5 minutes ahead of the server clock' },
    ]);
  return envelope;
}

/**
 * Everything POST …/responses decides about a parsed body before the write, in the contract's order: 400 (envelope),
 * 404, 410, 422 (as Problems), or the response to store. The import of unsent-answers files calls it too.
 */
export async function judgeBody(
  surveyId: string,
  body: unknown,
  deps: { catalog: Catalog; store: Store; now: Date; closedGraceMs: number },
): Promise<NewResponse> {
  const envelope = parseEnvelope(body, deps.now);
  if (!deps.catalog.getSurvey(surveyId))
    throw new Problem('survey-not-found', `There is no survey "${surveyId}".`);
  return judgeResponse(surveyId, envelope, deps);
}

export async function judgeResponse(
  surveyId: string,
  envelope: ResponseEnvelope,
  {
    catalog,
    store,
    now,
    closedGraceMs,
  }: {
    catalog: { getVersion(id: string, n: number): SurveyVersion | undefined };
    store: Store;
    now: Date;
    closedGraceMs: number;
  },
): Promise<NewResponse> {
  const version = catalog.getVersion(surveyId, envelope.version);
  if (!version)
    throw new Problem('version-not-found', `Survey "${surveyId}" has no version ${envelope.version}.`);
  // A newer version does not retire this one: answers to any published version are taken while the survey is
  // open (exports mark the questions it lacked "not asked"), so a phone that kept an older form loses nothing.
  const closedAt = await store.surveyClosedAt(surveyId);
  if (closedAt !== undefined)
    refuseUnlessInGrace(surveyId, closedAt, envelope.startedAt ?? null, now, closedGraceMs);
  const briefingSlug = envelope.briefing ?? null;
  const briefing = briefingSlug === null ? undefined : await store.getBriefing(briefingSlug);
  // A closed briefing is a 410 like a closed survey (same grace); a wrong slug stays a 422 below.
  if (briefing && briefing.surveyId === surveyId)
    refuseUnlessBriefingOpen(briefing, envelope.startedAt ?? null, now, closedGraceMs);

  const errors: FieldError[] = version.validate(envelope.data);
  const region = envelope.data.region;
  if (!isRegionCode(region) && !errors.some((e) => e.question === 'region'))
    errors.push({
      question: 'region',
      message: 'the region is required and must be one of the 20 region codes',
    });
  if (briefingSlug !== null) {
    if (!briefing) errors.push({ question: 'briefing', message: `there is no briefing "${briefingSlug}"` });
    else if (briefing.surveyId !== surveyId)
      errors.push({ question: 'briefing', message: `briefing "${briefingSlug}" belongs to another survey` });
  }
  if (errors.length > 0)
    throw new Problem('invalid-answers', `${errors.length} answer(s) do not fit the survey.`, errors);

  const startedAt = envelope.startedAt ?? null;
  const record = toResponseRecord(
    {
      surveyId,
      version: envelope.version,
      locale: envelope.locale,
      briefing: briefingSlug,
      startedAt,
      data: envelope.data,
    },
    version.piiQuestions,
  );
  return {
    id: envelope.id,
    surveyId,
    version: envelope.version,
    locale: envelope.locale,
    region: region as string,
    briefing: briefingSlug,
    startedAt,
    submittedAt: now.toISOString(),
    ...record,
  };
}

/**
 * After a survey closes, answers begun before the closing (by the respondent's `startedAt`) are still taken for
 * `graceMs`: they were typed in the hall and waited on a phone without network. Anything else is a 410 that says
 * which rule refused it, with the times as extension members so the page can say it in kk/ru/en.
 * `startedAt` is the client's claim; the grace bounds what a forged one could add to a closed survey.
 */
function refuseUnlessInGrace(
  surveyId: string,
  closedAt: string,
  startedAt: string | null,
  now: Date,
  graceMs: number,
): void {
  const closed = Date.parse(closedAt);
  const acceptedUntil = new Date(closed + graceMs).toISOString();
  const times = { closedAt, acceptedUntil };
  const refuse = (detail: string) => {
    throw new Problem('survey-closed', detail, undefined, {}, times);
  };
  if (startedAt === null)
    refuse(
      `The survey "${surveyId}" closed at ${closedAt}; a response without startedAt cannot show it was begun before.`,
    );
  else if (Date.parse(startedAt) >= closed)
    refuse(`The survey "${surveyId}" closed at ${closedAt}, before this response was begun (${startedAt}).`);
  else if (now.getTime() >= closed + graceMs)
    refuse(
      `The survey "${surveyId}" closed at ${closedAt}; answers begun before then were taken until ${acceptedUntil}.`,
    );
}
