// The demo's briefings (several per region, Sep 2023 – Mar 2024) and the moments respondents submit.
// The schedule is the same for every --seed, so runs with other seeds add responses to the same events.
import type { Briefing } from '../../store/types';
import { Random } from './random';
import { REGION_PROFILES, type Place, type RegionProfile } from './regions';

export interface DemoBriefing {
  briefing: Briefing;
  profile: RegionProfile;
  place: Place;
  /** Survey version answered at this event: older versions at earlier dates. */
  version: number;
  /** Local hour the briefing starts; it lasts about two and a half hours. */
  startHour: number;
  /** Relative turnout among the region's briefings. */
  turnout: number;
}

export const WINDOW = { from: '2023-09-15', to: '2024-03-29' } as const;
const DAY = 86_400_000;
const FROM = Date.parse(`${WINDOW.from}T00:00:00Z`);
const SPAN_DAYS = (Date.parse(`${WINDOW.to}T00:00:00Z`) - FROM) / DAY;
/** Days off in the window: Independence Day, New Year, Christmas (Orthodox), 8 March, Nauryz. */
const HOLIDAYS = new Set([
  '2023-12-16',
  '2023-12-17',
  '2023-12-18',
  '2024-01-01',
  '2024-01-02',
  '2024-01-07',
  '2024-03-08',
  '2024-03-21',
  '2024-03-22',
  '2024-03-23',
  '2024-03-25',
]);
/** The first stops as CONTEXT.md tells them: Semey on 15 September 2023, then Pavlodar and Oskemen. */
const FIRST_STOPS: Readonly<Record<string, string>> = {
  'KZ-10': '2023-09-15',
  'KZ-55': '2023-09-19',
  'KZ-63': '2023-09-21',
};
const SCHEDULE_SEED = 2023;

const dayStarts = new Map<string, number>();
/** Date.parse is slow enough to matter a million times; there are only ~200 days. */
function dayStart(date: string): number {
  let ms = dayStarts.get(date);
  if (ms === undefined) dayStarts.set(date, (ms = Date.parse(`${date}T00:00:00Z`)));
  return ms;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Moves a date to the next working day. */
function workingDay(ms: number): string {
  for (;;) {
    const day = new Date(ms).getUTCDay();
    if (day !== 0 && day !== 6 && !HOLIDAYS.has(isoDay(ms))) return isoDay(ms);
    ms += DAY;
  }
}

/** Which version a date falls under: the window is cut into equal eras, one per version, oldest first. */
export function versionAt(date: string, versions: readonly number[]): number {
  const fraction = (dayStart(date) - FROM) / DAY / (SPAN_DAYS + 1);
  const i = Math.min(versions.length - 1, Math.max(0, Math.floor(fraction * versions.length)));
  return versions[i] ?? 1;
}

function titles(place: RegionProfile['places'][number], date: string) {
  const [y, m, d] = date.split('-');
  const english = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    kk: `«Birgemiz: áreket ýaqyty» брифингі, ${place.kk}, ${d}.${m}.${y}`,
    ru: `Брифинг «Birgemiz: áreket ýaqyty», ${place.ru}, ${d}.${m}.${y}`,
    en: `«Birgemiz: áreket ýaqyty» briefing, ${place.en}, ${english}`,
  };
}

/** Bigger regions hold more briefings: from two (Ulytau) to six (Almaty, Turkistan). */
function briefingCount(profile: RegionProfile): number {
  return Math.min(6, Math.max(2, Math.round(profile.population / 370)));
}

export function demoSchedule(surveyId: string, versions: readonly number[]): DemoBriefing[] {
  const random = new Random(SCHEDULE_SEED);
  // Slugs of the main survey read as in the brief (demo-kz-10-semey-1); other surveys' events get their own.
  const prefix = surveyId === 'roadmap-needs' ? 'demo' : `demo-${surveyId}`;
  const out: DemoBriefing[] = [];
  for (const profile of REGION_PROFILES) {
    const n = briefingCount(profile);
    const perPlace = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const first = i === 0 ? FIRST_STOPS[profile.code] : undefined;
      // Spread evenly over the window (after the first stops), with a jitter of a few days.
      const position = (i + 0.5) / n + (random.next() - 0.5) / (n * 2.5);
      const date = first ?? workingDay(FROM + (8 + position * (SPAN_DAYS - 10)) * DAY);
      const place = profile.places[i % profile.places.length] ?? profile.places[0]!;
      const number = (perPlace.get(place.slug) ?? 0) + 1;
      perPlace.set(place.slug, number);
      out.push({
        briefing: {
          slug: `${prefix}-${profile.code.toLowerCase()}-${place.slug}-${number}`,
          surveyId,
          region: profile.code,
          city: place.en,
          date,
          title: titles(place, date),
        },
        profile,
        place,
        version: versionAt(date, versions),
        startHour: random.chance(0.7) ? 10 : 15,
        turnout: 0.6 + random.next() * 0.8,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.briefing.date.localeCompare(b.briefing.date) || a.briefing.slug.localeCompare(b.briefing.slug),
  );
}

/** Working days of the window, for answers given through the survey's own link, outside briefings. */
const WORKING_DAYS = Array.from(
  new Set(Array.from({ length: SPAN_DAYS }, (_, i) => workingDay(FROM + i * DAY))),
);

export function randomDay(random: Random): string {
  return random.pick(WORKING_DAYS);
}

/**
 * When a respondent submits on a briefing day (local hour → UTC epoch ms): most during the briefing's second half,
 * some in the hours after, a few late that evening. Filling the form takes 4–25 minutes.
 */
export function submissionTime(
  random: Random,
  date: string,
  startHour: number,
  utcOffset: number,
): { submitted: number; minutes: number } {
  const r = random.next();
  const hour =
    r < 0.65
      ? startHour + 0.75 + random.next() * 1.75
      : r < 0.9
        ? startHour + 2.5 + random.next() * 3
        : Math.min(23.9, startHour + 5.5 + random.next() * 6);
  const submitted = dayStart(date) + Math.round((hour - utcOffset) * 3_600_000) + random.int(60_000);
  return { submitted, minutes: Math.min(40, Math.max(3, Math.exp(2.2 + random.normal() * 0.45))) };
}
