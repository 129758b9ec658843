-- Stored CSV lines (as SQLite's export_lines): each response's record in its survey's default export, written in the
-- insert's transaction, or by the filler after a new layout (server/store-pg/export-lines.ts).

-- Per survey, the layout its lines are rendered for. `generation` grows with every new layout and each line carries
-- the one it was rendered under: a line written by a server that had not yet seen the new layout is ignored (and
-- rendered again by the filler), never exported. `filled_to`: every response up to it has its line; only the
-- filler moves it, so an insert never writes this row (no hot row between servers).
CREATE TABLE export_line_layouts (
  survey_id  text    PRIMARY KEY,
  layout     text    NOT NULL,
  generation integer NOT NULL,
  filled_to  bigint  NOT NULL DEFAULT 0
);

CREATE TABLE export_lines (
  response_seq        bigint  PRIMARY KEY REFERENCES responses (seq) ON DELETE CASCADE,
  generation          integer NOT NULL,
  line                bytea   NOT NULL,  -- ends before the export's last cell, flag_fast (exports/lines.ts)
  response_version    integer NOT NULL,
  response_duration_s integer,
  flags               integer NOT NULL
);

-- The export's order (region, time, insertion order) straight from an index, so that a cursor's first rows come at
-- once and nothing is sorted.
CREATE INDEX responses_in_export_order ON responses (survey_id, region, submitted_at, seq);
-- A survey's responses in insertion order: the filler's pages, the recount's, and the newest response's number.
CREATE INDEX responses_by_survey_seq ON responses (survey_id, seq);
