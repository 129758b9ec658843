-- Issue 17 (running the season from the browser). Users: when each last signed in (the Users section lists it), and
-- whether their password was set by an admin (a one-time password) and must be changed before anything else.
ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

-- Rows written by `npm run cli -- demo` are marked, so that `demo --remove` and the admin's button remove exactly
-- them and the workspace can say while they are there. Real rows keep 0. The partial indexes hold only demo rows:
-- "is there any demo data" and "which rows are demo" stay cheap beside a million real answers.
ALTER TABLE responses ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
ALTER TABLE briefings ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
CREATE INDEX responses_demo ON responses (survey_id) WHERE demo = 1;
CREATE INDEX briefings_demo ON briefings (slug) WHERE demo = 1;
