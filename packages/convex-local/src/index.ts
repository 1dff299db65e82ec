import type { Server } from "node:http";
import path from "node:path";

import { createEngine, type LocalEngine } from "./engine/create-engine";
import { startApiServer } from "./http/api-server";
import { startSiteServer } from "./http/site-server";
import {
  bindHttpServer,
  boundPort,
  closeHttpServer,
  type Listen,
} from "./http/listen";
import { createLogger, type Logger } from "./logger";
import { CliError } from "./cli/errors";
import {
  claimServerRecord,
  loadOrCreateAdminKey,
  readLiveServerRecord,
  removeServerRecord,
  type ServerRecord,
} from "./cli/state";

export { generateCode } from "./cli/codegen";
export type { CodegenOptions, CodegenResult } from "./cli/codegen";
export { AuthTokenError, createTokenVerifier } from "./auth";
export type { AuthProvider, TokenVerifier } from "./auth";
export { decodeId, encodeId, isValidId, newInternalId } from "./ids";
export type * from "./engine/types";
export type { LocalEngine } from "./engine/create-engine";
export { startApiServer };

/** Options of `startBackend`. */
export type BackendOptions = {
  /** The folder that contains `convex/`. */
  projectDir: string;
  /** Folder for the database, bundles, files and admin key. */
  stateDir: string;
  /** API and sync port, by default 3210. 0 picks a free port. */
  port?: number;
  /** HTTP actions port, by default 3211. 0 picks a free port. */
  sitePort?: number;
  /** Interface to bind both servers to, by default 127.0.0.1. */
  host?: string;
  /** Logger of the engine and both servers; by default one per part. */
  logger?: Logger;
};

/** A running backend. */
export type Backend = {
  /** Base URL of the API, the `CONVEX_CLOUD_URL` of functions. */
  url: string;
  /** Base URL of the HTTP actions site, the `CONVEX_SITE_URL`. */
  siteUrl: string;
  /** Key for `Authorization: Convex <adminKey>`, kept in `<stateDir>/admin-key`. */
  adminKey: string;
  engine: LocalEngine;
  /** Stops both servers and closes the engine. Safe to call twice. */
  close(): Promise<void>;
};

/**
 * Starts a local Convex backend for `<projectDir>/convex`: the engine, the
 * API server (HTTP API and WebSocket sync) and the HTTP actions site. It
 * writes `<stateDir>/server.json` so that CLI commands can find it, and
 * rejects a state folder that another live backend is using.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const host = options.host ?? "127.0.0.1";
  const apiPort = options.port ?? 3210;
  const sitePort = options.sitePort ?? 3211;
  if (apiPort !== 0 && apiPort === sitePort) {
    throw new CliError(
      "invalidArguments",
      `The API and the HTTP actions site cannot share port ${apiPort}. Choose two different ports.`,
    );
  }
  const stateDir = path.resolve(options.stateDir);
  const logger = options.logger ?? createLogger("convex-local");
  const running = readLiveServerRecord(stateDir);
  if (running !== undefined) {
    throw stateDirInUse(stateDir, running);
  }

  // Functions see both URLs in process.env, so the ports are fixed first.
  const closers: (() => Promise<void>)[] = [];
  let adminKey: string;
  let engine: LocalEngine;
  let url: string;
  let siteUrl: string;
  let claimed = false;
  try {
    const apiListen = await preBind(apiPort, host, "API", closers);
    const siteListen = await preBind(
      sitePort,
      host,
      "HTTP actions site",
      closers,
    );
    const urlHost = host.includes(":") ? `[${host}]` : host;
    url = `http://${urlHost}:${listenPort(apiListen)}`;
    siteUrl = `http://${urlHost}:${listenPort(siteListen)}`;
    // Another start on this folder may have begun since the check above,
    // so the record is claimed before the admin key and the database.
    const owner = claimServerRecord(stateDir, {
      url,
      siteUrl,
      pid: process.pid,
      startedAt: new Date().toISOString(),
    });
    if (owner !== undefined) {
      throw stateDirInUse(stateDir, owner);
    }
    claimed = true;
    adminKey = loadOrCreateAdminKey(stateDir);
    engine = await createEngine({
      projectDir: path.resolve(options.projectDir),
      stateDir,
      cloudUrl: url,
      siteUrl,
      logger,
      adminKey,
    });
    closers.push(() => engine.close());
    // A given logger serves the servers too; by default each names itself.
    const api = await startApiServer({
      engine,
      host,
      port: apiListen,
      logger: options.logger,
    });
    closers.unshift(() => api.close());
    const site = await startSiteServer({
      engine,
      host,
      port: siteListen,
      logger: options.logger,
    });
    closers.unshift(() => site.close());
  } catch (error) {
    await closeAll(closers, logger);
    if (claimed) removeServerRecord(stateDir, process.pid);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    siteUrl,
    adminKey,
    engine,
    close() {
      closing ??= closeAll(closers, logger).finally(() =>
        removeServerRecord(stateDir, process.pid),
      );
      return closing;
    },
  };
}

function stateDirInUse(stateDir: string, running: ServerRecord): CliError {
  return new CliError(
    "serverRunning",
    `The state folder ${stateDir} is in use by the backend at ${running.url} (process ${running.pid}). Stop it first or pick another state folder.`,
  );
}

/**
 * Binds port 0 at once, so that the port the kernel picks stays ours. A
 * fixed port is bound for good later, when its requests can be served, but
 * it is tried now: a taken port then fails the start before the engine
 * runs scheduled functions and crons.
 */
async function preBind(
  port: number,
  host: string,
  label: string,
  closers: (() => Promise<void>)[],
): Promise<Listen> {
  const server = await bindPort(port, host, label);
  if (port !== 0) {
    await closeHttpServer(server);
    return port;
  }
  closers.push(() => closeHttpServer(server));
  return server;
}

/** Binds `port`, raising a `portInUse` CliError when it is taken. */
async function bindPort(
  port: number,
  host: string,
  label: string,
): Promise<Server> {
  try {
    return await bindHttpServer(port, host);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    throw new CliError(
      "portInUse",
      `Port ${port} on ${host}, for the ${label}, is already in use by another process. Stop that process or choose another port.`,
      { cause: error },
    );
  }
}

function listenPort(listen: Listen): number {
  return typeof listen === "number" ? listen : boundPort(listen);
}

async function closeAll(closers: (() => Promise<void>)[], logger: Logger) {
  for (const close of closers) {
    try {
      await close();
    } catch (error) {
      logger.error(`Failed to stop part of the backend: ${String(error)}`);
    }
  }
}
