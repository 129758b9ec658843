-- Each response's duration stored, as SQLite's `duration_s` (its migration 0009), with the same index: the median
-- per version (the "very fast" flag's yardstick, read before every export) was computed from the two text times of
-- every response, a regular expression and two timestamptz casts a row: 0.6-1.7 s at 100,000 responses before the
-- first byte of a CSV (issue 15 item 6). From the index it is a walk of a few integers.

-- Seconds from the phone's start to the receipt: whole seconds of each time; NULL without a start, with a start
-- after the receipt, or with a time that is no instant (the response list's rule, server/store-pg/response-set.ts).
-- Declared IMMUTABLE, which a generated column requires and text::timestamptz is not in general (a time without a
-- zone is read in the session's TimeZone): both times must match the pattern, which demands a zone (Z or ±hh:mm),
-- and an ISO date reads the same under every DateStyle, so the result depends on its arguments alone.
CREATE FUNCTION response_duration_s(started_at text, submitted_at text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE
  WHEN started_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$'
    AND submitted_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$'
    AND floor(extract(epoch FROM submitted_at::timestamptz)) >= floor(extract(epoch FROM started_at::timestamptz))
  THEN (floor(extract(epoch FROM submitted_at::timestamptz)) - floor(extract(epoch FROM started_at::timestamptz)))::int
  END $$;

-- Generated: every way in (the group commit, bulk inserts, `store copy`) gets it without naming it. Adding it
-- rewrites the table once (about a minute at a million responses).
ALTER TABLE responses ADD COLUMN duration_s integer
  GENERATED ALWAYS AS (response_duration_s(started_at, submitted_at)) STORED;
CREATE INDEX responses_by_duration ON responses (survey_id, version, duration_s) WHERE duration_s IS NOT NULL;
