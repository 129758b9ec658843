-- A review that rejects a response takes its byte record out of the question-by-question tables without rewriting
-- another server's rows (server/store-pg/reviews.ts): it appends the record again with sign -1 in its own shard,
-- and the crosstab takes it away (answer-crosstab.ts). Undoing the rejection appends it with sign 1. A recount
-- writes every record of the default set with sign 1.
ALTER TABLE answer_records ADD COLUMN sign smallint NOT NULL DEFAULT 1 CHECK (sign IN (1, -1));
