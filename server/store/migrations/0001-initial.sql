-- Survey versions as published (content hash frozen), briefings, responses, and personal data kept apart.

CREATE TABLE survey_versions (
  survey_id    TEXT    NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  sha256       TEXT    NOT NULL,
  published_at TEXT    NOT NULL,
  PRIMARY KEY (survey_id, version)
) STRICT;

-- A survey is open unless it has a row here; closing is an operation, not a new version.
CREATE TABLE survey_closures (
  survey_id TEXT PRIMARY KEY,
  closed_at TEXT NOT NULL
) STRICT;

CREATE TABLE briefings (
  slug       TEXT PRIMARY KEY,
  survey_id  TEXT NOT NULL,
  region     TEXT NOT NULL,
  city       TEXT NOT NULL,
  date       TEXT NOT NULL,
  title_kk   TEXT NOT NULL,
  title_ru   TEXT NOT NULL,
  title_en   TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX briefings_by_survey ON briefings (survey_id, date);

CREATE TABLE responses (
  id           TEXT    PRIMARY KEY,           -- uuid made by the client: the idempotency key
  survey_id    TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  locale       TEXT    NOT NULL CHECK (locale IN ('kk', 'ru', 'en')),
  region       TEXT    NOT NULL,
  briefing     TEXT    REFERENCES briefings (slug),
  started_at   TEXT,
  submitted_at TEXT    NOT NULL,
  answers      TEXT    NOT NULL CHECK (json_valid(answers)),  -- as sent, minus personal data
  content_hash TEXT    NOT NULL,              -- sha256 of the canonical request content, to tell a retry from a clash
  FOREIGN KEY (survey_id, version) REFERENCES survey_versions (survey_id, version)
) STRICT;
CREATE INDEX responses_by_survey_region_time ON responses (survey_id, region, submitted_at);
CREATE INDEX responses_by_survey_time ON responses (survey_id, submitted_at);
CREATE INDEX responses_by_briefing_time ON responses (briefing, submitted_at) WHERE briefing IS NOT NULL;

-- Answers to questions marked `pii: true` (contact details), kept out of the analytic table.
CREATE TABLE response_contacts (
  response_id TEXT PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  answers     TEXT NOT NULL CHECK (json_valid(answers))
) STRICT;
