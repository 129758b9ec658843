// The default set of responses: every one but those a reviewer rejected (a test, junk). Counts, charts, exports,
// briefing counts and the live screen read this set; `review=all` brings the rejected ones back where asked.

/** Ids of rejected responses (index response_reviews_by_status: a short list, evaluated once per query). */
export const REJECTED_IDS = "SELECT response_id FROM response_reviews WHERE status = 'rejected'";

/**
 * A condition on the responses' rowid (`r.rowid` when other tables are joined) that leaves rejected ones out. By
 * rowid, which every index holds, so a query that reads an index only (stored-line exports, briefing counts) still
 * never reads a response's row.
 */
export const notRejected = (rowid = 'rowid') =>
  `${rowid} NOT IN (SELECT rejected.rowid FROM responses AS rejected WHERE rejected.id IN (${REJECTED_IDS}))`;
