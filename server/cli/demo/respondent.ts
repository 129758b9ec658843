// Who answers one demo response: region, town, role, language and temperament, drawn from the region's profile.
// Answers are then drawn by walking the survey (answers.ts) with this person's leanings (tendencies.ts).
import type { Locale } from '../../catalog/types';
import type { Random } from './random';
import type { Place, RegionProfile } from './regions';

export type Settlement = 'city' | 'town' | 'village';

export interface Respondent {
  profile: RegionProfile;
  /** Where the briefing (or the respondent) is. */
  place: Place;
  locale: Locale;
  settlement: Settlement;
  role: string;
  /** Whether this person knows a regional Front-office to exist: several answers follow from it. */
  knowsFrontOffice: boolean;
  /** Chance of answering an optional question. */
  diligence: number;
  /** Chance of writing free text when a text box is offered. */
  talkative: number;
  /** Shifts this person's ratings up or down a little: some people grade kindly. */
  mood: number;
  /** Everything the cached leanings depend on; respondents with the same segment share them. */
  segment: string;
}

const SETTLEMENTS: readonly Settlement[] = ['city', 'town', 'village'];
const ROLES = [
  'volunteer',
  'ngo_staff',
  'group_leader',
  'akimat',
  'business',
  'international_org',
  'student',
  'other',
];

function roleWeights(profile: RegionProfile, settlement: Settlement): number[] {
  const village = settlement === 'village' ? 1 : 0;
  return [
    0.32,
    0.17,
    0.1 + 0.04 * village,
    0.09 + 0.04 * village, // rural briefings draw more akimat staff, fewer NGOs
    0.05 + 0.05 * profile.business,
    0.003 + 0.03 * profile.international * (1 - village),
    0.16 - 0.06 * village,
    0.03,
  ];
}

export function drawRespondent(random: Random, profile: RegionProfile, place: Place): Respondent {
  const settlement = SETTLEMENTS[random.weighted(profile.settlement)] ?? 'city';
  const role = ROLES[random.weighted(roleWeights(profile, settlement))] ?? 'volunteer';
  // International guests answer in English; a few locals too. Villages lean further to Kazakh.
  const en = role === 'international_org' ? 0.55 : profile.en * 0.4;
  const kk = Math.min(
    0.98,
    profile.kk + (settlement === 'village' ? 0.1 : 0) + (role === 'akimat' ? 0.05 : 0),
  );
  const locale: Locale = random.chance(en) ? 'en' : random.chance(kk) ? 'kk' : 'ru';
  const knowsFrontOffice = random.chance(
    Math.min(
      0.95,
      profile.frontOffice + (role === 'akimat' ? 0.15 : 0) - (settlement === 'village' ? 0.1 : 0),
    ),
  );
  const diligence = 0.55 + 0.43 * Math.sqrt(random.next());
  const talkative = 0.08 + 0.55 * random.next() ** 2;
  const mood = random.normal() * 0.07;
  return {
    profile,
    place,
    locale,
    settlement,
    role,
    knowsFrontOffice,
    diligence,
    talkative,
    mood,
    segment: `${profile.code}|${settlement}|${role}|${knowsFrontOffice ? 1 : 0}`,
  };
}
