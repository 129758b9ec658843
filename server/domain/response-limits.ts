// Limits every way of taking a response shares (POST …/responses, the workspace's import, the CLI's import).

/** Largest accepted response body, in bytes (one response with its texts is a few KB; see README). */
export const RESPONSE_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * How long after a survey closes it still takes answers begun before the closing (phones that were offline):
 * three days, so a briefing on Friday whose phones only find a network again on Monday still gets its answers.
 */
export const CLOSED_GRACE_MS = 72 * 3_600_000;
