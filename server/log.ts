// The server's log: one JSON object per line on stdout (pino), for a process manager or a log shipper to collect.
// Requests get one line each (http/request-log.ts); errors carry their stack here and never in a reply.
// The CLI does not use it: operators read its output, so it stays human text.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * `destination` defaults to stdout, written asynchronously (a slow reader of the pipe must not stall requests);
 * pino flushes what is buffered when the process exits. Tests pass their own sink.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      // Level names, not numbers ("level":"info"), and ISO times: readable without pino's own tools.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      base: { pid: process.pid },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** The `log(message, error)` the routes are given: an error-level line with the error's type, message and stack. */
export function errorLog(logger: Logger): (message: string, error?: unknown) => void {
  return (message, error) => {
    if (error === undefined) logger.error(message);
    else logger.error({ err: error }, message);
  };
}
