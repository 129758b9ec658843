-- Failed sign-ins per key (`email:<address>` or `address:<ip>`) in their current window, for the login throttle
-- (server/domain/login-throttle.ts). In the database rather than in memory so that several servers sharing one
-- store count together (PostgreSQL's 0009 is the same table); a wrong password costs a small write.
CREATE TABLE sign_in_failures (
  key          TEXT    PRIMARY KEY,
  -- Milliseconds since the epoch of the window's first failure (the app's clock, so tests can move it).
  window_start INTEGER NOT NULL,
  failures     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
-- Expired windows are deleted by their start.
CREATE INDEX sign_in_failures_by_start ON sign_in_failures (window_start);
