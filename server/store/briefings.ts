// Briefings: one event each (slug, survey, region, city, date, title in kk/ru/en).
import type { Db } from './db';
import type { Briefing } from './types';

interface BriefingRow {
  slug: string;
  survey_id: string;
  region: string;
  city: string;
  date: string;
  title_kk: string;
  title_ru: string;
  title_en: string;
}

function toBriefing(row: BriefingRow): Briefing {
  return {
    slug: row.slug,
    surveyId: row.survey_id,
    region: row.region,
    city: row.city,
    date: row.date,
    title: { kk: row.title_kk, ru: row.title_ru, en: row.title_en },
  };
}

export function createBriefingStore(db: Db) {
  const insert = db.prepare(`INSERT INTO briefings
    (slug, survey_id, region, city, date, title_kk, title_ru, title_en, created_at)
    VALUES (@slug, @surveyId, @region, @city, @date, @kk, @ru, @en, @createdAt)`);
  const selectOne = db.prepare<[string], BriefingRow>('SELECT * FROM briefings WHERE slug = ?');
  const selectAll = db.prepare<[], BriefingRow>('SELECT * FROM briefings ORDER BY date, slug');

  return {
    /** Returns false when the slug is taken. */
    addBriefing(b: Briefing, createdAt: string): boolean {
      const result = insert.run({ ...b, ...b.title, createdAt });
      return result.changes === 1;
    },
    getBriefing(slug: string): Briefing | undefined {
      const row = selectOne.get(slug);
      return row && toBriefing(row);
    },
    listBriefings(): Briefing[] {
      return selectAll.all().map(toBriefing);
    },
  };
}
