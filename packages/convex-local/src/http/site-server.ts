import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Engine } from "../engine/types.js";
import { createLogger, type Logger } from "../logger.js";
import { serveHttpAction } from "./http-action-bridge.js";
import { requestUrl } from "./io.js";

export type SiteServerOptions = {
  engine: Engine;
  /** Interface to bind; defaults to loopback only. */
  host?: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  logger?: Logger;
};

/** A running server; `port` is the bound port. */
export type RunningServer = { port: number; close(): Promise<void> };

/**
 * Starts the HTTP actions site: every request goes to the app's
 * `convex/http.ts` router through `engine.runHttpAction`, with its whole
 * path as the route.
 */
export async function startSiteServer(
  options: SiteServerOptions,
): Promise<RunningServer> {
  const { engine, host = "127.0.0.1", port } = options;
  const logger = options.logger ?? createLogger("site");
  const server = createServer((request, response) => {
    const url = requestUrl(request.url);
    serveHttpAction(
      engine,
      logger,
      request,
      response,
      url.pathname,
      url.search,
    ).catch((error: unknown) => {
      logger.error(`Site request ${request.url} failed: ${String(error)}`);
      response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  logger.info(`HTTP actions site listening on http://${host}:${bound}`);
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
        logger.info(`HTTP actions site on port ${bound} stopped`);
      }),
  };
}
