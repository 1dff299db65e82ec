import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Engine } from "../engine/types.js";
import { requestUrl } from "../http/io.js";
import type { Logger } from "../logger.js";
import { CommitHub } from "./commit-hub.js";
import { MutationLog } from "./mutation-log.js";
import { SyncSession } from "./session.js";

/** Ping interval of the real sync worker; clients reconnect after 60 s. */
const DEFAULT_PING_INTERVAL_MS = 15_000;

/** Largest client frame accepted, in bytes (function arguments: 16 MiB). */
const MAX_FRAME_BYTES = 20 * 1024 * 1024;

export type SyncServerOptions = {
  engine: Engine;
  logger: Logger;
  pingIntervalMs?: number;
};

/** The WebSocket side of the API server. */
export type SyncServer = {
  /**
   * Takes over an HTTP upgrade request when its path is a sync endpoint and
   * returns true; returns false and leaves the socket alone otherwise.
   */
  handleUpgrade(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): boolean;
  /** Number of open sync connections. */
  readonly connectionCount: number;
  /** Closes every connection and stops listening to commits. */
  close(): Promise<void>;
};

/**
 * True for `/api/sync` and `/api/<client version>/sync`, the paths the
 * Convex client and the real backend use.
 */
export function isSyncPath(pathname: string): boolean {
  return /^\/api\/(?:[^/]+\/)?sync\/?$/.test(pathname);
}

/** Creates the sync endpoint; attach it to an HTTP server's `upgrade`. */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  const { engine, logger } = options;
  const hub = new CommitHub(engine, logger);
  const mutationLog = new MutationLog();
  const sessions = new Set<SyncSession>();
  const context = {
    engine,
    hub,
    mutationLog,
    logger,
    pingIntervalMs: options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
  };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
  });

  return {
    handleUpgrade(request, socket, head) {
      const { pathname } = requestUrl(request.url);
      if (!isSyncPath(pathname)) {
        return false;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        const session = new SyncSession(ws, context);
        sessions.add(session);
        ws.on("close", () => sessions.delete(session));
      });
      return true;
    },
    get connectionCount() {
      return sessions.size;
    },
    async close() {
      for (const session of sessions) {
        // 1001 "Going Away": the client reconnects with backoff.
        session.close(1001, "ServerShutdown");
      }
      sessions.clear();
      hub.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
