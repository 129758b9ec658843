-- What each batch of the group commit costs the database (issue 15 item 6).

-- The count vectors (~4 KB of int32, mostly zeros) are rewritten for every key a batch touches, and the byte records
-- appended: compressing them with pglz, PostgreSQL's default, was the costliest thing the database did on ingest
-- (perf: pglz_compress over a quarter of the backends' time). lz4 compresses them 2-3 times faster (an upsert of a
-- count row ~100 µs against ~250 µs under load) and nearly as small (1.2 KB against 0.8 KB). Values written before
-- keep pglz and read as before. A server built without lz4 (it is optional at build time; Debian's has it) keeps
-- pglz rather than failing the migration.
DO $$
BEGIN
  IF 'lz4' = ANY ((SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression')::text[]) THEN
    ALTER TABLE answer_counts ALTER COLUMN counts SET COMPRESSION lz4;
    ALTER TABLE answer_records ALTER COLUMN records SET COMPRESSION lz4;
  END IF;
END
$$;

-- A prefix of responses_in_export_order (survey_id, region, submitted_at, seq), which serves every query it did: one
-- index fewer to write per response.
DROP INDEX responses_by_survey_region_time;
