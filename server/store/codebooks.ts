// Codebooks: the codes of each survey question that is coded (short name, kk/ru/en labels, description, optional
// parent, suggestion rules). Renaming changes only the short name (answers keep their codes by id); merging moves
// every code given to answers, the children and the chosen quotes onto the surviving code, in one transaction.
import { KAZAKHSTAN_SQLITE_MODIFIER } from '../domain/kazakhstan-time';
import type { CodebookCode, CodebookOutcome, CodeChanges, NewCode } from './coding-types';
import type { Db } from './db';
import { SELECT_CODES, toCode, type CodeRow } from './code-row';

/** Rebuilds a question's pass-1 counts from its coded answers: after a merge, which may fold two codes into one. */
export function rebuildCodingCounts(db: Db, surveyId: string, question: string): void {
  const params = { surveyId, question };
  db.prepare('DELETE FROM coding_counts WHERE survey_id = @surveyId AND question = @question').run(params);
  const dims = `r.version, r.region, coalesce(r.briefing, ''), date(r.submitted_at, '${KAZAKHSTAN_SQLITE_MODIFIER}')`;
  db.prepare(
    `INSERT INTO coding_counts (survey_id, question, code_id, version, region, briefing, day, n, keys)
     SELECT a.survey_id, a.question, 0, ${dims}, count(*), sum(r.record_key)
     FROM coded_answers a JOIN responses r ON r.rowid = a.response_rowid
     WHERE a.survey_id = @surveyId AND a.question = @question AND a.pass = 1 GROUP BY 4, 5, 6, 7`,
  ).run(params);
  db.prepare(
    `INSERT INTO coding_counts (survey_id, question, code_id, version, region, briefing, day, n, keys)
     SELECT c.survey_id, c.question, c.code_id, ${dims}, count(*), sum(r.record_key)
     FROM answer_codes c JOIN responses r ON r.rowid = c.response_rowid
     WHERE c.survey_id = @surveyId AND c.question = @question AND c.pass = 1 GROUP BY 3, 4, 5, 6, 7`,
  ).run(params);
}

export function createCodebookStore(db: Db) {
  const selectAll = db.prepare<{ surveyId: string; question: string }, CodeRow>(
    `${SELECT_CODES} WHERE c.survey_id = @surveyId AND c.question = @question
     ORDER BY coalesce(p.id, c.id), c.parent_id IS NOT NULL, c.id`,
  );
  const selectSurvey = db.prepare<[string], CodeRow>(
    `${SELECT_CODES} WHERE c.survey_id = ? ORDER BY c.question, c.id`,
  );
  const selectOne = db.prepare<{ surveyId: string; question: string; code: string }, CodeRow>(
    `${SELECT_CODES} WHERE c.survey_id = @surveyId AND c.question = @question AND c.code = @code`,
  );
  const selectById = db.prepare<[number], CodeRow>(`${SELECT_CODES} WHERE c.id = ?`);
  const countChildren = db.prepare<[number], number>('SELECT count(*) FROM coding_codes WHERE parent_id = ?');
  countChildren.pluck();
  const insert = db.prepare(`INSERT INTO coding_codes
    (survey_id, question, code, label_kk, label_ru, label_en, description, parent_id, rules, created_at, updated_at)
    VALUES (@surveyId, @question, @code, @kk, @ru, @en, @description, @parentId, @rules, @at, @at)`);
  const update = db.prepare(`UPDATE coding_codes SET code = @code, label_kk = @kk, label_ru = @ru,
    label_en = @en, description = @description, parent_id = @parentId, rules = @rules, updated_at = @at
    WHERE id = @id`);

  const find = (surveyId: string, question: string, code: string) => {
    const row = selectOne.get({ surveyId, question, code });
    return row && toCode(row);
  };

  /** The parent's id, or the refusal: a parent must exist in the same codebook and be top-level. */
  function parentId(
    surveyId: string,
    question: string,
    parent: string | null,
  ): number | null | 'parent-not-found' | 'too-deep' {
    if (parent === null) return null;
    const row = selectOne.get({ surveyId, question, code: parent });
    if (!row) return 'parent-not-found';
    return row.parent_id === null ? row.id : 'too-deep';
  }

  return {
    listCodes(surveyId: string, question: string): CodebookCode[] {
      return selectAll.all({ surveyId, question }).map(toCode);
    },
    /** Every code of a survey, by question then creation: the export's code columns. */
    listSurveyCodes(surveyId: string): CodebookCode[] {
      return selectSurvey.all(surveyId).map(toCode);
    },
    getCode: find,

    addCode: db.transaction((code: NewCode): CodebookOutcome => {
      if (find(code.surveyId, code.question, code.code)) return { ok: false, refusal: 'code-exists' };
      const parent = parentId(code.surveyId, code.question, code.parent);
      if (typeof parent === 'string') return { ok: false, refusal: parent };
      const { lastInsertRowid } = insert.run({
        ...code,
        ...code.labels,
        parentId: parent,
        rules: JSON.stringify(code.rules),
      });
      return { ok: true, code: toCode(selectById.get(Number(lastInsertRowid))!) };
    }),

    updateCode: db.transaction(
      (
        surveyId: string,
        question: string,
        code: string,
        changes: CodeChanges,
        at: string,
      ): CodebookOutcome => {
        const current = find(surveyId, question, code);
        if (!current) return { ok: false, refusal: 'code-not-found' };
        const next = { ...current, ...changes, labels: { ...current.labels, ...changes.labels } };
        if (next.code !== current.code && find(surveyId, question, next.code))
          return { ok: false, refusal: 'code-exists' };
        if (next.parent === current.code) return { ok: false, refusal: 'too-deep' };
        const parent = parentId(surveyId, question, next.parent);
        if (typeof parent === 'string') return { ok: false, refusal: parent };
        if (parent !== null && countChildren.get(current.id)! > 0) return { ok: false, refusal: 'too-deep' };
        update.run({
          ...next,
          ...next.labels,
          id: current.id,
          parentId: parent,
          rules: JSON.stringify(next.rules),
          at,
        });
        return { ok: true, code: toCode(selectById.get(current.id)!) };
      },
    ),

    /**
     * Folds `from` into `into`: answers coded with `from` are coded with `into` (once, if they had both, keeping
     * `into`'s passage), `from`'s children and quotes move to `into`, and `from` is gone. Returns the answers moved.
     */
    mergeCodes: db.transaction(
      (
        surveyId: string,
        question: string,
        from: string,
        into: string,
        at: string,
      ): CodebookOutcome & { moved?: number } => {
        const source = find(surveyId, question, from);
        const target = find(surveyId, question, into);
        if (!source || !target || source.id === target.id) return { ok: false, refusal: 'code-not-found' };
        const hasChildren = countChildren.get(source.id)! > 0;
        if (hasChildren && target.parent !== null) return { ok: false, refusal: 'too-deep' };
        const ids = { from: source.id, into: target.id };
        const moved = db
          .prepare(`UPDATE OR IGNORE answer_codes SET code_id = @into WHERE code_id = @from`)
          .run(ids).changes;
        db.prepare('DELETE FROM answer_codes WHERE code_id = @from').run(ids);
        db.prepare('UPDATE OR IGNORE coding_quotes SET code_id = @into WHERE code_id = @from').run(ids);
        db.prepare('DELETE FROM coding_quotes WHERE code_id = @from').run(ids);
        db.prepare('UPDATE coding_codes SET parent_id = @into WHERE parent_id = @from').run(ids);
        db.prepare('UPDATE coding_codes SET updated_at = @at WHERE id = @into').run({ ...ids, at });
        db.prepare('DELETE FROM coding_codes WHERE id = @from').run(ids);
        rebuildCodingCounts(db, surveyId, question);
        return { ok: true, code: toCode(selectById.get(target.id)!), moved };
      },
    ),
  };
}
