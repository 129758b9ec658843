// The HTTP server around the app, as production runs it and as the integration tests run it: the request log, the
// parser's refusals in problem+json, the stored-CSV-line filler, and a drain that lets requests in flight finish.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { Booted } from './boot';
import { startExportLineFiller } from './export-line-filler';
import { endLiveStreams } from './http/briefing-live';
import { answerClientErrors } from './http/client-errors';
import type { AppConfig } from './http/deps';
import { withRequestLog } from './http/request-log';
import { errorLog, type Logger } from './log';

export interface ServeOptions {
  store: Booted['store'];
  catalog: Booted['catalog'];
  /** Versions published while serving (here or by another server on the same database); polled while listening. */
  updates?: Booted['updates'];
  config: AppConfig;
  clock: () => Date;
  logger: Logger;
  port: number;
  host: string;
}

export interface Serving {
  server: Server;
  /** The bound port: with port 0 (tests, several instances) the system chose it. */
  port: number;
  url: string;
  /**
   * Stops accepting connections and resolves once every request in flight is answered (a response's 201 comes only
   * after its group commit, so their commits are done by then). `force` cuts open connections instead (tests).
   * The store stays open: its owner closes it.
   */
  stop(options?: { force?: boolean }): Promise<void>;
}

/** Listens; rejects with the listen error (EADDRINUSE, EACCES) instead of leaving it to crash the process. */
export async function serve({
  store,
  catalog,
  updates,
  config,
  clock,
  logger,
  port,
  host,
}: ServeOptions): Promise<Serving> {
  const log = errorLog(logger);
  const app = createApp({ store, catalog, updates, clock, config, log });
  let draining = false;
  const server = createServer(
    withRequestLog((req, res) => {
      // Once shutting down, every reply closes its connection, so keep-alive clients cannot hold the drain open.
      if (draining) res.setHeader('Connection', 'close');
      app(req, res);
    }, logger),
  );
  answerClientErrors(server);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const lineFiller = startExportLineFiller(store, log, (rendered, seconds) =>
    logger.info(
      `stored CSV lines ready: every response has one (${rendered} rendered in ${seconds.toFixed(1)} s)`,
    ),
  );
  const stopPolling = updates?.poll(log);
  const bound = (server.address() as AddressInfo).port;
  return {
    server,
    port: bound,
    url: `http://${host}:${bound}`,
    stop({ force = false } = {}) {
      draining = true;
      lineFiller.stop();
      stopPolling?.();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      if (force) server.closeAllConnections();
      // Live screens' streams never finish by themselves: end them, and their connections close as idle ones.
      else endLiveStreams();
      // Connections whose request was in flight become idle once answered; close them as they do.
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      return closed.finally(() => clearInterval(idle));
    },
  };
}
