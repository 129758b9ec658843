// Free-text answers for the text browser, most recently received first, filtered like the counts, searched on the
// folded copies kept at insert (answer_texts): SQLite scans small rows, and only a page's texts come from the JSON.
import { keyWhere } from './answer-counts';
import type { TextAnswer, TextQuery } from './count-types';
import type { Db } from './db';

type TextRow = [
  id: string,
  version: number,
  region: string,
  briefing: string,
  locale: string,
  submittedAt: string,
  text: unknown,
];

/** `$."name"`: answers keys come from the count plans; a quote or backslash would end the JSON path's label. */
export function jsonPath(key: string): string {
  if (/["\\]/.test(key)) throw new Error(`answer key ${JSON.stringify(key)} cannot be read as a JSON path`);
  return `$."${key}"`;
}

export function createTextAnswers(db: Db) {
  return {
    /** One page of answers (offset, limit) and whether more follow. */
    listTextAnswers(query: TextQuery): { answers: TextAnswer[]; hasMore: boolean } {
      const { sql, params } = keyWhere(query.filter);
      // CROSS JOIN keeps answer_texts outside: its key walks one question's texts newest first and stops at LIMIT,
      // where starting from the filtered keys would gather and sort every text of the question.
      const rows = db
        .prepare(
          `SELECT r.id, k.version, k.region, k.briefing, r.locale, r.submitted_at, r.answers ->> @path
          FROM answer_texts t CROSS JOIN answer_counts k ON k.id = t.key_id CROSS JOIN responses r ON r.rowid = t.response_rowid
          WHERE t.survey_id = @surveyId AND t.question = @question AND ${sql}
            ${query.search === undefined ? '' : 'AND instr(t.folded, @needle) > 0'}
          ORDER BY t.response_rowid DESC LIMIT @limit OFFSET @offset`,
        )
        .raw()
        .all({
          ...params,
          question: query.key,
          path: jsonPath(query.key),
          ...(query.search !== undefined && { needle: query.search.toLowerCase() }),
          limit: query.limit + 1,
          offset: query.offset,
        }) as TextRow[];
      const answers = rows
        .slice(0, query.limit)
        .map(([id, version, region, briefing, locale, submittedAt, text]) => ({
          id,
          version,
          region,
          briefing: briefing === '' ? null : briefing,
          locale,
          submittedAt,
          text: String(text),
        }));
      return { answers, hasMore: rows.length > query.limit };
    },
  };
}
