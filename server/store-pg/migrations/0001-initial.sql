-- The PostgreSQL engine's schema (server/store-pg/): the same tables as SQLite's migrations 0001–0019 where this
-- engine covers the concern (README "Scaling out" lists which), with PostgreSQL's types. Times stay ISO 8601 text,
-- as in SQLite, so both engines compare and order them alike.

CREATE TABLE survey_versions (
  survey_id    text    NOT NULL,
  version      integer NOT NULL CHECK (version >= 1),
  sha256       text    NOT NULL,
  published_at text    NOT NULL,
  PRIMARY KEY (survey_id, version)
);

CREATE TABLE survey_closures (
  survey_id text PRIMARY KEY,
  closed_at text NOT NULL
);

CREATE TABLE briefings (
  slug       text PRIMARY KEY,
  survey_id  text NOT NULL,
  region     text NOT NULL,
  city       text NOT NULL,
  city_kk    text,
  city_ru    text,
  city_en    text,
  date       text NOT NULL,
  title_kk   text NOT NULL,
  title_ru   text NOT NULL,
  title_en   text NOT NULL,
  opens_at   text,
  closes_at  text,
  closed_at  text,
  created_at text NOT NULL,
  updated_at text,
  demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX briefings_by_survey ON briefings (survey_id, date);

CREATE TABLE responses (
  -- Insertion order, as SQLite's rowid: ties of submitted_at are broken by it.
  seq          bigint  GENERATED ALWAYS AS IDENTITY UNIQUE,
  id           text    PRIMARY KEY,            -- the client's uuid: the idempotency key
  survey_id    text    NOT NULL,
  version      integer NOT NULL,
  locale       text    NOT NULL CHECK (locale IN ('kk', 'ru', 'en')),
  region       text    NOT NULL,
  briefing     text    REFERENCES briefings (slug),
  started_at   text,
  submitted_at text    NOT NULL,
  answers      text    NOT NULL,               -- JSON as sent, minus personal data
  content_hash text    NOT NULL,               -- tells an identical retry (200) from a clash (409)
  record_key   bigint  NOT NULL,               -- uint32 for the cell key method (disclosure control)
  demo         boolean NOT NULL DEFAULT false,
  duplicate_of text,
  FOREIGN KEY (survey_id, version) REFERENCES survey_versions (survey_id, version)
);
CREATE INDEX responses_by_survey_region_time ON responses (survey_id, region, submitted_at);
CREATE INDEX responses_by_survey_time ON responses (survey_id, submitted_at, seq);
CREATE INDEX responses_by_briefing_time ON responses (briefing, submitted_at) WHERE briefing IS NOT NULL;

CREATE TABLE response_contacts (
  response_id text PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  answers     text NOT NULL
);

-- Answer counts without a hot row: each store (one per app server, one per CLI run) takes a shard number of its own
-- for as long as it is open (a session-level advisory lock, server/store-pg/shard.ts), and adds to its own row of a
-- key. Readers sum the shards. Two servers thus never wait for each other's row locks, and a shard left by a server
-- that died is taken again by the next one to start.
CREATE TABLE answer_counts (
  survey_id text    NOT NULL,
  version   integer NOT NULL,
  region    text    NOT NULL,
  briefing  text    NOT NULL,  -- '' for a response without a briefing
  day       text    NOT NULL,  -- YYYY-MM-DD at UTC+5
  shard     integer NOT NULL,
  responses integer NOT NULL,
  counts    bytea   NOT NULL,  -- int32 little-endian, laid out by server/store/count-layout.ts, key sums included
  PRIMARY KEY (survey_id, version, region, briefing, day, shard)
);

CREATE TABLE count_plans (
  survey_id text    NOT NULL,
  version   integer NOT NULL,
  sha256    text    NOT NULL,
  PRIMARY KEY (survey_id, version)
);

CREATE TABLE users (
  id                   bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email                text    NOT NULL,
  role                 text    NOT NULL CHECK (role IN ('admin', 'analyst', 'author')),
  regions              text,   -- JSON array of region codes; NULL: all 20
  password_hash        text    NOT NULL,
  created_at           text    NOT NULL,
  disabled_at          text,
  last_sign_in_at      text,
  must_change_password boolean NOT NULL DEFAULT false
);
-- Emails are stored lower-cased by the code; the index is the second guard, as SQLite's COLLATE NOCASE.
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE sessions (
  id           text   PRIMARY KEY,  -- sha256 of the cookie's token
  user_id      bigint NOT NULL REFERENCES users (id),
  created_at   text   NOT NULL,
  expires_at   text   NOT NULL,
  last_seen_at text   NOT NULL,
  revoked_at   text
);
CREATE INDEX sessions_by_user ON sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE audit_log (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      text NOT NULL,
  actor   text,
  action  text NOT NULL,
  address text,
  details text NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at, id);
CREATE INDEX audit_log_by_actor ON audit_log (lower(actor), at);

CREATE TABLE readiness_probes (
  id        integer PRIMARY KEY,
  probed_at text NOT NULL
);
