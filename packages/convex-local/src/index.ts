import { createServer } from "node:net";
import path from "node:path";

import { createEngine, type LocalEngine } from "./engine/create-engine";
import { startApiServer } from "./http/api-server";
import { startSiteServer } from "./http/site-server";
import { createLogger, type Logger } from "./logger";
import { CliError } from "./cli/errors";
import {
  loadOrCreateAdminKey,
  readLiveServerRecord,
  removeServerRecord,
  writeServerRecord,
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
  const stateDir = path.resolve(options.stateDir);
  const logger = options.logger ?? createLogger("convex-local");
  const running = readLiveServerRecord(stateDir);
  if (running !== undefined) {
    throw new CliError(
      "serverRunning",
      `The state folder ${stateDir} is in use by the backend at ${running.url} (process ${running.pid}). Stop it first or pick another state folder.`,
    );
  }

  const adminKey = loadOrCreateAdminKey(stateDir);
  // Functions see both URLs in process.env, so the ports are fixed first.
  const port = await resolvePort(options.port ?? 3210, host);
  const sitePort = await resolvePort(options.sitePort ?? 3211, host);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  const siteUrl = `http://${urlHost}:${sitePort}`;

  const engine = await createEngine({
    projectDir: path.resolve(options.projectDir),
    stateDir,
    cloudUrl: url,
    siteUrl,
    logger,
    adminKey,
  });
  const closers: (() => Promise<void>)[] = [() => engine.close()];
  try {
    const api = await startApiServer({ engine, host, port });
    closers.unshift(() => api.close());
    const site = await startSiteServer({
      engine,
      host,
      port: sitePort,
    });
    closers.unshift(() => site.close());
  } catch (error) {
    await closeAll(closers, logger);
    throw error;
  }

  writeServerRecord(stateDir, {
    url,
    siteUrl,
    pid: process.pid,
    startedAt: new Date().toISOString(),
  });
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

/** Returns `port`, or a free port on `host` when `port` is 0. */
async function resolvePort(port: number, host: string): Promise<number> {
  if (port !== 0) {
    return port;
  }
  // NOTE: another process could take the port between this probe and the
  // real bind. The bind then fails with EADDRINUSE.
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const free = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(free));
    });
  });
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
