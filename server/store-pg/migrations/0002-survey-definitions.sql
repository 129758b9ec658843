-- Survey versions published from the workspace (as SQLite's 0026): the definition in the shared database, so every
-- server serves it without a restart; its hash is in survey_versions, written in the same transaction.
CREATE TABLE survey_definitions (
  survey_id    text    NOT NULL,
  version      integer NOT NULL,
  definition   text    NOT NULL,  -- the JSON as published (key order kept)
  published_at text    NOT NULL,
  published_by text    NOT NULL,
  PRIMARY KEY (survey_id, version),
  FOREIGN KEY (survey_id, version) REFERENCES survey_versions (survey_id, version)
);
