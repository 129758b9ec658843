-- Coding counts carry the sum of their respondents' record keys (migration 0008), so that code counts are published
-- by the cell key method like every other count (exports/aggregates/disclosure.ts). The counts are rebuilt from
-- the coded answers, which they are derived from.
ALTER TABLE coding_counts ADD COLUMN keys INTEGER NOT NULL DEFAULT 0;
DELETE FROM coding_counts;
INSERT INTO coding_counts (survey_id, question, code_id, version, region, briefing, day, n, keys)
  SELECT a.survey_id, a.question, 0, r.version, r.region, coalesce(r.briefing, ''), date(r.submitted_at, '+5 hours'),
    count(*), sum(r.record_key)
  FROM coded_answers a JOIN responses r ON r.rowid = a.response_rowid
  WHERE a.pass = 1 GROUP BY 1, 2, 4, 5, 6, 7;
INSERT INTO coding_counts (survey_id, question, code_id, version, region, briefing, day, n, keys)
  SELECT c.survey_id, c.question, c.code_id, r.version, r.region, coalesce(r.briefing, ''),
    date(r.submitted_at, '+5 hours'), count(*), sum(r.record_key)
  FROM answer_codes c JOIN responses r ON r.rowid = c.response_rowid
  WHERE c.pass = 1 GROUP BY 1, 2, 3, 4, 5, 6, 7;
