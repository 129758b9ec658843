// Free-text answers for the text browser: newest first, filtered like the counts, searched case-insensitively.
// Reads the responses table (texts are not counted by value); a page stops reading once it is full.
import type { CountFilter, TextAnswer, TextQuery } from './count-types';
import type { Db } from './db';

type TextRow = [id: string, version: number, region: string, briefing: string | null, locale: string, submittedAt: string, text: unknown];

/** The instant a UTC+5 calendar day starts, as stored submitted_at strings compare (see COUNT_DAY_OFFSET_MS). */
export const dayStart = (day: string): string => new Date(`${day}T00:00:00+05:00`).toISOString();
const nextDayStart = (day: string): string => new Date(Date.parse(`${day}T00:00:00+05:00`) + 86_400_000).toISOString();

/** WHERE on responses for a CountFilter: the same responses the counts of that filter hold. */
function responseWhere(filter: CountFilter): { sql: string; params: Record<string, unknown> } {
  const parts = ['survey_id = @surveyId'];
  const params: Record<string, unknown> = { surveyId: filter.surveyId };
  if (filter.regions !== undefined) {
    parts.push('region IN (SELECT value FROM json_each(@regions))');
    params.regions = JSON.stringify(filter.regions);
  }
  if (filter.versions !== undefined) {
    parts.push('version IN (SELECT value FROM json_each(@versions))');
    params.versions = JSON.stringify(filter.versions);
  }
  if (filter.briefings !== undefined) {
    // '' in the list stands for "no briefing", stored as NULL.
    parts.push("coalesce(briefing, '') IN (SELECT value FROM json_each(@briefings))");
    params.briefings = JSON.stringify(filter.briefings);
  }
  if (filter.fromDay !== undefined) {
    parts.push('submitted_at >= @from');
    params.from = dayStart(filter.fromDay);
  }
  if (filter.toDay !== undefined) {
    parts.push('submitted_at < @to');
    params.to = nextDayStart(filter.toDay);
  }
  return { sql: parts.join(' AND '), params };
}

/** `$."name"`: question names are checked against the catalog before they get here; quotes would end the label. */
function jsonPath(key: string): string {
  if (/["\\]/.test(key)) throw new Error(`answer key ${JSON.stringify(key)} cannot be read as a JSON path`);
  return `$."${key}"`;
}

export function createTextAnswers(db: Db) {
  return {
    /** One page of answers (offset, limit) and whether more follow. */
    listTextAnswers(query: TextQuery): { answers: TextAnswer[]; hasMore: boolean } {
      const { sql, params } = responseWhere(query.filter);
      const statement = db
        .prepare(`SELECT id, version, region, briefing, locale, submitted_at, answers ->> @path AS text FROM responses
          WHERE ${sql} AND text IS NOT NULL AND text <> '' ORDER BY submitted_at DESC, id DESC
          ${query.search ? '' : 'LIMIT @limit OFFSET @offset'}`)
        .raw();
      const needle = query.search?.toLocaleLowerCase();
      const answers: TextAnswer[] = [];
      let skipped = 0;
      let hasMore = false;
      // Fully consumed (or returned from) before the handler yields: no insert can meet this open statement.
      for (const [id, version, region, briefing, locale, submittedAt, text] of statement.iterate({
        ...params,
        path: jsonPath(query.key),
        limit: query.limit + 1,
        offset: query.offset,
      }) as Iterable<TextRow>) {
        const value = String(text);
        // LIKE folds ASCII only; Kazakh and Russian need JavaScript's Unicode lower-casing.
        if (needle !== undefined && !value.toLocaleLowerCase().includes(needle)) continue;
        if (needle !== undefined && skipped < query.offset) {
          skipped++;
          continue;
        }
        if (answers.length === query.limit) {
          hasMore = true;
          break;
        }
        answers.push({ id, version, region, briefing, locale, submittedAt, text: value });
      }
      return { answers, hasMore };
    },
  };
}
