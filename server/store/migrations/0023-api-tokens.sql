-- Personal read-only API tokens (issue 16, scripted access): `Authorization: Bearer <token>` reads exports and
-- responses.jsonl as the account that made it, within its regions. Only the token's sha256 is kept, as for session
-- cookies: a copy of the database holds no usable token. A revoked or expired token stays listed for the record.
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  name         TEXT    NOT NULL,
  token_sha256 TEXT    NOT NULL UNIQUE,
  created_at   TEXT    NOT NULL,
  expires_at   TEXT    NOT NULL,
  revoked_at   TEXT,
  last_used_at TEXT
) STRICT;
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, created_at);
