-- Review status and personal-data erasure (issue 16). The statuses themselves live in response_reviews (0009).

-- An admin erased a response's contact details on request (Kazakhstan's personal-data law): its row in
-- response_contacts is deleted in the same transaction; this row says that it was, when and by whom, so the
-- workspace can show "erased" rather than "none given". The other answers and the counts are untouched.
CREATE TABLE contact_erasures (
  response_id TEXT PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  erased_at   TEXT NOT NULL,
  erased_by   TEXT NOT NULL
) STRICT;

-- The dashboard's "leave out flagged responses" finds the flagged ones through these, not by reading every answer:
-- stored CSV lines with a straight-lining or duplicate bit, and responses that repeat an earlier answer set.
CREATE INDEX export_lines_flagged ON export_lines (response_rowid) WHERE flags <> 0;
CREATE INDEX responses_duplicates ON responses (survey_id) WHERE duplicate_of IS NOT NULL;
