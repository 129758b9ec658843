-- The analysts' desk on PostgreSQL (as SQLite's 0009, 0022, 0023): review status, the record of contact erasures,
-- and personal read-only API tokens. Times stay ISO 8601 text, as everywhere in this engine.

-- Review status set by admins and regional analysts; no row = not reviewed yet. A rejected response (a test, junk)
-- is taken out of every count in the review's transaction (server/store-pg/reviews.ts) and left out of exports,
-- briefing counts and responses.jsonl unless asked for with review=all.
CREATE TABLE response_reviews (
  response_id text PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('approved', 'on_hold', 'rejected')),
  note        text,
  reviewed_at text NOT NULL,
  reviewed_by text NOT NULL
);
-- "Every rejected response" stays a short index read beside a million reviewed ones.
CREATE INDEX response_reviews_rejected ON response_reviews (response_id) WHERE status = 'rejected';

-- An admin erased a response's contact details on request: its response_contacts row is deleted in the same
-- transaction; this row says that it was, when and by whom ("erased" rather than "none given").
CREATE TABLE contact_erasures (
  response_id text PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  erased_at   text NOT NULL,
  erased_by   text NOT NULL
);

-- `Authorization: Bearer <token>` reads exports and responses.jsonl as the account that made it. Only the token's
-- sha256 is kept: a copy of the database holds no usable token. Revoked and expired tokens stay listed.
CREATE TABLE api_tokens (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id),
  name         text   NOT NULL,
  token_sha256 text   NOT NULL UNIQUE,
  created_at   text   NOT NULL,
  expires_at   text   NOT NULL,
  revoked_at   text,
  last_used_at text
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, created_at);

-- Demo rows (responses.demo, briefings.demo, 0001): "is there any" and "which are they" stay cheap beside a million
-- real answers.
CREATE INDEX responses_demo ON responses (survey_id) WHERE demo;
CREATE INDEX briefings_demo ON briefings (slug) WHERE demo;
