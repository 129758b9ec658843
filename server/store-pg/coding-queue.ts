// The coding queue on PostgreSQL, as listCodingQueue and iterateUncodedTexts of server/store/coding-reads.ts: the
// answers to code are those of the text index (answer_texts, text-index.ts: a non-empty text under a key of the
// version's count plan, with the count key's columns), filtered as the counts are. Order: insertion order (`seq`,
// SQLite's rowid), or for the second coder's sample the same multiplicative shuffle of it.
import type { AnswerToCode, CodingQueueQuery, QueuedAnswer } from '../store/coding-types';
import type { CountFilter } from '../store/count-types';
import { keyWhere } from './count-keys';
import { answerText, Params, spanOf } from './coding-sql';
import type { Pool } from './pool';
import { streamRows } from './responses';

/** Knuth's multiplicative hash of the row number: the sample spreads over regions and days (as SQLite's). */
const SAMPLE_ORDER = '(t.response_seq * 2654435761) % 4294967296';

interface QueueRow {
  seq: number;
  id: string;
  version: number;
  region: string;
  briefing: string;
  locale: string;
  submitted_at: string;
  record_key: number;
  text: string | null;
  folded: string;
  coder: string | null;
  coded_at: string | null;
}

/**
 * FROM … WHERE of the texts under `key` in a filter (`t`), with their coding in `pass` as `a` (LEFT JOIN) and, when
 * asked, their response as `r`. `sample`: only answers the first pass coded.
 */
function answersIn(
  filter: CountFilter,
  question: string,
  key: string,
  pass: number,
  state: CodingQueueQuery['state'],
): { from: (withResponses: boolean) => string; params: Params } {
  const { sql, params: values } = keyWhere(filter, 't');
  const params = new Params(values);
  const q = params.add(question);
  const sampled =
    state === 'sample'
      ? `AND EXISTS (SELECT 1 FROM coded_answers f WHERE f.survey_id = t.survey_id AND f.question = ${q}
           AND f.pass = 1 AND f.response_seq = t.response_seq)`
      : '';
  const coding = `LEFT JOIN coded_answers a ON a.survey_id = t.survey_id AND a.question = ${q}
      AND a.pass = ${params.add(pass)} AND a.response_seq = t.response_seq
    WHERE t.question = ${params.add(key)} AND ${sql} ${sampled}`;
  const from = (withResponses: boolean) =>
    `answer_texts t ${withResponses ? 'JOIN responses r ON r.seq = t.response_seq' : ''} ${coding}`;
  return { from, params };
}

export function createPgCodingQueue(pool: Pool) {
  return {
    /** One page of the queue, and the progress over the whole filter (answers, and those coded in this pass). */
    async listCodingQueue(
      query: CodingQueueQuery,
    ): Promise<{ answers: QueuedAnswer[]; total: number; coded: number }> {
      const { from, params } = answersIn(query.filter, query.question, query.key, query.pass, query.state);
      const { rows: progress } = await pool.query<{ total: number; coded: number }>(
        `SELECT count(*) AS total, count(a.response_seq) AS coded FROM ${from(false)}`,
        params.values,
      );
      const onlyUncoded = query.state === 'all' ? '' : 'AND a.response_seq IS NULL';
      const order = query.state === 'sample' ? SAMPLE_ORDER : 't.response_seq';
      const key = params.add(query.key);
      const { rows } = await pool.query<QueueRow>(
        `SELECT t.response_seq AS seq, r.id, t.version, t.region, t.briefing, r.locale, r.submitted_at,
           ${answerText('r', key)} AS text, a.coder, a.coded_at
         FROM ${from(true)} ${onlyUncoded}
         ORDER BY ${order} LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`,
        params.values,
      );
      // The codes of the page's coded answers, in one read.
      const coded = rows.filter((r) => r.coder !== null).map((r) => r.seq);
      const codes = new Map<number, { codeId: number; span: { start: number; end: number } | null }[]>();
      if (coded.length > 0) {
        const { rows: given } = await pool.query<{
          response_seq: number;
          code_id: number;
          span_start: number | null;
          span_end: number | null;
        }>(
          `SELECT response_seq, code_id, span_start, span_end FROM answer_codes
           WHERE survey_id = $1 AND question = $2 AND pass = $3 AND response_seq = ANY($4::bigint[])
           ORDER BY response_seq, code_id`,
          [query.filter.surveyId, query.question, query.pass, coded],
        );
        for (const g of given) {
          let list = codes.get(g.response_seq);
          if (!list) codes.set(g.response_seq, (list = []));
          list.push({ codeId: g.code_id, span: spanOf(g.span_start, g.span_end) });
        }
      }
      const answers = rows.map((r): QueuedAnswer => ({
        responseId: r.id,
        version: r.version,
        region: r.region,
        briefing: r.briefing === '' ? null : r.briefing,
        locale: r.locale,
        submittedAt: r.submitted_at,
        text: r.text ?? '',
        coding:
          r.coder === null || r.coded_at === null
            ? null
            : { coder: r.coder, codedAt: r.coded_at, codes: codes.get(r.seq) ?? [] },
      }));
      return { answers, total: progress[0]!.total, coded: progress[0]!.coded };
    },

    /**
     * Answers in a filter not coded in pass 1, with their folded text (as the index keeps it): what suggestion
     * rules are tried on. Streamed through a cursor on a connection of its own, so the caller may write (apply a
     * rule) while going through them.
     */
    async *iterateUncodedTexts(
      filter: CountFilter,
      question: string,
      key: string,
    ): AsyncGenerator<{ answer: AnswerToCode; folded: string }> {
      const { from, params } = answersIn(filter, question, key, 1, 'uncoded');
      yield* streamRows(
        pool,
        `SELECT t.response_seq AS seq, r.id, t.version, t.region, t.briefing, r.submitted_at, r.locale,
           r.record_key, t.folded
         FROM ${from(true)} AND a.response_seq IS NULL
         ORDER BY t.response_seq`,
        params.values,
        (r: QueueRow) => ({
          answer: {
            rowid: r.seq,
            responseId: r.id,
            surveyId: filter.surveyId,
            version: r.version,
            region: r.region,
            briefing: r.briefing === '' ? null : r.briefing,
            submittedAt: r.submitted_at,
            locale: r.locale,
            recordKey: r.record_key,
            text: '',
          },
          folded: r.folded,
        }),
      );
    },
  };
}
