-- Which answer_counts rows changed, in commit order, for the in-memory count cache (server/store/count-cache.ts):
-- it re-reads the keys with a revision above the last it saw, whichever connection wrote them (the response writer
-- thread, the main connection, a CLI beside the server), instead of reloading every key whenever another connection
-- committed. Kept by triggers so that no writer can forget it. A deleted key keeps its row (its id then reads as
-- gone), so a reader learns of deletions too.
CREATE TABLE answer_count_changes (
  key_id INTEGER PRIMARY KEY,  -- answer_counts.id, also after the key row was deleted
  rev    INTEGER NOT NULL      -- above every revision committed before it: writers take turns, each max + 1
) STRICT;
CREATE INDEX answer_count_changes_by_rev ON answer_count_changes (rev);

CREATE TRIGGER answer_counts_inserted AFTER INSERT ON answer_counts BEGIN
  INSERT OR REPLACE INTO answer_count_changes (key_id, rev)
    VALUES (NEW.id, (SELECT ifnull(max(rev), 0) + 1 FROM answer_count_changes));
END;
CREATE TRIGGER answer_counts_updated AFTER UPDATE ON answer_counts BEGIN
  INSERT OR REPLACE INTO answer_count_changes (key_id, rev)
    VALUES (NEW.id, (SELECT ifnull(max(rev), 0) + 1 FROM answer_count_changes));
END;
CREATE TRIGGER answer_counts_deleted AFTER DELETE ON answer_counts BEGIN
  INSERT OR REPLACE INTO answer_count_changes (key_id, rev)
    VALUES (OLD.id, (SELECT ifnull(max(rev), 0) + 1 FROM answer_count_changes));
END;
