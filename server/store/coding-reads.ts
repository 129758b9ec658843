// Reads of the coding: the queue of answers a coder works through (filtered like every count, via answer_texts),
// code counts by region (sums of coding_counts), both coders' codes for agreement, the texts rules are tried on,
// and the quotes chosen for the brief.
import { keyWhere } from './answer-counts';
import type {
  AnswerToCode,
  ChosenQuote,
  CodeTallyRow,
  CodingPair,
  CodingQueueQuery,
  QueuedAnswer,
} from './coding-types';
import type { CountFilter } from './count-types';
import type { Db } from './db';
import { jsonPath } from './text-answers';

/** A stable shuffle of rowids (Knuth's multiplicative hash): the second coder's sample spreads over regions and days. */
const SAMPLE_ORDER = '(t.response_rowid * 2654435761) % 4294967296';

const ids = (list: string | null) => (list === null || list === '' ? [] : list.split(',').map(Number));

export function createCodingReads(db: Db) {
  const selectCodes = db
    .prepare(
      `SELECT code_id, span_start, span_end FROM answer_codes
       WHERE survey_id = ? AND question = ? AND pass = ? AND response_rowid = ? ORDER BY code_id`,
    )
    .raw();

  /** FROM … WHERE of the answers to a question in a filter, with their coding in `pass` as `a`. */
  function answersIn(filter: CountFilter, state: CodingQueueQuery['state']) {
    const { sql, params } = keyWhere(filter);
    const sampled =
      state === 'sample'
        ? `AND EXISTS (SELECT 1 FROM coded_answers f WHERE f.survey_id = t.survey_id AND f.question = @question
             AND f.pass = 1 AND f.response_rowid = t.response_rowid)`
        : '';
    return {
      tables: `answer_texts t CROSS JOIN answer_counts k ON k.id = t.key_id
        LEFT JOIN coded_answers a ON a.survey_id = t.survey_id AND a.question = @question AND a.pass = @pass
          AND a.response_rowid = t.response_rowid`,
      where: `t.survey_id = @surveyId AND t.question = @key AND ${sql} ${sampled}`,
      params,
    };
  }

  return {
    /** One page of the queue, and the progress over the whole filter (answers, and those coded in this pass). */
    listCodingQueue(query: CodingQueueQuery): { answers: QueuedAnswer[]; total: number; coded: number } {
      const { tables, where, params } = answersIn(query.filter, query.state);
      const all = { ...params, question: query.question, key: query.key, pass: query.pass };
      const onlyUncoded = query.state === 'all' ? '' : 'AND a.response_rowid IS NULL';
      const order = query.state === 'sample' ? SAMPLE_ORDER : 't.response_rowid';
      const rows = db
        .prepare(
          `SELECT r.id, k.version, k.region, k.briefing, r.locale, r.submitted_at, r.answers ->> @path,
             t.response_rowid, a.coder, a.coded_at
           FROM ${tables} CROSS JOIN responses r ON r.rowid = t.response_rowid
           WHERE ${where} ${onlyUncoded} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
        )
        .raw()
        .all({ ...all, path: jsonPath(query.key), limit: query.limit, offset: query.offset }) as [
        string,
        number,
        string,
        string,
        string,
        string,
        unknown,
        number,
        string | null,
        string | null,
      ][];
      const [total, coded] = db
        .prepare(`SELECT count(*), count(a.response_rowid) FROM ${tables} WHERE ${where}`)
        .raw()
        .get(all) as [number, number];
      const answers = rows.map(
        ([
          id,
          version,
          region,
          briefing,
          locale,
          submittedAt,
          text,
          rowid,
          coder,
          codedAt,
        ]): QueuedAnswer => ({
          responseId: id,
          version,
          region,
          briefing: briefing === '' ? null : briefing,
          locale,
          submittedAt,
          text: typeof text === 'string' ? text : '',
          coding:
            coder === null || codedAt === null
              ? null
              : {
                  coder,
                  codedAt,
                  codes: (
                    selectCodes.all(query.filter.surveyId, query.question, query.pass, rowid) as [
                      number,
                      number | null,
                      number | null,
                    ][]
                  ).map(([codeId, start, end]) => ({
                    codeId,
                    span: start === null || end === null ? null : { start, end },
                  })),
                },
        }),
      );
      return { answers, total, coded };
    },

    /** Pass-1 coded answers (codeId 0) and tags per code, per region, over a filter: sums of a few hundred rows. */
    tallyCodes(filter: CountFilter, question: string): CodeTallyRow[] {
      const { sql, params } = keyWhere(filter);
      return db
        .prepare(
          `SELECT k.region AS region, k.code_id AS codeId, sum(k.n) AS n, sum(k.keys) AS keys FROM coding_counts k
           WHERE ${sql} AND k.question = @question GROUP BY k.region, k.code_id HAVING sum(k.n) > 0`,
        )
        .all({ ...params, question }) as CodeTallyRow[];
    },

    /** Answers both coders coded, in the given regions, with each pass's code ids. */
    listCodingPairs(
      surveyId: string,
      question: string,
      key: string,
      regions: readonly string[],
    ): CodingPair[] {
      const codesOf = (pass: number) =>
        `(SELECT group_concat(code_id) FROM answer_codes c WHERE c.survey_id = a.survey_id AND c.question = a.question
          AND c.pass = ${pass} AND c.response_rowid = a.response_rowid)`;
      const rows = db
        .prepare(
          `SELECT r.id, r.region, r.answers ->> @path, ${codesOf(1)}, ${codesOf(2)}
           FROM coded_answers a
           JOIN coded_answers b ON b.survey_id = a.survey_id AND b.question = a.question AND b.pass = 2
             AND b.response_rowid = a.response_rowid
           JOIN responses r ON r.rowid = a.response_rowid
           WHERE a.survey_id = @surveyId AND a.question = @question AND a.pass = 1
             AND r.region IN (SELECT value FROM json_each(@regions))
           ORDER BY a.response_rowid`,
        )
        .raw()
        .all({ surveyId, question, path: jsonPath(key), regions: JSON.stringify(regions) }) as [
        string,
        string,
        unknown,
        string | null,
        string | null,
      ][];
      return rows.map(([responseId, region, text, first, second]) => ({
        responseId,
        region,
        text: typeof text === 'string' ? text : '',
        first: ids(first),
        second: ids(second),
      }));
    },

    /** Answers in a filter not coded in pass 1, with their folded text: what suggestion rules are tried on. */
    *iterateUncodedTexts(
      filter: CountFilter,
      question: string,
      key: string,
    ): Generator<{ answer: AnswerToCode; folded: string }> {
      const { tables, where, params } = answersIn(filter, 'uncoded');
      const statement = db
        .prepare(
          `SELECT t.response_rowid, r.id, k.version, k.region, k.briefing, r.submitted_at, r.locale, r.record_key, t.folded
           FROM ${tables} CROSS JOIN responses r ON r.rowid = t.response_rowid
           WHERE ${where} AND a.response_rowid IS NULL`,
        )
        .raw();
      // Collected first: the caller may write (apply a rule) while going through them, on this same connection.
      const rows = statement.all({ ...params, question, key, pass: 1 }) as [
        number,
        string,
        number,
        string,
        string,
        string,
        string,
        number,
        string,
      ][];
      for (const [
        rowid,
        responseId,
        version,
        region,
        briefing,
        submittedAt,
        locale,
        recordKey,
        folded,
      ] of rows)
        yield {
          answer: {
            rowid,
            responseId,
            surveyId: filter.surveyId,
            version,
            region,
            briefing: briefing === '' ? null : briefing,
            submittedAt,
            locale,
            recordKey,
            text: '',
          },
          folded,
        };
    },

    /** One statement: the check that the answer has the code and the write cannot be split by a coding write. */
    chooseQuote(
      codeId: number,
      rowid: number,
      by: string,
      at: string,
      smallRegionConfirmed: boolean,
    ): boolean {
      return (
        db
          .prepare(
            `INSERT INTO coding_quotes (code_id, response_rowid, chosen_by, chosen_at, small_region_confirmed)
             SELECT @codeId, @rowid, @by, @at, @small WHERE EXISTS (SELECT 1 FROM answer_codes
               WHERE code_id = @codeId AND pass = 1 AND response_rowid = @rowid)
             ON CONFLICT DO UPDATE SET chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at,
               small_region_confirmed = excluded.small_region_confirmed`,
          )
          .run({ codeId, rowid, by, at, small: smallRegionConfirmed ? 1 : 0 }).changes === 1
      );
    },
    removeQuote(codeId: number, rowid: number): boolean {
      return (
        db.prepare('DELETE FROM coding_quotes WHERE code_id = ? AND response_rowid = ?').run(codeId, rowid)
          .changes === 1
      );
    },
    /** The quotes chosen under a question's codes, with the text (and the code's passage, when one was marked). */
    listQuotes(surveyId: string, question: string, key: string): ChosenQuote[] {
      const rows = db
        .prepare(
          `SELECT q.code_id, r.id, r.region, r.answers ->> @path, c.span_start, c.span_end, q.chosen_by,
             q.small_region_confirmed
           FROM coding_quotes q JOIN coding_codes k ON k.id = q.code_id
           JOIN responses r ON r.rowid = q.response_rowid
           LEFT JOIN answer_codes c ON c.survey_id = k.survey_id AND c.question = k.question AND c.pass = 1
             AND c.response_rowid = q.response_rowid AND c.code_id = q.code_id
           WHERE k.survey_id = @surveyId AND k.question = @question ORDER BY q.chosen_at`,
        )
        .raw()
        .all({ surveyId, question, path: jsonPath(key) }) as [
        number,
        string,
        string,
        unknown,
        number | null,
        number | null,
        string,
        number,
      ][];
      return rows.map(([codeId, responseId, region, text, start, end, chosenBy, confirmed]) => ({
        codeId,
        responseId,
        region,
        text: typeof text === 'string' ? text : '',
        span: start === null || end === null ? null : { start, end },
        chosenBy,
        smallRegionConfirmed: confirmed === 1,
      }));
    },
  };
}
