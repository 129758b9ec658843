-- Each response's CSV line in its survey's default export (all versions, codes, 0/1 choice columns, no personal
-- data), written with the response (server/store/export-lines.ts). A cache derived from `responses`: dropped at
-- start and rendered again whenever the layout (a new survey version) or the rendering changes. Keyed by
-- responses.rowid for a cheap join; response_id lets the start-up check notice renumbered rowids.
CREATE TABLE export_lines (
  response_rowid INTEGER PRIMARY KEY,
  response_id    TEXT NOT NULL,
  line           BLOB NOT NULL           -- UTF-8 bytes of the CSV record, line end included
) STRICT;

-- Which layout a survey's lines were rendered for, and how far (in responses.rowid) they are filled.
CREATE TABLE export_line_layouts (
  survey_id TEXT PRIMARY KEY,
  layout    TEXT NOT NULL,
  filled_to INTEGER NOT NULL
) STRICT;

-- A survey's responses in insertion order, for the filler to resume where it stopped (entries sort by rowid
-- within a survey). Without it, finding the next rows of a small survey scans every other survey's rows.
CREATE INDEX responses_by_survey ON responses (survey_id);
