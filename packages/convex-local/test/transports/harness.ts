import WebSocket from "ws";
import { startApiServer } from "../../src/http/api-server.js";
import type { Logger } from "../../src/logger.js";
import { startTestEngine, type TestEngine } from "../engine/helpers.js";
import { FakeEngine } from "./fake-engine.js";

/** Creates a logger that stores its lines, so tests stay quiet and can inspect them. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`INFO ${message}`),
    warn: (message) => lines.push(`WARN ${message}`),
    error: (message) => lines.push(`ERROR ${message}`),
  };
}

export type TestServer = {
  engine: FakeEngine;
  url: string;
  port: number;
  logger: ReturnType<typeof memoryLogger>;
  close(): Promise<void>;
};

/** Starts the API server on a free loopback port over a fresh fake engine. */
export async function startTestServer(
  options: { pingIntervalMs?: number } = {},
): Promise<TestServer> {
  const engine = new FakeEngine();
  const logger = memoryLogger();
  const server = await startApiServer({
    engine,
    port: 0,
    logger,
    pingIntervalMs: options.pingIntervalMs,
  });
  return {
    engine,
    logger,
    port: server.port,
    url: `http://127.0.0.1:${server.port}`,
    close: () => server.close(),
  };
}

export type EngineServer = {
  engine: TestEngine;
  url: string;
  port: number;
  close(): Promise<void>;
};

/** Starts the API server on a free loopback port over a real engine. */
export async function startEngineServer(
  fixture: string,
): Promise<EngineServer> {
  const engine = await startTestEngine(fixture);
  const server = await startApiServer({
    engine: engine.engine,
    port: 0,
    logger: memoryLogger(),
  });
  return {
    engine,
    port: server.port,
    url: `http://127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      await engine.close();
    },
  };
}

type Message = Record<string, unknown> & { type: string };

/**
 * A hand-driven sync protocol client: sends raw messages and waits for
 * server messages in order, so tests can check exact protocol behaviour.
 */
export class RawSyncClient {
  private readonly received: Message[] = [];
  private readonly waiting: (() => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;

  constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.received.push(JSON.parse(data.toString()) as Message);
      this.waiting.splice(0).forEach((wake) => wake());
    });
    this.opened = new Promise((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    this.closed = new Promise((resolve) => {
      socket.once("close", (code, reason) =>
        resolve({ code, reason: reason.toString() }),
      );
    });
  }

  static async connect(port: number, path = "/api/1.48.0/sync") {
    const client = new RawSyncClient(
      new WebSocket(`ws://127.0.0.1:${port}${path}`),
    );
    await client.opened;
    return client;
  }

  send(message: unknown): void {
    this.socket.send(
      typeof message === "string" ? message : JSON.stringify(message),
    );
  }

  /** Resolves with the next message of `type` (skipping Pings otherwise). */
  async next(type?: string, timeoutMs = 2_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((message) =>
        type ? message.type === type : message.type !== "Ping",
      );
      if (index !== -1) {
        return this.received.splice(index, 1)[0]!;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`No ${type ?? "message"} received in ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Messages received and not yet taken, excluding Pings. */
  pending(): Message[] {
    return this.received.filter((message) => message.type !== "Ping");
  }

  close(): void {
    this.socket.close();
  }
}

/** Builds the `Connect` message a fresh client sends. */
export function connectMessage(sessionId: string, connectionCount = 0) {
  return {
    type: "Connect",
    sessionId,
    connectionCount,
    lastCloseReason: null,
    clientTs: Date.now(),
  };
}

/** Decodes an EncodedTS in a test without the production helper. */
export function tsOf(encoded: unknown): bigint {
  return Buffer.from(String(encoded), "base64").readBigUInt64LE();
}
