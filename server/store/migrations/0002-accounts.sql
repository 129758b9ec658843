-- Workspace accounts and their sign-in sessions. Failed sign-ins are counted in memory (server/http/login-throttle.ts),
-- not here: a restart forgetting them is acceptable, and a table would cost an fsync per wrong password.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  -- Stored lower-cased by the code; NOCASE as a second guard so that one address cannot be added twice.
  email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  role          TEXT    NOT NULL CHECK (role IN ('admin', 'analyst', 'author')),
  -- JSON array of region codes the user may read; NULL means all 20.
  regions       TEXT    CHECK (regions IS NULL OR (json_valid(regions) AND json_type(regions) = 'array')),
  password_hash TEXT    NOT NULL,             -- scrypt$N$r$p$salt$hash, see server/http/passwords.ts
  created_at    TEXT    NOT NULL,
  disabled_at   TEXT
) STRICT;

CREATE TABLE sessions (
  -- sha256 (hex) of the random token in the cookie: a copy of this table does not let anyone sign in.
  id           TEXT    PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  created_at   TEXT    NOT NULL,
  expires_at   TEXT    NOT NULL,              -- absolute end; the idle limit is judged from last_seen_at
  last_seen_at TEXT    NOT NULL,
  revoked_at   TEXT
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
