-- Aggregate counts kept in the same transaction as each response insert (server/store/answer-counts.ts), so the
-- dashboard sums a few thousand rows instead of reading a million answers. `npm run cli -- recount` rebuilds them.

-- One row per (survey, version, region, briefing, day): its number of responses, and the answer counts as one
-- vector laid out by the version's count plan (server/store/count-layout.ts): per question, the respondents who
-- answered it, then one count per value (choice; row=column for a matrix; choice=rank for a ranking). A vector per
-- key, not a row per (key, question, value): at 1M demo responses that is ~3,000 rows to sum instead of ~850,000.
CREATE TABLE answer_counts (
  id        INTEGER PRIMARY KEY,
  survey_id TEXT    NOT NULL,
  version   INTEGER NOT NULL,
  region    TEXT    NOT NULL,
  briefing  TEXT    NOT NULL,  -- '' for a response that came without a briefing
  day       TEXT    NOT NULL,  -- YYYY-MM-DD of submitted_at at UTC+5, the day the export's date filters mean
  responses INTEGER NOT NULL,
  counts    BLOB    NOT NULL,  -- int32, little-endian
  UNIQUE (survey_id, version, region, briefing, day)
) STRICT;

-- Each response's answers as a fixed-width record of value indexes (~90 bytes, against ~2.5 KB of JSON), appended
-- 64 to a row in insertion order: a crosstab of one question by another reads these, not the JSON.
CREATE TABLE answer_records (
  key_id  INTEGER NOT NULL,  -- answer_counts.id
  chunk   INTEGER NOT NULL,  -- responses 64*chunk … 64*chunk+63 of the key, in insertion order
  records BLOB    NOT NULL,
  PRIMARY KEY (key_id, chunk)
) STRICT, WITHOUT ROWID;

-- The plan each version's counts were built with (sha256 of it); another plan at start-up rebuilds that survey.
CREATE TABLE count_plans (
  survey_id TEXT    NOT NULL,
  version   INTEGER NOT NULL,
  sha256    TEXT    NOT NULL,
  PRIMARY KEY (survey_id, version)
) STRICT;
