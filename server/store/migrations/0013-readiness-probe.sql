-- One row that GET /readyz rewrites (at most once a second): a committed write is the only honest proof that the
-- database can take writes (a full disk or a read-only file fails only at write or commit time).
CREATE TABLE readiness_probes (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  probed_at TEXT NOT NULL
) STRICT;
