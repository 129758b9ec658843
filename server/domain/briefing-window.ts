// When a briefing takes answers: from opensAt (if set) until it is closed by hand or reaches closesAt, whichever
// comes first; answers begun before the closing are still taken for the same grace as a closed survey's.
import type { Briefing } from '../store';
import { Problem } from './problem';

export type BriefingState = 'scheduled' | 'open' | 'closed';

/** The moment the briefing stopped (or will stop) taking new answers, or null when nothing closes it. */
export function closingOf(b: Briefing): string | null {
  const times = [b.closedAt, b.closesAt].filter((t): t is string => typeof t === 'string');
  if (times.length === 0) return null;
  return times.reduce((a, c) => (Date.parse(c) < Date.parse(a) ? c : a));
}

export function briefingState(b: Briefing, now: Date): BriefingState {
  const closing = closingOf(b);
  if (closing !== null && now.getTime() >= Date.parse(closing)) return 'closed';
  if (b.opensAt && now.getTime() < Date.parse(b.opensAt)) return 'scheduled';
  return 'open';
}

/**
 * Throws the 410 `briefing-closed` problem (naming the field `briefing`) unless the briefing takes this answer now.
 * A phone that kept an answer begun in the hall while it had no network still gets it in within `graceMs` of the
 * closing, as for closed surveys; `startedAt` is the client's claim, and the grace bounds what a forged one adds.
 */
export function refuseUnlessBriefingOpen(
  b: Briefing,
  startedAt: string | null,
  now: Date,
  graceMs: number,
): void {
  const field = (message: string) => [{ question: 'briefing', message }];
  if (b.opensAt && now.getTime() < Date.parse(b.opensAt))
    throw new Problem(
      'briefing-closed',
      `The briefing "${b.slug}" takes answers from ${b.opensAt}.`,
      field(`briefing "${b.slug}" opens at ${b.opensAt}`),
    );
  const closing = closingOf(b);
  if (closing === null || now.getTime() < Date.parse(closing)) return;
  const acceptedUntil = new Date(Date.parse(closing) + graceMs).toISOString();
  const begunBefore = startedAt !== null && Date.parse(startedAt) < Date.parse(closing);
  if (begunBefore && now.getTime() < Date.parse(acceptedUntil)) return;
  throw new Problem(
    'briefing-closed',
    begunBefore
      ? `The briefing "${b.slug}" closed at ${closing}; answers begun before then were taken until ${acceptedUntil}.`
      : `The briefing "${b.slug}" closed at ${closing}, and this response was not begun before then.`,
    field(`briefing "${b.slug}" closed at ${closing}`),
    {},
    { closedAt: closing, acceptedUntil },
  );
}
