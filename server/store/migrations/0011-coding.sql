-- Qualitative coding of free-text answers (server/store/codebooks.ts, answer-codes.ts): per survey and text question
-- (or the "other" text of a choice question) a codebook of codes; per response × question the codes a coder gave.
-- Everything here refers to responses by rowid and keeps the count dimensions itself, so a recount of the answer
-- counts (which renumbers answer_counts) never touches it.

CREATE TABLE coding_codes (
  id          INTEGER PRIMARY KEY,
  survey_id   TEXT    NOT NULL,
  question    TEXT    NOT NULL,  -- the question's name (its text, or its "other" text, is what is coded)
  code        TEXT    NOT NULL,  -- short name: the export column <question>__code__<code>
  label_kk    TEXT    NOT NULL,
  label_ru    TEXT    NOT NULL,
  label_en    TEXT    NOT NULL,
  description TEXT    NOT NULL DEFAULT '',
  -- Two levels at most: a parent is itself top-level (checked by the store, as SQLite cannot say it).
  parent_id   INTEGER REFERENCES coding_codes (id),
  -- Suggestion rules: word forms and phrases (server/domain/coding-rules.ts); suggestions are never tags.
  rules       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(rules)),
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL,
  UNIQUE (survey_id, question, code)
) STRICT;

-- An answer that a coder has finished with, even with no code at all ("nothing here fits"): the progress count, the
-- denominators, and the answers both coders saw for agreement. pass 1 is the coding that counts; pass 2 the second
-- coder's blind sample, used only for agreement.
CREATE TABLE coded_answers (
  survey_id      TEXT    NOT NULL,
  question       TEXT    NOT NULL,
  pass           INTEGER NOT NULL CHECK (pass IN (1, 2)),
  response_rowid INTEGER NOT NULL,  -- responses.rowid
  coder          TEXT    NOT NULL,  -- the coder's email
  coded_at       TEXT    NOT NULL,
  PRIMARY KEY (survey_id, question, pass, response_rowid)
) STRICT, WITHOUT ROWID;

-- The codes of a coded answer, each with an optional passage (UTF-16 offsets into the text, as the browser counts).
CREATE TABLE answer_codes (
  survey_id      TEXT    NOT NULL,
  question       TEXT    NOT NULL,
  pass           INTEGER NOT NULL,
  response_rowid INTEGER NOT NULL,
  code_id        INTEGER NOT NULL REFERENCES coding_codes (id),
  span_start     INTEGER,
  span_end       INTEGER,
  PRIMARY KEY (survey_id, question, pass, response_rowid, code_id),
  FOREIGN KEY (survey_id, question, pass, response_rowid)
    REFERENCES coded_answers (survey_id, question, pass, response_rowid) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX answer_codes_by_code ON answer_codes (code_id, pass);
-- The export's code columns read a response's codes by rowid.
CREATE INDEX answer_codes_by_response ON answer_codes (response_rowid);

-- Pass-1 counts kept in each coding write's transaction, on the answer counts' dimensions (so keyWhere's filters
-- apply as they are): code_id 0 counts coded answers, any other the answers tagged with that code. Counts by region
-- then sum a few hundred rows, however many answers were coded.
CREATE TABLE coding_counts (
  survey_id TEXT    NOT NULL,
  question  TEXT    NOT NULL,
  code_id   INTEGER NOT NULL,
  version   INTEGER NOT NULL,
  region    TEXT    NOT NULL,
  briefing  TEXT    NOT NULL,  -- '' for no briefing, as in answer_counts
  day       TEXT    NOT NULL,  -- UTC+5 day, as in answer_counts
  n         INTEGER NOT NULL,
  PRIMARY KEY (survey_id, question, code_id, version, region, briefing, day)
) STRICT, WITHOUT ROWID;

-- Quotes an author chose for the printable brief: an answer (or its tagged passage) shown under a code.
CREATE TABLE coding_quotes (
  code_id        INTEGER NOT NULL REFERENCES coding_codes (id) ON DELETE CASCADE,
  response_rowid INTEGER NOT NULL,
  chosen_by      TEXT    NOT NULL,
  chosen_at      TEXT    NOT NULL,
  -- Set when the region had fewer than 5 respondents and the author confirmed the quote anyway.
  small_region_confirmed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (code_id, response_rowid)
) STRICT, WITHOUT ROWID;
