// zod schemas and reply shapes for managing briefings (admin): the briefings routes validate with them, and the
// workspace client imports the types only.
import { z } from 'zod';
import { isRegionCode } from '../../catalog/regions';
import type { Briefing, BriefingCityNames, BriefingHour } from '../../store';
import { briefingState, closingOf, type BriefingState } from '../../domain/briefing-window';

/** The slug is the link printed on posters: short, lower-case, unambiguous when read aloud or typed from paper. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const text = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

const instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2023-09-15T10:00:00+05:00',
});

const fields = {
  survey: text(100),
  region: z.string({ message: 'must be a region code' }).refine(isRegionCode, {
    message: 'must be one of the 20 region codes (KZ-10 … KZ-79)',
  }),
  city: text(100),
  cityNames: z
    .strictObject({ kk: text(100), ru: text(100), en: text(100) }, { message: 'must be {kk?, ru?, en?}' })
    .partial(),
  date: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }),
  title: z.strictObject({ kk: text(200), ru: text(200), en: text(200) }, { message: 'must be {kk, ru, en}' }),
  open: z.boolean({ message: 'must be true or false' }),
  opensAt: instant.nullable(),
  closesAt: instant.nullable(),
};

const inOrder = (b: { opensAt?: string | null; closesAt?: string | null }) =>
  !b.opensAt || !b.closesAt || Date.parse(b.opensAt) < Date.parse(b.closesAt);
const orderMessage = { message: 'must be after opensAt', path: ['closesAt'] };

export const newBriefingBody = z
  .strictObject({
    slug: z.string({ message: 'must be text' }).regex(SLUG, {
      message: 'must be 1–64 lower-case Latin letters, digits and dashes, not starting or ending with a dash',
    }),
    survey: fields.survey,
    region: fields.region,
    city: fields.city,
    cityNames: fields.cityNames.optional(),
    date: fields.date,
    title: fields.title,
    open: fields.open.optional(),
    opensAt: fields.opensAt.optional(),
    closesAt: fields.closesAt.optional(),
  })
  .refine(inOrder, orderMessage);

export const briefingPatchBody = z
  .strictObject({
    survey: fields.survey.optional(),
    region: fields.region.optional(),
    city: fields.city.optional(),
    cityNames: fields.cityNames.optional(),
    date: fields.date.optional(),
    title: z
      .strictObject({ kk: text(200), ru: text(200), en: text(200) }, { message: 'must be {kk, ru, en}' })
      .partial()
      .optional(),
    open: fields.open.optional(),
    opensAt: fields.opensAt.optional(),
    closesAt: fields.closesAt.optional(),
  })
  .refine(inOrder, orderMessage);

/** An entry of GET /api/briefings, and the reply of POST and PATCH. */
export interface BriefingAdminBody {
  slug: string;
  survey: string;
  region: string;
  /** The city as first typed (what clients before cityNames read). */
  city: string;
  /** The city in kk/ru/en where given; a missing language shows `city`. */
  cityNames: BriefingCityNames;
  date: string;
  title: { kk: string; ru: string; en: string };
  /** false once an admin closed it by hand. */
  open: boolean;
  opensAt: string | null;
  closesAt: string | null;
  /** When it stopped (or will stop) taking answers: the hand closing or closesAt, whichever is first. */
  closingAt: string | null;
  /** Whether it takes answers now. */
  state: BriefingState;
  /** The respondents' link, absolute. */
  link: string;
  responses: number;
}

/** GET /api/briefings/:slug/counts */
export interface BriefingCountsBody {
  slug: string;
  /** Responses through the briefing from the regions the reader may read (a respondent may change the region). */
  total: number;
  /** Kazakhstan's clock (UTC+5), `YYYY-MM-DDTHH:00`; hours without responses left out. */
  perHour: BriefingHour[];
  timeZone: 'UTC+05:00';
  /** Counts are perturbed for this reader (cell key method); absent when they are exact. */
  perturbed?: true;
}

export function briefingAdminBody(
  b: Briefing,
  now: Date,
  origin: string,
  responses: number,
): BriefingAdminBody {
  return {
    slug: b.slug,
    survey: b.surveyId,
    region: b.region,
    city: b.city,
    cityNames: b.cityNames ?? {},
    date: b.date,
    title: b.title,
    open: !b.closedAt,
    opensAt: b.opensAt ?? null,
    closesAt: b.closesAt ?? null,
    closingAt: closingOf(b),
    state: briefingState(b, now),
    link: briefingLink(origin, b.slug),
    responses,
  };
}

export const briefingLink = (origin: string, slug: string) => `${origin}/b/${encodeURIComponent(slug)}`;
