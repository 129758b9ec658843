-- A briefing takes answers while it is open: closed_at is set when an admin closes it by hand, opens_at and
-- closes_at bound it in time (either may be absent). updated_at tells the workspace when it was last changed.
ALTER TABLE briefings ADD COLUMN opens_at TEXT;
ALTER TABLE briefings ADD COLUMN closes_at TEXT;
ALTER TABLE briefings ADD COLUMN closed_at TEXT;
ALTER TABLE briefings ADD COLUMN updated_at TEXT;
