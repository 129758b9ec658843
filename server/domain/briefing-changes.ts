// The rules of changing a briefing (PATCH /api/briefings/:slug), free of HTTP: what a change may do, judged against
// the briefing as it will be after it, and the store's changes it comes to.
import type { z } from 'zod';
import type { briefingPatchBody } from '../http/contract/briefings';
import type { Briefing, BriefingChanges } from '../store';
import { Problem } from './problem';

export type BriefingPatch = z.infer<typeof briefingPatchBody>;

const refused = (question: string, message: string) =>
  new Problem('invalid-request', 'The change is not as expected: see errors.', [{ question, message }]);

/**
 * The store's changes for `patch`, or the 400 naming the field it breaks. Whether responses already name the
 * briefing (so it can no longer move to another survey) is the store's to check, in the transaction that writes
 * the change: `surveyChangeRefused` is the answer when it refuses.
 */
export function briefingChanges(existing: Briefing, patch: BriefingPatch, now: string): BriefingChanges {
  const { open, survey, ...rest } = patch;
  const next = { ...existing, ...rest };
  // The opening and closing times are checked together, as they will be after the change.
  if (next.opensAt && next.closesAt && Date.parse(next.opensAt) >= Date.parse(next.closesAt))
    throw refused('closesAt', 'must be after opensAt');
  return {
    ...rest,
    ...(survey !== undefined && { surveyId: survey }),
    // Closing twice keeps the first closing time: the grace for phones that waited counts from it.
    ...(open === false && { closedAt: existing.closedAt ?? now }),
    ...(open === true && { closedAt: null }),
  };
}

/** Responses were answered to the briefing's survey's questions, so it cannot move to another survey. */
export const surveyChangeRefused = () =>
  refused('survey', 'responses already name this briefing; it cannot move to another survey');
