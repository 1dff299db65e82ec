import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "../engine/types.js";
import { createLogger, type Logger } from "../logger.js";
import { serveHttpAction } from "./http-action-bridge.js";
import { requestUrl } from "./io.js";
import {
  boundPort,
  closeHttpServer,
  openListener,
  type Listen,
} from "./listen.js";

export type SiteServerOptions = {
  engine: Engine;
  /** Interface to bind; defaults to loopback only. */
  host?: string;
  /** Port to listen on (0 picks a free one), or a listening server. */
  port: Listen;
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
  const server = await openListener(port, host);
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
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
  const bound = boundPort(server);
  logger.info(`HTTP actions site listening on http://${host}:${bound}`);
  return {
    port: bound,
    async close() {
      await closeHttpServer(server);
      logger.info(`HTTP actions site on port ${bound} stopped`);
    },
  };
}
