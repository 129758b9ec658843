-- The analysts' desk (issue 16): how long each response took, repeated answer sets, and review status.

-- Seconds from the respondent's start (the phone's clock) to the server's receipt; NULL without a start time or
-- when the phone's clock put the start after the receipt. Whole seconds of each time (unixepoch truncates), which
-- is what exports/quality-columns.ts computes in JavaScript: the two always agree.
ALTER TABLE responses ADD COLUMN duration_s INTEGER GENERATED ALWAYS AS (
  CASE WHEN unixepoch(submitted_at) >= unixepoch(started_at)
    THEN unixepoch(submitted_at) - unixepoch(started_at) END) VIRTUAL;
-- The median of a version's durations (the "very fast" flag's yardstick) walks half of this index, not the table.
CREATE INDEX responses_by_duration ON responses (survey_id, version, duration_s) WHERE duration_s IS NOT NULL;

-- The earlier response of the same briefing with exactly the same answers, stored within the window before this
-- one (server/store/duplicates.ts): the same answer set posted again and again from one hall. Set at insert.
ALTER TABLE responses ADD COLUMN duplicate_of TEXT;
UPDATE responses AS r SET duplicate_of = (
    SELECT p.id FROM responses AS p
    WHERE p.briefing = r.briefing AND p.answers = r.answers AND p.id <> r.id
      AND (p.submitted_at < r.submitted_at OR (p.submitted_at = r.submitted_at AND p.rowid < r.rowid))
      AND p.submitted_at >= strftime('%Y-%m-%dT%H:%M:%fZ', r.submitted_at, '-10 minutes')
    ORDER BY p.submitted_at, p.rowid LIMIT 1)
  WHERE r.briefing IS NOT NULL AND EXISTS (
    SELECT 1 FROM responses AS p
    WHERE p.briefing = r.briefing AND p.answers = r.answers AND p.id <> r.id
      AND (p.submitted_at < r.submitted_at OR (p.submitted_at = r.submitted_at AND p.rowid < r.rowid))
      AND p.submitted_at >= strftime('%Y-%m-%dT%H:%M:%fZ', r.submitted_at, '-10 minutes'));

-- What the stored CSV line's row needs beside the line: the fast flag is worked out per export from these (the
-- version's median moves as answers arrive), and `flags` (bit 1 straight-lining, bit 2 duplicate) lets an export
-- that leaves flagged responses out skip a line without reading it.
ALTER TABLE export_lines ADD COLUMN response_version INTEGER;
ALTER TABLE export_lines ADD COLUMN response_duration_s INTEGER;
ALTER TABLE export_lines ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;

-- Review status set by admins and regional analysts (PATCH /api/responses/:id); no row = not reviewed yet.
-- A rejected response (a test, junk) leaves exports and counts unless asked for with review=all.
CREATE TABLE response_reviews (
  response_id TEXT PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  status      TEXT NOT NULL CHECK (status IN ('approved', 'on_hold', 'rejected')),
  note        TEXT,
  reviewed_at TEXT NOT NULL,
  reviewed_by TEXT NOT NULL
) STRICT;
CREATE INDEX response_reviews_by_status ON response_reviews (status);
