// The codes given to answers: one write replaces an answer's codes in one pass and, for the pass that counts,
// moves the coding counts by the difference in the same transaction (a few index writes: instant at any size).
import { countDay } from './answer-counts';
import { jsonPath } from './text-answers';
import type { AnswerCoding, AnswerToCode, CodingPass, GivenCode } from './coding-types';
import type { Db } from './db';

interface CodedRow {
  coder: string;
  coded_at: string;
}
type CodeRow = [codeId: number, start: number | null, end: number | null];

export function createAnswerCodes(db: Db) {
  const selectCoded = db.prepare<[string, string, number, number], CodedRow>(
    `SELECT coder, coded_at FROM coded_answers
     WHERE survey_id = ? AND question = ? AND pass = ? AND response_rowid = ?`,
  );
  const selectCodes = db
    .prepare<[string, string, number, number], CodeRow>(
      `SELECT code_id, span_start, span_end FROM answer_codes
       WHERE survey_id = ? AND question = ? AND pass = ? AND response_rowid = ? ORDER BY code_id`,
    )
    .raw();
  const upsertCoded =
    db.prepare(`INSERT INTO coded_answers (survey_id, question, pass, response_rowid, coder, coded_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET coder = excluded.coder, coded_at = excluded.coded_at`);
  const deleteCoded = db.prepare(
    'DELETE FROM coded_answers WHERE survey_id = ? AND question = ? AND pass = ? AND response_rowid = ?',
  );
  const deleteCodes = db.prepare(
    'DELETE FROM answer_codes WHERE survey_id = ? AND question = ? AND pass = ? AND response_rowid = ?',
  );
  const insertCode = db.prepare(`INSERT INTO answer_codes
    (survey_id, question, pass, response_rowid, code_id, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const bump = db.prepare(`INSERT INTO coding_counts
    (survey_id, question, code_id, version, region, briefing, day, n, keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET n = n + excluded.n, keys = keys + excluded.keys`);
  const selectAnswer = db
    .prepare(
      `SELECT r.rowid, r.id, r.survey_id, r.version, r.region, r.briefing, r.submitted_at, r.locale, r.record_key, r.answers ->> ?
       FROM responses r WHERE r.id = ?`,
    )
    .raw();

  function codingOf(
    surveyId: string,
    question: string,
    pass: CodingPass,
    rowid: number,
  ): AnswerCoding | null {
    const coded = selectCoded.get(surveyId, question, pass, rowid);
    if (!coded) return null;
    const codes = selectCodes.all(surveyId, question, pass, rowid).map(([codeId, start, end]) => ({
      codeId,
      span: start === null || end === null ? null : { start, end },
    }));
    return { coder: coded.coder, codedAt: coded.coded_at, codes };
  }

  /** Moves the pass-1 counts of one answer: -1 for what it had, +1 for what it has now. */
  function count(answer: AnswerToCode, question: string, codeIds: readonly number[], delta: 1 | -1): void {
    const dims = [
      answer.version,
      answer.region,
      answer.briefing ?? '',
      countDay(answer.submittedAt),
    ] as const;
    for (const id of [0, ...codeIds])
      bump.run(answer.surveyId, question, id, ...dims, delta, delta * answer.recordKey);
  }

  const write = db.transaction(
    (
      answer: AnswerToCode,
      question: string,
      pass: CodingPass,
      codes: readonly GivenCode[] | null,
      coder: string,
      at: string,
    ): AnswerCoding | null => {
      const key = [answer.surveyId, question, pass, answer.rowid] as const;
      const previous = codingOf(...key);
      if (pass === 1 && previous)
        count(
          answer,
          question,
          previous.codes.map((c) => c.codeId),
          -1,
        );
      deleteCodes.run(...key);
      if (codes === null) {
        deleteCoded.run(...key);
        return previous;
      }
      upsertCoded.run(...key, coder, at);
      for (const c of codes) insertCode.run(...key, c.codeId, c.span?.start ?? null, c.span?.end ?? null);
      if (pass === 1)
        count(
          answer,
          question,
          codes.map((c) => c.codeId),
          1,
        );
      return previous;
    },
  );

  return {
    /** The response and its text under `key` (a question's name or `<question>-Comment`); text '' if unanswered. */
    getAnswerToCode(responseId: string, key: string): AnswerToCode | undefined {
      const row = selectAnswer.get(jsonPath(key), responseId) as
        [number, string, string, number, string, string | null, string, string, number, unknown] | undefined;
      if (!row) return undefined;
      const [rowid, id, surveyId, version, region, briefing, submittedAt, locale, recordKey, text] = row;
      return {
        rowid,
        responseId: id,
        surveyId,
        version,
        region,
        briefing,
        submittedAt,
        locale,
        recordKey,
        text: typeof text === 'string' ? text : '',
      };
    },
    getAnswerCoding(answer: AnswerToCode, question: string, pass: CodingPass): AnswerCoding | null {
      return codingOf(answer.surveyId, question, pass, answer.rowid);
    },
    /**
     * Replaces the answer's codes in `pass` (an empty list: coded, nothing fits; null: back to not coded) and
     * returns what it had before.
     */
    setAnswerCodes(
      answer: AnswerToCode,
      question: string,
      pass: CodingPass,
      codes: readonly GivenCode[] | null,
      coder: string,
      at: string,
    ): AnswerCoding | null {
      return write(answer, question, pass, codes, coder, at);
    },
    /** Codes many answers in one transaction (a rule applied to a filtered set); answers already coded are skipped. */
    codeAnswers: db.transaction(
      (
        answers: readonly AnswerToCode[],
        question: string,
        codeId: number,
        coder: string,
        at: string,
      ): number => {
        let coded = 0;
        for (const answer of answers) {
          if (selectCoded.get(answer.surveyId, question, 1, answer.rowid)) continue;
          write(answer, question, 1, [{ codeId, span: null }], coder, at);
          coded += 1;
        }
        return coded;
      },
    ),
  };
}
