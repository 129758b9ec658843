// Codebooks on PostgreSQL, as server/store/codebooks.ts: renaming changes only the short name (answers keep their
// codes by id); merging moves every code given to answers, the children and the chosen quotes onto the surviving
// code, in one transaction. Several servers may change one codebook at once: each change holds the codebook's
// transaction-level advisory lock, so the checks (name free, parent top-level, no third level) and the write see
// the same codebook.
import type { CodebookCode, CodebookOutcome, CodeChanges, NewCode } from '../store/coding-types';
import { inTransaction, type Pool, type PoolClient } from './pool';
import { SELECT_CODES, toCode, type CodeRow } from '../store/code-row';

type Queryable = Pick<PoolClient, 'query'>;

/** Holds the codebook of one survey question until the transaction ends. */
const lockCodebook = (client: Queryable, surveyId: string, question: string) =>
  client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [`coding:${surveyId}`, question]);

async function find(db: Queryable, surveyId: string, question: string, code: string) {
  const { rows } = await db.query<CodeRow>(
    `${SELECT_CODES} WHERE c.survey_id = $1 AND c.question = $2 AND c.code = $3`,
    [surveyId, question, code],
  );
  return rows[0];
}

async function byId(db: Queryable, id: number): Promise<CodebookCode> {
  const { rows } = await db.query<CodeRow>(`${SELECT_CODES} WHERE c.id = $1`, [id]);
  return toCode(rows[0]!);
}

async function hasChildren(db: Queryable, id: number): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM coding_codes WHERE parent_id = $1 LIMIT 1', [id]);
  return rows.length > 0;
}

/** The parent's id, or the refusal: a parent must exist in the same codebook and be top-level. */
async function parentId(
  db: Queryable,
  surveyId: string,
  question: string,
  parent: string | null,
): Promise<number | null | 'parent-not-found' | 'too-deep'> {
  if (parent === null) return null;
  const row = await find(db, surveyId, question, parent);
  if (!row) return 'parent-not-found';
  return row.parent_id === null ? row.id : 'too-deep';
}

export function createPgCodebooks(pool: Pool) {
  return {
    async listCodes(surveyId: string, question: string): Promise<CodebookCode[]> {
      const { rows } = await pool.query<CodeRow>(
        `${SELECT_CODES} WHERE c.survey_id = $1 AND c.question = $2
         ORDER BY coalesce(p.id, c.id), c.parent_id IS NOT NULL, c.id`,
        [surveyId, question],
      );
      return rows.map(toCode);
    },
    /** Every code of a survey, by question (byte order, as SQLite compares) then creation: the export's columns. */
    async listSurveyCodes(surveyId: string): Promise<CodebookCode[]> {
      const { rows } = await pool.query<CodeRow>(
        `${SELECT_CODES} WHERE c.survey_id = $1 ORDER BY c.question COLLATE "C", c.id`,
        [surveyId],
      );
      return rows.map(toCode);
    },
    async getCode(surveyId: string, question: string, code: string): Promise<CodebookCode | undefined> {
      const row = await find(pool, surveyId, question, code);
      return row && toCode(row);
    },

    addCode: (code: NewCode): Promise<CodebookOutcome> =>
      inTransaction(pool, async (client): Promise<CodebookOutcome> => {
        await lockCodebook(client, code.surveyId, code.question);
        if (await find(client, code.surveyId, code.question, code.code))
          return { ok: false, refusal: 'code-exists' };
        const parent = await parentId(client, code.surveyId, code.question, code.parent);
        if (typeof parent === 'string') return { ok: false, refusal: parent };
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO coding_codes (survey_id, question, code, label_kk, label_ru, label_en, description,
             parent_id, rules, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
          [
            code.surveyId,
            code.question,
            code.code,
            code.labels.kk,
            code.labels.ru,
            code.labels.en,
            code.description,
            parent,
            JSON.stringify(code.rules),
            code.at,
          ],
        );
        return { ok: true, code: await byId(client, rows[0]!.id) };
      }),

    updateCode: (
      surveyId: string,
      question: string,
      code: string,
      changes: CodeChanges,
      at: string,
    ): Promise<CodebookOutcome> =>
      inTransaction(pool, async (client): Promise<CodebookOutcome> => {
        await lockCodebook(client, surveyId, question);
        const row = await find(client, surveyId, question, code);
        if (!row) return { ok: false, refusal: 'code-not-found' };
        const current = toCode(row);
        const next = { ...current, ...changes, labels: { ...current.labels, ...changes.labels } };
        if (next.code !== current.code && (await find(client, surveyId, question, next.code)))
          return { ok: false, refusal: 'code-exists' };
        if (next.parent === current.code) return { ok: false, refusal: 'too-deep' };
        const parent = await parentId(client, surveyId, question, next.parent);
        if (typeof parent === 'string') return { ok: false, refusal: parent };
        if (parent !== null && (await hasChildren(client, current.id)))
          return { ok: false, refusal: 'too-deep' };
        await client.query(
          `UPDATE coding_codes SET code = $2, label_kk = $3, label_ru = $4, label_en = $5, description = $6,
             parent_id = $7, rules = $8, updated_at = $9 WHERE id = $1`,
          [
            current.id,
            next.code,
            next.labels.kk,
            next.labels.ru,
            next.labels.en,
            next.description,
            parent,
            JSON.stringify(next.rules),
            at,
          ],
        );
        return { ok: true, code: await byId(client, current.id) };
      }),

    /**
     * Folds `from` into `into`: answers coded with `from` are coded with `into` (once, if they had both, keeping
     * `into`'s passage), `from`'s children and quotes move to `into`, and `from` is gone. Returns the answers moved.
     */
    mergeCodes: (
      surveyId: string,
      question: string,
      from: string,
      into: string,
      at: string,
    ): Promise<CodebookOutcome & { moved?: number }> =>
      inTransaction(pool, async (client): Promise<CodebookOutcome & { moved?: number }> => {
        await lockCodebook(client, surveyId, question);
        const source = await find(client, surveyId, question, from);
        const target = await find(client, surveyId, question, into);
        if (!source || !target || source.id === target.id) return { ok: false, refusal: 'code-not-found' };
        if ((await hasChildren(client, source.id)) && target.parent_id !== null)
          return { ok: false, refusal: 'too-deep' };
        const ids = [source.id, target.id];
        // SQLite's UPDATE OR IGNORE: an answer that already has `into` keeps that row (and its passage).
        const { rowCount } = await client.query(
          `UPDATE answer_codes a SET code_id = $2 WHERE a.code_id = $1 AND NOT EXISTS (
             SELECT 1 FROM answer_codes b WHERE b.survey_id = a.survey_id AND b.question = a.question
               AND b.pass = a.pass AND b.response_seq = a.response_seq AND b.code_id = $2)`,
          ids,
        );
        await client.query('DELETE FROM answer_codes WHERE code_id = $1', [source.id]);
        await client.query(
          `UPDATE coding_quotes q SET code_id = $2 WHERE q.code_id = $1 AND NOT EXISTS (
             SELECT 1 FROM coding_quotes o WHERE o.code_id = $2 AND o.response_seq = q.response_seq)`,
          ids,
        );
        await client.query('DELETE FROM coding_quotes WHERE code_id = $1', [source.id]);
        await client.query('UPDATE coding_codes SET parent_id = $2 WHERE parent_id = $1', ids);
        await client.query('UPDATE coding_codes SET updated_at = $2 WHERE id = $1', [target.id, at]);
        await client.query('DELETE FROM coding_codes WHERE id = $1', [source.id]);
        return { ok: true, code: await byId(client, target.id), moved: rowCount ?? 0 };
      }),
  };
}
