// A briefing as both engines store it (the same column names in SQLite and PostgreSQL) and back to the domain type.
import type { Briefing, BriefingCityNames } from './types';

export interface BriefingRow {
  slug: string;
  survey_id: string;
  region: string;
  city: string;
  city_kk: string | null;
  city_ru: string | null;
  city_en: string | null;
  date: string;
  title_kk: string;
  title_ru: string;
  title_en: string;
  opens_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
}

export function toBriefing(row: BriefingRow): Briefing {
  return {
    slug: row.slug,
    surveyId: row.survey_id,
    region: row.region,
    city: row.city,
    cityNames: cityNamesOf(row),
    date: row.date,
    title: { kk: row.title_kk, ru: row.title_ru, en: row.title_en },
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
  };
}

function cityNamesOf(row: BriefingRow): BriefingCityNames {
  const names: BriefingCityNames = {};
  if (row.city_kk) names.kk = row.city_kk;
  if (row.city_ru) names.ru = row.city_ru;
  if (row.city_en) names.en = row.city_en;
  return names;
}
