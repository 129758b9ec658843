// The text index on PostgreSQL (as server/store/text-answers.ts): free-text answers lower-cased by the counts' own
// folding (count-layout.ts textsOf: JavaScript's Unicode rules, Kazakh and Russian letters included), written in the
// insert's transaction with the count key's columns, searched with LIKE on a trigram index (migration 0003).
import type { CountFilter, TextAnswer, TextQuery } from '../store/count-types';
import type { Statement } from './batch-statement';
import { keyWhere } from './count-keys';
import type { Pool, PoolClient } from './pool';

/** One free text of a response being stored, under its count key. */
export interface IndexedText {
  key: readonly [surveyId: string, version: number, region: string, briefing: string, day: string];
  question: string;
  seq: number;
  folded: string;
}

/** The batch's texts as one INSERT, to run alone or with the batch's other writes (batch-statement.ts). */
export function textStatement(texts: readonly IndexedText[]): Statement | undefined {
  if (texts.length === 0) return undefined;
  const col = (pick: (t: IndexedText) => unknown) => texts.map(pick);
  return {
    sql: `INSERT INTO answer_texts (survey_id, version, region, briefing, day, question, response_seq, folded)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
       $8::text[])`,
    params: [
      ...[0, 1, 2, 3, 4].map((i) => col((t) => t.key[i])),
      col((t) => t.question),
      col((t) => t.seq),
      col((t) => t.folded),
    ],
  };
}

/** The batch's texts, one statement. */
export async function indexTexts(client: PoolClient, texts: readonly IndexedText[]): Promise<void> {
  const statement = textStatement(texts);
  if (statement) await client.query(statement.sql, statement.params);
}

/** `needle` as a LIKE pattern matching it anywhere: its own %, _ and \ are matched literally. */
export const containsPattern = (needle: string) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type TextRow = {
  id: string;
  version: number;
  region: string;
  briefing: string;
  locale: string;
  submitted_at: string;
  text: string | null;
};

export function createPgTextIndex(pool: Pool) {
  return {
    /** One page of answers, newest first (insertion order), and whether more follow; as SQLite's. */
    async listTextAnswers(query: TextQuery): Promise<{ answers: TextAnswer[]; hasMore: boolean }> {
      const filter: CountFilter = query.filter;
      const { sql, params } = keyWhere(filter, 't');
      const next = (value: unknown) => `$${params.push(value)}`;
      const question = next(query.key);
      const search =
        query.search === undefined
          ? ''
          : `AND t.folded LIKE ${next(containsPattern(query.search.toLowerCase()))}`;
      const key = next(query.key);
      const limit = next(query.limit + 1);
      const offset = next(query.offset);
      const { rows } = await pool.query<TextRow>(
        `SELECT r.id, t.version, t.region, t.briefing, r.locale, r.submitted_at, r.answers::json ->> ${key} AS text
         FROM answer_texts t JOIN responses r ON r.seq = t.response_seq
         WHERE ${sql} AND t.question = ${question} ${search}
         ORDER BY t.response_seq DESC LIMIT ${limit} OFFSET ${offset}`,
        params,
      );
      const answers = rows.slice(0, query.limit).map((row): TextAnswer => ({
        id: row.id,
        version: row.version,
        region: row.region,
        briefing: row.briefing === '' ? null : row.briefing,
        locale: row.locale,
        submittedAt: row.submitted_at,
        text: String(row.text),
      }));
      return { answers, hasMore: rows.length > query.limit };
    },
  };
}
