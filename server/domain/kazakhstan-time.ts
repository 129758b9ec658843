// Kazakhstan's clock, the one every briefing, count and date filter keeps: UTC+5 in every region since March 2024
// (the west already kept it). A "day" anywhere in Saualnama is a calendar day on this clock; a date-only filter means
// that whole day. Every layer takes the offset from here (the store, the CLI, the exports and the client as well),
// so it is written once. Pure and dependency-free, so that each of them may import it.

export const KAZAKHSTAN_OFFSET_MS = 5 * 3_600_000;
/** The offset as ISO 8601 writes it, for building instants from local dates and times. */
export const KAZAKHSTAN_OFFSET = '+05:00';
/** The offset as SQLite's date functions take it: `date(submitted_at, '+5 hours')`. */
export const KAZAKHSTAN_SQLITE_MODIFIER = '+5 hours';
/** How the briefing counts' hours say which clock they are on. */
export const KAZAKHSTAN_TIME_ZONE = 'UTC+05:00';

const DAY_MS = 86_400_000;

/** The instant as Kazakhstan's wall clock, `YYYY-MM-DDTHH:MM:SS.sssZ`-shaped (the Z is not UTC: slice it off). */
function wallClock(instant: string | Date | number): string | undefined {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  return Number.isFinite(ms) ? new Date(ms + KAZAKHSTAN_OFFSET_MS).toISOString() : undefined;
}

/** `2024-05-14`: the day in Kazakhstan of an instant; '' for an unreadable one. */
export function kazakhstanDay(instant: string | Date | number): string {
  return wallClock(instant)?.slice(0, 10) ?? '';
}

/** `2024-05-14T15:00`: Kazakhstan's wall clock to the minute (a `datetime-local` value); '' for an unreadable one. */
export function kazakhstanMinute(instant: string | Date | number): string {
  return wallClock(instant)?.slice(0, 16) ?? '';
}

/** `2024-05-14T15:00` (or with seconds) read on Kazakhstan's clock → that instant in ISO 8601. */
export function fromKazakhstanClock(local: string): string {
  return `${local}${local.length === 16 ? ':00' : ''}${KAZAKHSTAN_OFFSET}`;
}

/** The instant of a day's midnight in Kazakhstan, e.g. `2024-03-01` → `2024-03-01T00:00:00+05:00`. */
export function kazakhstanMidnight(day: string): string {
  return `${day}T00:00:00${KAZAKHSTAN_OFFSET}`;
}

/** An instant at a Kazakhstan midnight → that day; anything else (not a whole day) → undefined. */
export function dayAtMidnight(instant: string): string | undefined {
  const local = Date.parse(instant) + KAZAKHSTAN_OFFSET_MS;
  return local % DAY_MS === 0 ? new Date(local).toISOString().slice(0, 10) : undefined;
}
