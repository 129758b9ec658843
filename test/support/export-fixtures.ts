// Responses to the real roadmap-needs survey (v1 and v2) for export tests: every question type, "other" texts,
// exclusive choices, formula-like and multi-line texts, personal data, posted at chosen times through the API.
import { randomUUID } from 'node:crypto';
import { postResponse } from './answers';

export interface Posted {
  id: string;
  version: number;
  locale: 'kk' | 'ru' | 'en';
  briefing: string | null;
  submittedAt: string;
  data: Record<string, unknown>;
}

export const BRIEFING = {
  slug: 'semey-2023-09-15',
  surveyId: 'roadmap-needs',
  region: 'KZ-10',
  city: 'Semey',
  date: '2023-09-15',
  title: { kk: 'Семейдегі брифинг', ru: 'Брифинг в Семее', en: 'Briefing in Semey' },
};

/** v2, answered in full, at the Semey briefing. */
const fullV2 = {
  region: 'KZ-10',
  settlement_type: 'city',
  role: 'other',
  'role-Comment': '=HYPERLINK("http://x.example","click")',
  age_group: 'age_25_34',
  gender: 'female',
  volunteering_years: 'y3_5',
  volunteering_frequency: 'monthly',
  activity_fields: ['digital_volunteering', 'social_help', 'other'],
  'activity_fields-Comment': 'Қайырымдылық, "кеш" және; 50%',
  practices_used: ['dont_know'],
  practices_effectiveness: 4,
  best_practice_description: 'Бірінші жол\r\nВторая строка — Өскемен',
  best_practice_location: 'Семей',
  volunteer_trend: 'same',
  problems_severity: { funding: 'serious', insurance: 'minor' },
  top_needs: ['premises', 'stable_funding', 'training'],
  needs_other: '-нет помещения',
  channels_akimat: ['none'],
  channels_partners: ['networks', 'messengers'],
  online_platforms: ['qazvolunteer', 'social_networks'],
  cooperation_quality: { akimat: 'good', front_office: 'no_cooperation' },
  cooperation_change: 'much_better',
  cooperation_barriers: ['bureaucracy', 'low_trust'],
  front_office_exists: 'yes',
  front_office_contact: 'once',
  front_office_help: ['consultations', 'training'],
  front_office_improve: '@office more staff',
  roadmap_vectors: { fo_staff: 'very', legal_framework: 'dont_know' },
  roadmap_top3: ['legal_framework', 'funding_mechanisms'],
  roadmap_international: ['dont_know'],
  roadmap_proposals: '+7 701 000 0000 call me',
  roadmap_participation: ['working_group'],
  contact_consent: 'yes',
  contact_name: 'Айгүл Серікқызы',
  contact_phone: '+7 701 123 45 67',
  contact_email: 'aigul@example.kz',
};

/** v1, Pavlodar, with the practice organiser that v2 dropped; no online platforms (v1 did not ask). */
const fullV1 = {
  region: 'KZ-55',
  settlement_type: 'village',
  role: 'ngo_staff',
  age_group: 'age_45_54',
  gender: 'male',
  volunteering_years: 'not_yet',
  activity_fields: ['elderly'],
  practices_used: ['small_grants', 'other'],
  'practices_used-Comment': 'Ауыл жастары',
  practices_effectiveness: 2,
  best_practice_description: 'Жаз лагері',
  best_practice_organiser: 'other',
  'best_practice_organiser-Comment': 'Мектеп',
  volunteer_trend: 'dont_know',
  problems_severity: { premises: 'very_serious' },
  top_needs: ['information'],
  channels_partners: ['none'],
  cooperation_quality: { other_ngos: 'poor' },
  front_office_exists: 'no',
  roadmap_participation: ['none'],
  contact_consent: 'no',
};

/** v2 with only the required questions: everything else skipped (asked, not answered). */
const minimalV2 = { region: 'KZ-10', role: 'akimat' };

/** v1 from Astana in English, skipping most. */
const shortV1 = {
  region: 'KZ-71',
  role: 'student',
  top_needs: ['training', 'coordination'],
  gender: 'prefer_not_to_say',
};

export const FIXTURES: readonly Omit<Posted, 'id'>[] = [
  { version: 1, locale: 'ru', briefing: null, submittedAt: '2023-09-10T06:00:00.000Z', data: fullV1 },
  {
    version: 2,
    locale: 'kk',
    briefing: BRIEFING.slug,
    submittedAt: '2023-09-15T05:30:00.000Z',
    data: fullV2,
  },
  {
    version: 2,
    locale: 'kk',
    briefing: BRIEFING.slug,
    submittedAt: '2023-09-15T06:00:00.000Z',
    data: minimalV2,
  },
  { version: 1, locale: 'en', briefing: null, submittedAt: '2023-09-20T20:00:00.000Z', data: shortV1 },
];

/**
 * Posts each fixture through the public API with the server clock set to its time; `setNow` moves the injected
 * clock. Throws on anything but 201, so a fixture the survey refuses fails loudly.
 */
export async function postFixtures(url: string, setNow: (iso: string) => void): Promise<Posted[]> {
  const posted: Posted[] = [];
  for (const f of FIXTURES) {
    setNow(f.submittedAt);
    const id = randomUUID();
    const body = {
      id,
      version: f.version,
      locale: f.locale,
      ...(f.briefing && { briefing: f.briefing }),
      data: f.data,
    };
    const r = await postResponse(url, body, 'roadmap-needs');
    if (r.status !== 201)
      throw new Error(`fixture v${f.version} ${String(f.data.region)}: ${r.status} ${r.text}`);
    posted.push({ id, ...f });
  }
  return posted;
}
