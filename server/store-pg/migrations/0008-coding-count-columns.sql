-- Code counts without reading the responses (coding-reads.ts tallyCodes): summing them through a join to responses
-- took ~3 s for 50,000 coded answers among 1,000,000 responses (it read every response). Each coded answer and each
-- code given now carries its response's count dimensions, as SQLite's coding_counts rows do: version, region,
-- briefing ('' for none), day (UTC+5) and record key. A response's dimensions never change, so these never go
-- stale; the rows still go with their response (ON DELETE CASCADE), so the counts stay a plain sum of what is there.
ALTER TABLE coded_answers
  ADD COLUMN version integer, ADD COLUMN region text, ADD COLUMN briefing text, ADD COLUMN day text,
  ADD COLUMN record_key bigint;
ALTER TABLE answer_codes
  ADD COLUMN version integer, ADD COLUMN region text, ADD COLUMN briefing text, ADD COLUMN day text,
  ADD COLUMN record_key bigint;

UPDATE coded_answers a SET version = r.version, region = r.region, briefing = coalesce(r.briefing, ''),
  day = to_char((r.submitted_at::timestamptz AT TIME ZONE 'UTC') + interval '5 hours', 'YYYY-MM-DD'),
  record_key = r.record_key
FROM responses r WHERE r.seq = a.response_seq;
UPDATE answer_codes c SET version = a.version, region = a.region, briefing = a.briefing, day = a.day,
  record_key = a.record_key
FROM coded_answers a WHERE a.survey_id = c.survey_id AND a.question = c.question AND a.pass = c.pass
  AND a.response_seq = c.response_seq;

ALTER TABLE coded_answers
  ALTER COLUMN version SET NOT NULL, ALTER COLUMN region SET NOT NULL, ALTER COLUMN briefing SET NOT NULL,
  ALTER COLUMN day SET NOT NULL, ALTER COLUMN record_key SET NOT NULL;
ALTER TABLE answer_codes
  ALTER COLUMN version SET NOT NULL, ALTER COLUMN region SET NOT NULL, ALTER COLUMN briefing SET NOT NULL,
  ALTER COLUMN day SET NOT NULL, ALTER COLUMN record_key SET NOT NULL;
