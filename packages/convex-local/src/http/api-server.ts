import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "../engine/types.js";
import { createLogger, type Logger } from "../logger.js";
import { createSyncServer } from "../sync/sync-server.js";
import { AuthenticationError } from "./authorization.js";
import { answerPreflight, applyCors } from "./cors.js";
import {
  listEnvironmentVariables,
  updateEnvironmentVariables,
} from "./env-routes.js";
import { HttpError } from "./errors.js";
import {
  queryTimestamp,
  runAnyFunction,
  runFunctionByUrl,
  runQueryAtTimestamp,
  runQueryBatch,
  runQueryFromSearchParams,
  runTypedFunction,
  type ApiRequest,
} from "./function-routes.js";
import { serveHttpAction } from "./http-action-bridge.js";
import { listInsights } from "./insights-route.js";
import { exportSnapshot, importSnapshot } from "./snapshot-routes.js";
import { requestUrl, sendHttpError } from "./io.js";
import {
  boundPort,
  closeHttpServer,
  openListener,
  type Listen,
} from "./listen.js";
import type { RunningServer } from "./site-server.js";
import { serveJwks } from "./jwks-route.js";
import { serveFile, STORAGE_PREFIX, uploadFile } from "./storage-routes.js";

export type ApiServerOptions = {
  engine: Engine;
  /** Interface to bind; defaults to loopback only. */
  host?: string;
  /** Port to listen on (0 picks a free one), or a listening server. */
  port: Listen;
  logger?: Logger;
  /** Interval between sync protocol pings; defaults to 15 s. */
  pingIntervalMs?: number;
};

type Handler = (api: ApiRequest) => Promise<void> | void;

/** Routes by `"<METHOD> <path>"`. */
const routes = new Map<string, Handler>([
  ["POST /api/query", (api) => runTypedFunction(api, "query")],
  ["GET /api/query", runQueryFromSearchParams],
  ["POST /api/mutation", (api) => runTypedFunction(api, "mutation")],
  ["POST /api/action", (api) => runTypedFunction(api, "action")],
  ["POST /api/query_ts", queryTimestamp],
  ["GET /api/query_ts", queryTimestamp],
  ["POST /api/query_at_ts", runQueryAtTimestamp],
  ["POST /api/query_batch", runQueryBatch],
  ["POST /api/function", runAnyFunction],
  ["POST /api/update_environment_variables", updateEnvironmentVariables],
  ["POST /api/v1/update_environment_variables", updateEnvironmentVariables],
  ["GET /api/list_environment_variables", listEnvironmentVariables],
  ["POST /api/list_environment_variables", listEnvironmentVariables],
  ["GET /api/v1/list_environment_variables", listEnvironmentVariables],
  ["GET /api/local/insights", listInsights],
  ["GET /api/local/export", exportSnapshot],
  ["POST /api/local/import", importSnapshot],
  ["GET /.well-known/jwks.json", serveJwks],
  ["POST /api/storage/upload", uploadFile],
]);

const RUN_PREFIX = "/api/run/";
const HTTP_ACTIONS_PREFIX = "/http";

function routeApi(api: ApiRequest): Promise<void> | void {
  const method = api.request.method ?? "GET";
  const { pathname } = api.url;
  const handler = routes.get(`${method} ${pathname}`);
  if (handler) {
    return handler(api);
  }
  if (method === "POST" && pathname.startsWith(RUN_PREFIX)) {
    return runFunctionByUrl(api, pathname.slice(RUN_PREFIX.length));
  }
  if (method === "GET" && pathname.startsWith(STORAGE_PREFIX)) {
    return serveFile(api, pathname.slice(STORAGE_PREFIX.length));
  }
  const knownPath = [...routes.keys()].some((key) =>
    key.endsWith(` ${pathname}`),
  );
  if (knownPath) {
    throw new HttpError(
      405,
      "MethodNotAllowed",
      `${method} is not supported on ${pathname}`,
    );
  }
  throw new HttpError(
    404,
    "NotFound",
    `No API route for ${method} ${pathname}`,
  );
}

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) {
    return error;
  }
  if (error instanceof AuthenticationError) {
    return new HttpError(401, error.code, error.message);
  }
  return undefined;
}

async function handleRequest(
  engine: Engine,
  logger: Logger,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = requestUrl(request.url);
  const { pathname } = url;
  if (
    pathname === HTTP_ACTIONS_PREFIX ||
    pathname.startsWith(`${HTTP_ACTIONS_PREFIX}/`)
  ) {
    // CORS on HTTP actions is the app's job, as on real Convex.
    const route = pathname.slice(HTTP_ACTIONS_PREFIX.length) || "/";
    await serveHttpAction(engine, logger, request, response, route, url.search);
    return;
  }
  if (request.method === "OPTIONS") {
    answerPreflight(request, response);
    return;
  }
  applyCors(request, response);
  try {
    await routeApi({ engine, logger, request, response, url });
  } catch (error) {
    const httpError = toHttpError(error);
    if (httpError) {
      sendHttpError(response, httpError);
      return;
    }
    if (request.destroyed && !request.complete) {
      // The client went away before its body arrived, so no response is sent.
      logger.info(
        `${request.method} ${pathname}: the client closed the request`,
      );
      return;
    }
    logger.error(
      `${request.method} ${pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    sendHttpError(
      response,
      new HttpError(500, "InternalServerError", String(error)),
    );
  }
}

/**
 * Starts the Convex HTTP API and the WebSocket sync endpoint on one port.
 *
 * Routes: `POST /api/query|mutation|action`, `GET /api/query`,
 * `/api/query_ts`, `/api/query_at_ts`, `/api/query_batch`, `/api/function`,
 * `POST /api/run/<module>/<function>`, the admin routes
 * `/api/update_environment_variables` and `/api/list_environment_variables`
 * (also under `/api/v1/`), the admin routes `GET /api/local/insights`,
 * `GET /api/local/export` and `POST /api/local/import` of this backend,
 * `GET /.well-known/jwks.json` for tokens from `ctx.auth.signJwt`,
 * `POST /api/storage/upload` for upload URLs and `GET /api/storage/<id>`
 * for file URLs,
 * HTTP actions under `/http/`, and WebSocket
 * upgrades on `/api/sync` and `/api/<client version>/sync`.
 */
export async function startApiServer(
  options: ApiServerOptions,
): Promise<RunningServer> {
  const { engine, host = "127.0.0.1", port } = options;
  const logger = options.logger ?? createLogger("api");
  const server = await openListener(port, host);
  const sync = createSyncServer({
    engine,
    logger,
    pingIntervalMs: options.pingIntervalMs,
  });
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(engine, logger, request, response).catch((error: unknown) => {
      logger.error(`Request ${request.url} failed: ${String(error)}`);
      response.destroy();
    });
  });
  server.on("upgrade", (request, socket, head) => {
    if (!sync.handleUpgrade(request, socket, head)) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    }
  });
  const bound = boundPort(server);
  logger.info(`API listening on http://${host}:${bound}`);
  return {
    port: bound,
    async close() {
      await sync.close();
      await closeHttpServer(server);
      logger.info(`API on port ${bound} stopped`);
    },
  };
}
