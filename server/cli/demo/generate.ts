// Makes demo response number i of a run: who answers, at which briefing and version, when, and what, as the
// NewResponse the API would have stored. A pure function of (seed, index): batches and workers cannot change it.
import type { SurveyEntry } from '../../catalog/load';
import { toResponseRecord } from '../../catalog/response-record';
import type { AnswerError } from '../../catalog/types';
import type { NewResponse } from '../../store/types';
import { answerDrawer, type AnswerDrawer } from './answers';
import { Random } from './random';
import { REGION_PROFILES, type RegionProfile } from './regions';
import { drawRespondent } from './respondent';
import { demoSchedule, randomDay, submissionTime, versionAt, WINDOW, type DemoBriefing } from './schedule';

/** Share of answers given through the survey's own link (/s/<id>) rather than at a briefing. */
const OUTSIDE_BRIEFINGS = 0.05;
/** Draws per response before a run gives up: the repository's surveys never need a second one. */
const MAX_ATTEMPTS = 20;
/** Share of clients that send no startedAt (old page versions, a reload mid-form). */
const NO_STARTED_AT = 0.03;

interface VersionPlan {
  drawer: AnswerDrawer;
  validate: (data: Record<string, unknown>) => AnswerError[];
  pii: ReadonlySet<string>;
}

export interface DemoPlan {
  surveyId: string;
  /** Mixed into every response's generator, so that two surveys' runs with one seed never share ids. */
  salt: number;
  schedule: DemoBriefing[];
  versions: ReadonlyMap<number, VersionPlan>;
  versionNumbers: number[];
  /** Per region (in REGION_PROFILES order): its briefings and their turnout weights. */
  byRegion: { briefings: DemoBriefing[]; turnout: number[] }[];
  population: number[];
}

export function demoPlan(survey: SurveyEntry): DemoPlan {
  const versionNumbers = survey.versions.map((v) => v.version);
  const schedule = demoSchedule(survey.id, versionNumbers);
  return {
    surveyId: survey.id,
    salt: Random.salt(survey.id),
    schedule,
    versions: new Map(
      survey.versions.map((v) => [
        v.version,
        { drawer: answerDrawer(v.definition), validate: v.validate, pii: v.piiQuestions },
      ]),
    ),
    versionNumbers,
    byRegion: REGION_PROFILES.map((p) => {
      const briefings = schedule.filter((b) => b.profile === p);
      return { briefings, turnout: briefings.map((b) => b.turnout) };
    }),
    population: REGION_PROFILES.map((p) => p.population),
  };
}

interface Occasion {
  random: Random;
  profile: RegionProfile;
  event: DemoBriefing | undefined;
  version: number;
  submitted: number;
  minutes: number;
}

/** The first draws of a response: region, briefing (or none), version and time. Cheap, so a run can sort by it. */
function occasion(plan: DemoPlan, seed: number, index: number): Occasion {
  const random = Random.for(seed, index, plan.salt);
  const regionIndex = random.weighted(plan.population);
  const profile = REGION_PROFILES[regionIndex]!;
  const region = plan.byRegion[regionIndex]!;
  if (region.briefings.length > 0 && !random.chance(OUTSIDE_BRIEFINGS)) {
    const event = region.briefings[random.weighted(region.turnout)]!;
    return {
      random,
      profile,
      event,
      version: event.version,
      ...submissionTime(random, event.briefing.date, event.startHour, profile.utcOffset),
    };
  }
  const day = randomDay(random);
  const version = versionAt(day, plan.versionNumbers);
  return {
    random,
    profile,
    event: undefined,
    version,
    ...submissionTime(random, day, 8 + random.int(9), profile.utcOffset),
  };
}

const ORIGIN = Date.parse(`${WINDOW.from}T00:00:00Z`) / 1000;
const INDEX_BITS = 2 ** 24;
/** Chronological order needs index < 2^24 to pack (second, index) exactly into one double. */
export const MAX_RESPONSES = INDEX_BITS - 1;

/**
 * Indices 0..count-1 in order of submission time. Inserting in this order makes the database look like one that
 * grew over the season (rowid order is time order) and keeps the time indexes append-only while it loads.
 */
export function chronologicalOrder(plan: DemoPlan, seed: number, count: number): Uint32Array {
  if (count > MAX_RESPONSES) throw new Error(`at most ${MAX_RESPONSES} responses per run`);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const second = Math.floor(occasion(plan, seed, i).submitted / 1000) - ORIGIN;
    keys[i] = Math.max(0, second) * INDEX_BITS + i;
  }
  keys.sort();
  return Uint32Array.from(keys, (k) => k % INDEX_BITS);
}

export interface DemoResponse {
  response: NewResponse;
  /** What the survey's validator says of the answers: always empty, or the generator has a bug. */
  errors: AnswerError[];
}

/** Demo response number i as a respondent's phone would post it (POST …/responses), before the server splits it. */
export interface DemoSubmission {
  id: string;
  version: number;
  locale: NewResponse['locale'];
  briefing: string | null;
  startedAt: string | null;
  data: Record<string, unknown>;
  /** When it was sent and from which region: the store records both. */
  submitted: number;
  region: string;
  errors: AnswerError[];
}

export function demoSubmission(plan: DemoPlan, seed: number, index: number): DemoSubmission {
  const { random, profile, event, version, submitted, minutes } = occasion(plan, seed, index);
  const v = plan.versions.get(version)!;
  const id = random.uuid();
  // Validators the walker does not model (numeric ranges, expressions, required panels) can refuse a draw:
  // then the same person answers again, further along the same random stream, so the result stays determined.
  let respondent = drawRespondent(random, profile, event?.place ?? profile.places[0]!);
  let data = v.drawer.draw(random, respondent);
  let errors = v.validate(data);
  for (let attempt = 1; errors.length > 0 && attempt < MAX_ATTEMPTS; attempt++) {
    respondent = drawRespondent(random, profile, event?.place ?? profile.places[0]!);
    data = v.drawer.draw(random, respondent);
    errors = v.validate(data);
  }
  const startedAt = random.chance(NO_STARTED_AT)
    ? null
    : new Date(submitted - Math.round(minutes * 60_000)).toISOString();
  const briefing = event?.briefing.slug ?? null;
  return {
    id,
    version,
    locale: respondent.locale,
    briefing,
    startedAt,
    data,
    submitted,
    region: profile.code,
    errors,
  };
}

export function demoResponse(plan: DemoPlan, seed: number, index: number): DemoResponse {
  const { id, version, locale, briefing, startedAt, data, submitted, region, errors } = demoSubmission(
    plan,
    seed,
    index,
  );
  const record = toResponseRecord(
    { surveyId: plan.surveyId, version, locale, briefing, startedAt, data },
    plan.versions.get(version)!.pii,
  );
  return {
    response: {
      id,
      surveyId: plan.surveyId,
      version,
      locale,
      region,
      briefing,
      startedAt,
      submittedAt: new Date(submitted).toISOString(),
      ...record,
    },
    errors,
  };
}
