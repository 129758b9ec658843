// The coding queue on PostgreSQL, as listCodingQueue and iterateUncodedTexts of server/store/coding-reads.ts. SQLite
// reads the answers to code from its text index (answer_texts: a non-empty string under a text key of the version's
// count plan, kept at insert); this engine asks the same of the responses themselves: the versions whose plan lists
// the key as a text, and a non-empty string in the JSON. Order: insertion order (`seq`, SQLite's rowid), or for the
// second coder's sample the same multiplicative shuffle of it.
import type { CountPlan } from '../store/count-types';
import type { AnswerToCode, CodingQueueQuery, QueuedAnswer } from '../store/coding-types';
import type { CountFilter } from '../store/count-types';
import { answerText, Params, responseFilter, spanOf } from './coding-sql';
import type { Pool } from './pool';
import { streamRows } from './responses';

/** Knuth's multiplicative hash of the row number: the sample spreads over regions and days (as SQLite's). */
const SAMPLE_ORDER = '(r.seq * 2654435761) % 4294967296';

interface QueueRow {
  seq: number;
  id: string;
  version: number;
  region: string;
  briefing: string | null;
  locale: string;
  submitted_at: string;
  record_key: number;
  text: string;
  coder: string | null;
  coded_at: string | null;
}

export function createPgCodingQueue(pool: Pool, plans: readonly CountPlan[]) {
  /** Versions of a survey whose texts (what the text index keeps) include `key`. */
  const textVersions = (surveyId: string, key: string) =>
    plans.filter((p) => p.surveyId === surveyId && p.texts.includes(key)).map((p) => p.version);

  /**
   * FROM … WHERE of the answers under `key` in a filter, with their coding in `pass` as `a` (LEFT JOIN) and their
   * text as `j.text`. `sample`: only answers the first pass coded.
   */
  function answersIn(
    filter: CountFilter,
    question: string,
    key: string,
    pass: number,
    state: CodingQueueQuery['state'],
    params: Params,
  ): string {
    const survey = params.add(filter.surveyId);
    const q = params.add(question);
    const sampled =
      state === 'sample'
        ? `AND EXISTS (SELECT 1 FROM coded_answers f WHERE f.survey_id = r.survey_id AND f.question = ${q}
             AND f.pass = 1 AND f.response_id = r.id)`
        : '';
    return `responses r CROSS JOIN LATERAL (SELECT ${answerText('r', params.add(key))} AS text) j
      LEFT JOIN coded_answers a ON a.survey_id = r.survey_id AND a.question = ${q} AND a.pass = ${params.add(pass)}
        AND a.response_id = r.id
      WHERE r.survey_id = ${survey} AND r.version = ANY(${params.add(textVersions(filter.surveyId, key))}::int[])
        AND j.text <> '' AND ${responseFilter('r', filter, params)} ${sampled}`;
  }

  return {
    /** One page of the queue, and the progress over the whole filter (answers, and those coded in this pass). */
    async listCodingQueue(
      query: CodingQueueQuery,
    ): Promise<{ answers: QueuedAnswer[]; total: number; coded: number }> {
      const params = new Params();
      const from = answersIn(query.filter, query.question, query.key, query.pass, query.state, params);
      const { rows: progress } = await pool.query<{ total: number; coded: number }>(
        `SELECT count(*) AS total, count(a.response_id) AS coded FROM ${from}`,
        params.values,
      );
      const onlyUncoded = query.state === 'all' ? '' : 'AND a.response_id IS NULL';
      const order = query.state === 'sample' ? SAMPLE_ORDER : 'r.seq';
      const { rows } = await pool.query<QueueRow>(
        `SELECT r.seq, r.id, r.version, r.region, r.briefing, r.locale, r.submitted_at, j.text, a.coder, a.coded_at
         FROM ${from} ${onlyUncoded} ORDER BY ${order}
         LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`,
        params.values,
      );
      // The codes of the page's coded answers, in one read.
      const coded = rows.filter((r) => r.coder !== null).map((r) => r.id);
      const codes = new Map<string, { codeId: number; span: { start: number; end: number } | null }[]>();
      if (coded.length > 0) {
        const { rows: given } = await pool.query<{
          response_id: string;
          code_id: number;
          span_start: number | null;
          span_end: number | null;
        }>(
          `SELECT response_id, code_id, span_start, span_end FROM answer_codes
           WHERE survey_id = $1 AND question = $2 AND pass = $3 AND response_id = ANY($4::text[])
           ORDER BY response_id, code_id`,
          [query.filter.surveyId, query.question, query.pass, coded],
        );
        for (const g of given) {
          let list = codes.get(g.response_id);
          if (!list) codes.set(g.response_id, (list = []));
          list.push({ codeId: g.code_id, span: spanOf(g.span_start, g.span_end) });
        }
      }
      const answers = rows.map((r): QueuedAnswer => ({
        responseId: r.id,
        version: r.version,
        region: r.region,
        briefing: r.briefing,
        locale: r.locale,
        submittedAt: r.submitted_at,
        text: r.text,
        coding:
          r.coder === null || r.coded_at === null
            ? null
            : { coder: r.coder, codedAt: r.coded_at, codes: codes.get(r.id) ?? [] },
      }));
      return { answers, total: progress[0]!.total, coded: progress[0]!.coded };
    },

    /**
     * Answers in a filter not coded in pass 1, with their folded text (lower-cased by JavaScript, as SQLite's
     * index keeps it): what suggestion rules are tried on. Streamed through a cursor on a connection of its own, so
     * the caller may write (apply a rule) while going through them.
     */
    async *iterateUncodedTexts(
      filter: CountFilter,
      question: string,
      key: string,
    ): AsyncGenerator<{ answer: AnswerToCode; folded: string }> {
      const params = new Params();
      const from = answersIn(filter, question, key, 1, 'uncoded', params);
      yield* streamRows(
        pool,
        `SELECT r.seq, r.id, r.version, r.region, r.briefing, r.submitted_at, r.locale, r.record_key, j.text
         FROM ${from} AND a.response_id IS NULL ORDER BY r.seq`,
        params.values,
        (r: QueueRow) => ({
          answer: {
            rowid: r.seq,
            responseId: r.id,
            surveyId: filter.surveyId,
            version: r.version,
            region: r.region,
            briefing: r.briefing,
            submittedAt: r.submitted_at,
            locale: r.locale,
            recordKey: r.record_key,
            text: '',
          },
          folded: r.text.toLowerCase(),
        }),
      );
    },
  };
}
