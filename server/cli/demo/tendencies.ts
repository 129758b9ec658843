// What the demo knows about the questions of roadmap-needs and briefing-feedback: how a respondent's region,
// town and role tilt each answer. Questions not named here get neutral answers from the generic walker.
import type { Random } from './random';
import type { Respondent } from './respondent';

export interface Leaning {
  /** Per choice value: relative weights (single choice, ranking, capped checkbox) or chances (open checkbox). */
  weights?: Record<string, number>;
  /** Chance of the exclusive "none" item of a checkbox. */
  none?: number;
  /** 0..1 on an ordered scale (rating). */
  level?: number;
  /** Per matrix row: level on the ordered columns, and the chance of the unordered column (don't know, no cooperation). */
  rows?: Record<string, { level: number; special?: number }>;
  /** Chance of answering at all when optional (free text is further scaled by how talkative the person is). */
  rate?: number;
}

const ruralness = (r: Respondent) => (r.settlement === 'village' ? 1 : r.settlement === 'town' ? 0.5 : 0);
/** Scales every value of a table by the region's emphasis on that code. */
const emphasize = (r: Respondent, table: Record<string, number>) =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v * (r.profile.emphasis[k] ?? 1)]));
/** Turns levels into ranking weights: a need one step more serious is chosen far more often. */
const byLevel = (levels: Record<string, number>) => Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, Math.exp(5 * (v - 0.5))]));

/** How serious each problem is for this person, 0..1; shared by the severity matrix and the ranking of needs. */
function severity(r: Respondent): Record<string, number> {
  const { profile: p } = r;
  const rural = ruralness(r);
  // Akimat staff judge the situation they are responsible for a little more kindly.
  const self = r.role === 'akimat' ? -0.08 : 0;
  const base: Record<string, number> = {
    funding: 0.62 - 0.15 * p.business,
    premises: 0.4 + 0.25 * rural,
    training: 0.45,
    legal_paperwork: 0.42,
    digital_tools: 0.62 - 0.42 * p.digital + 0.1 * rural,
    recognition: 0.45,
    coordination: 0.36 + 0.14 * (1 - rural) + 0.15 * (1 - p.frontOffice),
    burnout: 0.3 + 0.2 * (1 - rural),
    rural_access: 0.16 + 0.55 * rural,
    information: 0.38 + 0.2 * rural,
    insurance: 0.45 + 0.12 * ((p.emphasis.emergencies ?? 1) - 1),
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, Math.min(0.95, Math.max(0.05, v + (p.severity[k] ?? 0) + self))]));
}

/** How important each Roadmap direction is for this person, 0..1. */
function priorities(r: Respondent): Record<string, number> {
  const { profile: p } = r;
  return {
    institutional_support: 0.72,
    fo_organisational: 0.58 + 0.22 * (1 - p.frontOffice),
    fo_technical: 0.55 + 0.2 * (1 - p.digital),
    fo_staff: 0.6 + 0.15 * (1 - p.frontOffice),
    international_cooperation: 0.35 + 0.35 * p.international,
    legal_framework: 0.6,
    funding_mechanisms: 0.76 - 0.1 * p.business,
    recognition_system: 0.52,
    rural_volunteering: 0.3 + 0.5 * ruralness(r),
    digital_infrastructure: 0.42 + 0.25 * p.digital,
  };
}

type LeaningRule = (r: Respondent) => Leaning;

const RULES: Record<string, LeaningRule> = {
  settlement_type: () => ({ rate: 0.97 }),
  age_group: (r) => ({
    weights:
      r.role === 'student'
        ? { age_under_18: 1.5, age_18_24: 6, age_25_34: 0.5, age_35_44: 0.05, age_45_54: 0.03, age_55_64: 0.02, age_65_plus: 0.01 }
        : { age_under_18: 0.1, age_18_24: 0.6, age_25_34: 1.2, age_35_44: 1.2, age_45_54: 0.9, age_55_64: 0.6 - 0.3 * r.profile.trend, age_65_plus: 0.25 - 0.2 * r.profile.trend },
  }),
  gender: () => ({ weights: { female: 1.7, male: 1, prefer_not_to_say: 0.1 }, rate: 0.9 }),
  volunteering_years: (r) => ({
    weights:
      r.role === 'student' ? { not_yet: 0.3, lt_1: 1.2, y1_2: 1, y3_5: 0.5, y6_10: 0.05, gt_10: 0.01 }
      : r.role === 'akimat' || r.role === 'business' ? { not_yet: 1, lt_1: 0.6, y1_2: 0.6, y3_5: 0.5, y6_10: 0.3, gt_10: 0.2 }
      : r.role === 'group_leader' || r.role === 'ngo_staff' ? { not_yet: 0.05, lt_1: 0.2, y1_2: 0.5, y3_5: 1, y6_10: 1, gt_10: 0.8 }
      : { not_yet: 0.1, lt_1: 0.7, y1_2: 1, y3_5: 1, y6_10: 0.5, gt_10: 0.3 },
  }),
  volunteering_frequency: (r) => ({
    weights: { weekly: r.role === 'group_leader' || r.role === 'ngo_staff' ? 2 : 0.8, monthly: 1.2, few_times_year: 1, once: 0.3, not_at_all: 0.1 },
  }),
  activity_fields: (r) => ({
    weights: emphasize(r, {
      social_help: 0.42, elderly: 0.22, children: 0.33, disability: 0.16, ecology: 0.26, emergencies: 0.1, health: 0.14,
      culture: 0.16, sport: 0.14, education: 0.26, animal_welfare: 0.09, digital_volunteering: 0.04 + 0.1 * r.profile.digital, other: 0.03,
    }),
  }),
  practices_used: (r) => {
    const p = r.profile;
    return {
      weights: emphasize(r, {
        volunteer_centres: 0.15 + 0.3 * p.frontOffice, education_clubs: 0.25, volunteer_training: 0.3, small_grants: 0.18,
        state_social_order: 0.2, recognition_awards: 0.22, corporate_volunteering: 0.05 + 0.3 * p.business,
        online_platforms: 0.05 + 0.4 * p.digital * (1 - 0.5 * ruralness(r)), akimat_joint_projects: 0.08 + 0.4 * p.akimat,
        emergency_teams: 0.1, silver_volunteering: 0.08, inclusive_volunteering: 0.1, media_campaigns: 0.18, dont_know: 0.04, other: 0.03,
      }),
      none: 0.04,
    };
  },
  practices_effectiveness: (r) => ({ level: 0.38 + 0.35 * r.profile.akimat + 0.1 * r.profile.frontOffice }),
  best_practice_description: () => ({ rate: 0.6 }),
  best_practice_location: () => ({ rate: 0.85 }),
  best_practice_organiser: (r) => ({
    weights: { ngo: 3, volunteer_group: 2, akimat: 0.5 + 2 * r.profile.akimat, business: 0.3 + 2 * r.profile.business, education_institution: 1.5, international_org: 0.1 + r.profile.international, other: 0.1 },
  }),
  volunteer_trend: (r) => {
    const t = r.profile.trend;
    return {
      weights: { increased_a_lot: 0.3 + 1.2 * Math.max(t, 0), increased_somewhat: 1 + 0.8 * Math.max(t, 0), same: 1, decreased_somewhat: 0.35 + 1.3 * Math.max(-t, 0), decreased_a_lot: 0.1 + Math.max(-t, 0), dont_know: 0.3 },
    };
  },
  problems_severity: (r) => ({ rows: Object.fromEntries(Object.entries(severity(r)).map(([k, level]) => [k, { level, special: 0.04 }])) }),
  top_needs: (r) => {
    const s = severity(r);
    return {
      weights: byLevel({
        stable_funding: s.funding ?? 0.5, premises: s.premises ?? 0.5, training: s.training ?? 0.5, legal_support: s.legal_paperwork ?? 0.5,
        digital_tools: s.digital_tools ?? 0.5, recognition: s.recognition ?? 0.5, coordination: s.coordination ?? 0.5,
        psychological_support: s.burnout ?? 0.5, rural_outreach: s.rural_access ?? 0.5, information: s.information ?? 0.5,
        front_office: 0.3 + 0.45 * (1 - r.profile.frontOffice), akimat_support: 0.3 + 0.45 * (1 - r.profile.akimat),
      }),
    };
  },
  needs_other: () => ({ rate: 0.35 }),
  channels_akimat: (r) => {
    const { akimat, digital, frontOffice } = r.profile;
    return {
      weights: { official_letters: 0.35, meetings: 0.15 + 0.4 * akimat, public_councils: 0.1 + 0.2 * akimat, messengers: 0.25 + 0.35 * digital, front_office: 0.1 + 0.4 * frontOffice, grant_competitions: 0.15, joint_events: 0.15 + 0.35 * akimat, phone_email: 0.3, other: 0.02 },
      none: 0.04 + 0.25 * (1 - akimat) * (r.role === 'volunteer' || r.role === 'student' ? 1.5 : 0.5),
    };
  },
  channels_partners: (r) => ({
    weights: { joint_projects: 0.4, networks: 0.2, messengers: 0.55, shared_resources: 0.15, experience_exchange: 0.3, volunteer_referral: 0.2, front_office: 0.05 + 0.35 * r.profile.frontOffice, other: 0.02 },
    none: 0.08,
  }),
  online_platforms: (r) => ({
    weights: emphasize(r, { qazvolunteer: 0.15 + 0.45 * r.profile.digital, social_networks: 0.7, messenger_channels: 0.6, org_websites: 0.1 + 0.3 * r.profile.digital, international_platforms: 0.03 + 0.2 * r.profile.international, other: 0.02 }),
    none: 0.04 + 0.3 * ruralness(r) * (1 - r.profile.digital),
  }),
  cooperation_quality: (r) => {
    const p = r.profile;
    return {
      rows: {
        akimat: { level: p.akimat, special: r.role === 'akimat' ? 0.01 : 0.08 },
        other_ngos: { level: 0.6, special: 0.1 },
        volunteer_groups: { level: 0.65, special: 0.1 },
        business: { level: p.business, special: 0.25 - 0.15 * p.business },
        front_office: r.knowsFrontOffice ? { level: 0.45 + 0.35 * p.frontOffice, special: 0.05 } : { level: 0.4, special: 0.75 },
        international_orgs: { level: 0.45 + 0.3 * p.international, special: 0.75 - 0.5 * p.international },
      },
    };
  },
  // v3: akimat staff rate their own akimat's cooperation with the others (cooperation_quality is not theirs).
  cooperation_quality_by_akimat: (r) => {
    const p = r.profile;
    // They see their own work a little more kindly than the others see it (as in severity()).
    const kind = 0.08;
    return {
      rows: {
        ngos: { level: 0.5 + 0.3 * p.akimat + kind, special: 0.03 },
        volunteer_groups: { level: 0.5 + 0.25 * p.akimat + kind, special: 0.06 },
        business: { level: 0.3 + 0.5 * p.business + kind, special: 0.2 - 0.12 * p.business },
        front_office: r.knowsFrontOffice ? { level: 0.5 + 0.35 * p.frontOffice + kind, special: 0.03 } : { level: 0.4, special: 0.6 },
        international_orgs: { level: 0.45 + 0.3 * p.international, special: 0.7 - 0.5 * p.international },
      },
    };
  },
  cooperation_change: (r) => {
    const { akimat, trend } = r.profile;
    return { weights: { much_better: 0.2 + 0.8 * akimat + 0.3 * Math.max(trend, 0), somewhat_better: 1 + akimat, same: 1.2, somewhat_worse: 0.3 + 0.6 * (1 - akimat), much_worse: 0.06 + 0.2 * (1 - akimat), dont_know: 0.35 } };
  },
  cooperation_barriers: (r) => {
    const { akimat, frontOffice } = r.profile;
    return {
      weights: { bureaucracy: 0.15 + 0.5 * (1 - akimat), unclear_contacts: 0.1 + 0.3 * (1 - frontOffice), low_trust: 0.15, no_dialogue_platform: 0.08 + 0.3 * (1 - frontOffice), formal_approach: 0.12 + 0.38 * (1 - akimat), competition: 0.05 + 0.22 * (1 - ruralness(r)), lack_of_time: 0.3, information_gaps: 0.12 + 0.22 * ruralness(r), other: 0.02 },
      none: 0.03 + 0.2 * akimat,
    };
  },
  front_office_contact: (r) => ({ weights: { several_times: 0.8 + r.profile.frontOffice, once: 1, no: 0.6 } }),
  front_office_help: () => ({
    weights: { consultations: 0.45, recruitment: 0.3, training: 0.35, coordination: 0.3, premises: 0.1, akimat_link: 0.25, information: 0.4, dont_know: 0.05, other: 0.02 },
    none: 0.06,
  }),
  front_office_improve: () => ({ rate: 0.45 }),
  roadmap_vectors: (r) => ({ rows: Object.fromEntries(Object.entries(priorities(r)).map(([k, level]) => [k, { level, special: 0.04 }])) }),
  roadmap_top3: (r) => {
    const v = priorities(r);
    const fo = ((v.fo_organisational ?? 0.5) + (v.fo_technical ?? 0.5) + (v.fo_staff ?? 0.5)) / 3;
    return {
      weights: {
        ...byLevel({
          institutional_support: v.institutional_support ?? 0.5, front_office_capacity: fo, international_cooperation: v.international_cooperation ?? 0.5,
          legal_framework: v.legal_framework ?? 0.5, funding_mechanisms: v.funding_mechanisms ?? 0.5, recognition_system: v.recognition_system ?? 0.5,
          rural_volunteering: v.rural_volunteering ?? 0.5, digital_infrastructure: v.digital_infrastructure ?? 0.5,
        }),
        volunteer_training: 0.8, youth_volunteering: r.role === 'student' ? 2.5 : 0.7, inclusive_volunteering: 0.5,
        corporate_volunteering: 0.2 + r.profile.business * (r.role === 'business' ? 3 : 0.6), other: 0.04,
      },
    };
  },
  roadmap_international: (r) => ({
    weights: { exchange_programmes: 0.35, international_training: 0.4, international_grants: 0.45, joint_projects: 0.25, international_events: 0.2, dont_know: 0.08 + 0.15 * (1 - r.profile.international), other: 0.02 },
  }),
  roadmap_proposals: () => ({ rate: 0.6 }),
  roadmap_participation: (r) => {
    const keen = r.role === 'ngo_staff' || r.role === 'group_leader' ? 1.6 : 1;
    return { weights: { working_group: 0.15 * keen, consultations: 0.3 * keen, pilot_projects: 0.25 * keen, share_experience: 0.35 * keen }, none: 0.15 };
  },
  contact_consent: (r) => ({ weights: { yes: r.role === 'ngo_staff' || r.role === 'group_leader' ? 0.5 : 0.2, no: 1 }, rate: 0.8 }),
  contact_name: () => ({ rate: 0.95 }),
  contact_phone: () => ({ rate: 0.8 }),
  contact_email: () => ({ rate: 0.65 }),
  // briefing-feedback
  briefing_usefulness: (r) => ({ level: 0.62 + 0.15 * r.profile.akimat }),
  briefing_useful_parts: () => ({ weights: { best_practices: 0.45, regional_problems: 0.4, cooperation: 0.35, roadmap: 0.3, networking: 0.4 }, none: 0.03 }),
  briefing_duration: () => ({ weights: { too_short: 0.2, about_right: 1.4, too_long: 0.35 } }),
  briefing_change: () => ({ rate: 0.5 }),
  network_join: (r) => ({ weights: { yes: 1, not_sure: 0.6, no: 0.2, already_member: r.role === 'ngo_staff' ? 0.9 : 0.3 } }),
};

export function leaningOf(question: string, r: Respondent): Leaning | undefined {
  return RULES[question]?.(r);
}

/** Questions whose answer fixedAnswer decides (the walker asks only about these, a million times). */
export const FIXED_QUESTIONS: ReadonlySet<string> = new Set(['region', 'settlement_type', 'role', 'front_office_exists']);

/** Answers that are facts about the respondent rather than draws; undefined leaves the question to the walker. */
export function fixedAnswer(question: string, r: Respondent, random: Random): unknown {
  switch (question) {
    case 'region':
      return r.profile.code;
    case 'settlement_type':
      return r.settlement;
    case 'role':
      return r.role;
    case 'front_office_exists':
      // The Front-office questions that follow must agree with what the person knows.
      return r.knowsFrontOffice ? 'yes' : random.chance(0.55) ? 'no' : 'dont_know';
    default:
      return undefined;
  }
}
