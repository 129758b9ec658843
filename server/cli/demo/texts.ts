// Free text for the demo: sentence pools per topic and language, composed into varied answers, plus the
// "other" texts and contact details. English is for the few international guests.
import type { Locale } from '../../catalog/types';
import type { Place } from './regions';
import type { Random } from './random';
import { KK } from './texts-kk';
import { RU } from './texts-ru';

export interface TextPools {
  practice: string[];
  location: string[];
  needs: string[];
  frontOffice: string[];
  proposal: string[];
  briefing: string[];
  /** Short texts for the "other" choice, by question name; '' for any other question. */
  other: Record<string, string[]>;
  /** A person's name and the local part of their e-mail address. */
  names: [string, string][];
}

const EN: TextPools = {
  practice: [
    'Youth volunteer clubs in the schools of {city} visit elderly neighbours every week.',
    'A joint project with the akimat delivered food parcels to people living alone.',
    'Small grants let rural NGOs run their own local projects for the first time.',
    'A Telegram channel matches requests for help with volunteers within hours.',
    'Volunteers run a play room in the regional children’s hospital.',
  ],
  location: [
    '{city}',
    '{city}, youth resource centre',
    '{city}, regional children’s hospital',
    'villages around {city}',
  ],
  needs: [
    'Volunteers have no insurance, which matters most in emergencies.',
    'Travel costs are not covered, so volunteers from villages cannot come.',
    'Reporting rules are too heavy for small NGOs.',
    'Grant calls reach us too late.',
  ],
  frontOffice: [
    'The Front-office should also be present in the districts.',
    'Training for volunteers should follow a regular schedule.',
  ],
  proposal: [
    'Exchange programmes with international organisations should be expanded.',
    'Each regional Front-office needs at least three permanent staff.',
    'A single volunteering platform should be used in every region.',
    'Corporate volunteering deserves tax incentives.',
  ],
  briefing: [
    'More time for group discussion, please.',
    'Send the slides in advance.',
    'Invite more participants from the districts.',
  ],
  other: {
    role: ['teacher', 'journalist', 'UN volunteer'],
    roadmap_top3: ['insurance for volunteers'],
    '': ['local initiative'],
  },
  names: [
    ['Maria Schneider', 'm.schneider'],
    ['John Carter', 'john.carter'],
    ['Sofia Rossi', 'sofia.rossi'],
    ['Kenji Sato', 'k.sato'],
  ],
};

const POOLS: Record<Locale, TextPools> = { kk: KK, ru: RU, en: EN };

/** Which pool a free-text question draws from; other questions get proposals, the most general answers. */
const TOPIC: Readonly<Record<string, keyof Omit<TextPools, 'other' | 'names'>>> = {
  best_practice_description: 'practice',
  best_practice_location: 'location',
  needs_other: 'needs',
  front_office_improve: 'frontOffice',
  roadmap_proposals: 'proposal',
  briefing_change: 'briefing',
};

function fill(template: string, random: Random, city: string): string {
  return template.replace('{city}', city).replace('{n}', String(1 + random.int(60)));
}

/** One to three different sentences of the question's topic, in the respondent's language. */
export function freeText(
  random: Random,
  locale: Locale,
  question: string,
  place: Place,
  maxLength: number,
): string {
  const pool = POOLS[locale][TOPIC[question] ?? 'proposal'];
  const city = place[locale];
  const r = random.next();
  const count = TOPIC[question] === 'location' ? 1 : r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
  const text = random
    .weightedOrder(
      pool.map(() => 1),
      count,
    )
    .map((i) => fill(pool[i] ?? '', random, city))
    .join(' ');
  return text.slice(0, maxLength);
}

export function otherText(random: Random, locale: Locale, question: string): string {
  const other = POOLS[locale].other;
  return random.pick(other[question] ?? other[''] ?? ['—']);
}

const OPERATORS = ['700', '701', '702', '705', '707', '747', '771', '775', '776', '777', '778'];
// Reserved domains (RFC 2606): a demo database must never hold a real person's address by chance.
const MAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

export interface Person {
  name: string;
  phone: string;
  email: string;
}

/** A made-up person: a name in the respondent's language and a Kazakh mobile number in one of the usual spellings. */
export function person(random: Random, locale: Locale): Person {
  const [name, mailbox] = random.pick(POOLS[locale].names);
  const operator = random.pick(OPERATORS);
  const d = String(1_000_000 + random.int(9_000_000));
  const style = random.int(3);
  const phone =
    style === 0
      ? `+7 ${operator} ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
      : style === 1
        ? `8${operator}${d}`
        : `+7 (${operator}) ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
  const email = `${mailbox}${random.chance(0.4) ? String(random.int(99)) : ''}@${random.pick(MAIL_DOMAINS)}`;
  return { name, phone, email };
}
