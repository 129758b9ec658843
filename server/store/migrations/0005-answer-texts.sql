-- Free-text answers (text and comment questions, "other" texts) indexed for the text browser, kept in the same
-- transaction as each insert beside the counts: listing and searching them then reads these small rows, not every
-- response's JSON (a search for a word nobody wrote took 27 s at 1M responses that way).
CREATE TABLE answer_texts (
  survey_id      TEXT    NOT NULL,
  question       TEXT    NOT NULL,  -- the answers key: a question's name, or <question>-Comment
  response_rowid INTEGER NOT NULL,  -- responses.rowid: descending is newest first; the text itself is read there
  key_id         INTEGER NOT NULL,  -- answer_counts.id: region, version, briefing and day, for the filters
  folded         TEXT    NOT NULL,  -- the text lower-cased by JavaScript (Unicode: Kazakh and Russian too), for search
  PRIMARY KEY (survey_id, question, response_rowid)
) STRICT, WITHOUT ROWID;
