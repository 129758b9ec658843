-- The audit log (server/store/audit-log.ts): sign-ins and failed sign-ins, exports with their filters, users and
-- briefings created or changed. Append-only: nothing in the code updates or deletes a row. Read it with
-- `npm run cli -- audit`.
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,                -- ISO 8601, UTC
  -- The signed-in user's email; for a failed sign-in, the email that was tried (lower-cased).
  actor   TEXT COLLATE NOCASE,
  action  TEXT NOT NULL,                -- sign-in, sign-in-failed, export, user-created, … (audit-log.ts)
  address TEXT,                         -- the client's address, through TRUST_PROXY proxies (client-address.ts)
  details TEXT NOT NULL CHECK (json_valid(details))
) STRICT;
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_actor ON audit_log (actor, at);
