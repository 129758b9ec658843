-- Survey versions published from the workspace (issue 17): their definitions live in the database, so that every
-- server sharing it serves them without a restart and without a file. Their hash goes into survey_versions like a
-- file's, in the same transaction; a file in surveys/ with the same number and other content stops the start.
CREATE TABLE survey_definitions (
  survey_id    TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  -- The JSON as the admin published it (key order kept, for the v<N>.json they download); the sha256 of its
  -- canonical form (server/catalog/canonical-json.ts) is the one recorded in survey_versions.
  definition   TEXT    NOT NULL,
  published_at TEXT    NOT NULL,
  -- Email of the admin who published it (kept when the account is later removed or renamed).
  published_by TEXT    NOT NULL,
  PRIMARY KEY (survey_id, version),
  FOREIGN KEY (survey_id, version) REFERENCES survey_versions (survey_id, version)
) STRICT;
