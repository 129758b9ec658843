// Turns a well-formed envelope into a response ready to store, or the list of reasons it does not fit.
// The order of checks follows DESIGN.md "How a POST /responses is judged" from 404 on.
import type { SurveyVersion } from '../catalog/load';
import { isRegionCode } from '../catalog/regions';
import { toResponseRecord } from '../catalog/response-record';
import type { NewResponse, Store } from '../store';
import type { ResponseEnvelope } from './contract';
import { Problem, type FieldError } from './problem';

export function judgeResponse(
  surveyId: string,
  envelope: ResponseEnvelope,
  { catalog, store, now }: { catalog: { getVersion(id: string, n: number): SurveyVersion | undefined }; store: Store; now: Date },
): NewResponse {
  const version = catalog.getVersion(surveyId, envelope.version);
  if (!version) throw new Problem('version-not-found', `Survey "${surveyId}" has no version ${envelope.version}.`);
  if (store.isSurveyClosed(surveyId)) throw new Problem('survey-closed', `The survey "${surveyId}" no longer accepts answers.`);

  const errors: FieldError[] = version.validate(envelope.data);
  const region = envelope.data.region;
  if (!isRegionCode(region) && !errors.some((e) => e.question === 'region'))
    errors.push({ question: 'region', message: 'the region is required and must be one of the 20 region codes' });
  const briefingSlug = envelope.briefing ?? null;
  if (briefingSlug !== null) {
    const briefing = store.getBriefing(briefingSlug);
    if (!briefing) errors.push({ question: 'briefing', message: `there is no briefing "${briefingSlug}"` });
    else if (briefing.surveyId !== surveyId)
      errors.push({ question: 'briefing', message: `briefing "${briefingSlug}" belongs to another survey` });
  }
  if (errors.length > 0) throw new Problem('invalid-answers', `${errors.length} answer(s) do not fit the survey.`, errors);

  const startedAt = envelope.startedAt ?? null;
  const record = toResponseRecord(
    { surveyId, version: envelope.version, locale: envelope.locale, briefing: briefingSlug, startedAt, data: envelope.data },
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
