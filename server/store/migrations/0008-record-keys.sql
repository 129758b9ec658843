-- Disclosure control by the cell key method (exports/aggregates/disclosure.ts): every response carries a random
-- 32-bit record key, drawn when it is stored; a count's cell key is the sum of its respondents' record keys mod 2^32,
-- kept beside the answer counts (the vectors and byte records grow by the key sums; LAYOUT_FORMAT 3 rebuilds them).
-- Responses stored before this migration get their key here, once; a key never changes after that, or the same
-- respondents would get new noise and repeated questions could average it away.
ALTER TABLE responses ADD COLUMN record_key INTEGER NOT NULL DEFAULT 0;
UPDATE responses SET record_key = random() & 4294967295;
