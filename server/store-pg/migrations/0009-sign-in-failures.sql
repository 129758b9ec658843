-- Failed sign-ins per key (`email:<address>` or `address:<ip>`) in their current window, for the login throttle
-- (server/domain/login-throttle.ts), shared by every app server: N servers no longer give an address N times the
-- attempts. The same table as SQLite's 0030.
CREATE TABLE sign_in_failures (
  key          text   PRIMARY KEY,
  -- Milliseconds since the epoch of the window's first failure (the app's clock, so tests can move it).
  window_start bigint NOT NULL,
  failures     integer NOT NULL
);
-- Expired windows are deleted by their start.
CREATE INDEX sign_in_failures_by_start ON sign_in_failures (window_start);
