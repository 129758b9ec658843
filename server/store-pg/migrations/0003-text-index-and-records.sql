-- The text index and the answers' byte records (as SQLite's answer_texts and answer_records), kept in each insert's
-- transaction beside the answer counts (server/store-pg/answer-counts.ts).

-- Substring search on the folded texts at a million answers: a trigram GIN index serves LIKE '%…%'. pg_trgm is a
-- trusted extension (PostgreSQL 13+), so a database owner without superuser may create it. It goes into `public`,
-- never into the store's own schema: a schema dropped with CASCADE would take the extension (and every other
-- schema's index on it) along. The lock keeps two schemas migrating at once from creating it twice.
SELECT pg_advisory_xact_lock(hashtext('saualnama:create-extension:pg_trgm'));
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

-- Each response's byte record (server/store/count-layout.ts), for question-by-question tables. Append-only: every
-- batch adds one row per key of the records it brought (no row is updated, so servers never wait for each other);
-- a recount writes them again 64 records a row.
CREATE TABLE answer_records (
  id        bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id text    NOT NULL,
  version   integer NOT NULL,
  region    text    NOT NULL,
  briefing  text    NOT NULL,
  day       text    NOT NULL,
  shard     integer NOT NULL,
  records   bytea   NOT NULL
);
CREATE INDEX answer_records_by_key ON answer_records (survey_id, version, region, briefing, day);

-- Free-text answers lower-cased as JavaScript does (Kazakh and Russian letters included), with the count key's
-- columns, so that the text browser filters exactly as the counts do without reading the responses.
CREATE TABLE answer_texts (
  survey_id    text    NOT NULL,
  question     text    NOT NULL,  -- the answers key: a question name or `<question>-Comment`
  response_seq bigint  NOT NULL REFERENCES responses (seq) ON DELETE CASCADE,
  version      integer NOT NULL,
  region       text    NOT NULL,
  briefing     text    NOT NULL,
  day          text    NOT NULL,
  folded       text    NOT NULL,
  PRIMARY KEY (survey_id, question, response_seq)
);
-- The operator class lives where the extension was installed (public, or wherever an operator put it before).
DO $$
BEGIN
  EXECUTE format('CREATE INDEX answer_texts_trigrams ON answer_texts USING gin (folded %I.gin_trgm_ops)',
    (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'));
END
$$;
