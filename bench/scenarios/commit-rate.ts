import Database from "better-sqlite3";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BackendHandle } from "../lib/backend-handle";
import { percentile, runWorkers } from "../lib/stats";

/** Figures of one insert path. */
export type CommitResult = {
  variant: string;
  inserts: number;
  seconds: number;
  failedCalls: number;
  p50: number;
  p99: number;
};

/** The HTTP client the benchmark calls the backend with. */
export type HttpClientKind = "convex" | "socket";

/**
 * Sends `inserts` one-document mutations from `clients` HTTP clients at
 * once, each client one call at a time. `convex` clients are
 * `ConvexHttpClient`s, which call through `fetch`. `socket` clients post
 * the same requests to `/api/mutation` as plain HTTP/1.1 on one kept-alive
 * `node:net` connection each. They cost the benchmark process a quarter of
 * the CPU time that `fetch` does, and on 2 cores that time is taken from
 * the backend.
 */
export async function runHttpInserts(
  backend: BackendHandle,
  options: { inserts: number; clients: number; client?: HttpClientKind },
): Promise<CommitResult> {
  const kind = options.client ?? "convex";
  const latencies: number[] = [];
  let failedCalls = 0;
  let next = 0;
  const started = performance.now();
  await runWorkers(options.clients, async (clientIndex) => {
    const insert =
      kind === "convex"
        ? convexInsert(backend.url)
        : await socketInsert(backend.url);
    try {
      while (next < options.inserts) {
        const n = next++;
        const callStarted = performance.now();
        try {
          await insert.call({ client: clientIndex, n });
        } catch {
          failedCalls += 1;
        }
        latencies.push(performance.now() - callStarted);
      }
    } finally {
      insert.close();
    }
  });
  return {
    variant:
      kind === "convex"
        ? `convex-local over HTTP, ${options.clients} ConvexHttpClients`
        : `convex-local over HTTP, ${options.clients} plain HTTP/1.1 clients`,
    inserts: options.inserts,
    seconds: (performance.now() - started) / 1000,
    failedCalls,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

type InsertClient = {
  call(args: { client: number; n: number }): Promise<void>;
  close(): void;
};

function convexInsert(url: string): InsertClient {
  const client = new ConvexHttpClient(url);
  return {
    call: async (args) => {
      await client.mutation(anyApi.items!.insert!, args);
    },
    close: () => {},
  };
}

type PendingCall = { resolve: () => void; reject: (error: Error) => void };

/**
 * Opens one connection and posts each call to `/api/mutation` as
 * `ConvexHttpClient` does. A call resolves when its response is a 200
 * whose body reports success, and rejects otherwise. Responses are framed
 * by their `Content-Length`, which the backend always sends.
 */
async function socketInsert(url: string): Promise<InsertClient> {
  const target = new URL(url);
  const socket = connect(Number(target.port), target.hostname);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let received: Buffer = Buffer.alloc(0);
  let pending: PendingCall | null = null;
  const settle = (error: Error | null) => {
    const call = pending;
    pending = null;
    if (error) call?.reject(error);
    else call?.resolve();
  };
  socket.on("data", (chunk: Buffer) => {
    received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
    const headEnd = received.indexOf("\r\n\r\n");
    if (headEnd === -1) return;
    const head = received.subarray(0, headEnd).toString("latin1");
    const length = Number(/^content-length: *(\d+)/im.exec(head)?.[1] ?? 0);
    const bodyEnd = headEnd + 4 + length;
    if (received.length < bodyEnd) return;
    const body = received.subarray(headEnd + 4, bodyEnd).toString("utf8");
    received = received.subarray(bodyEnd);
    const succeeded =
      head.startsWith("HTTP/1.1 200 ") &&
      (JSON.parse(body) as { status?: string }).status === "success";
    settle(succeeded ? null : new Error(head.split("\r\n")[0]));
  });
  socket.on("error", (error) => settle(error));
  socket.on("close", () => settle(new Error("The connection closed")));
  return {
    call: (args) =>
      new Promise<void>((resolve, reject) => {
        pending = { resolve, reject };
        const body = JSON.stringify({
          path: "items:insert",
          format: "convex_encoded_json",
          args: [args],
        });
        socket.write(
          `POST /api/mutation HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      }),
    close: () => socket.destroy(),
  };
}

/**
 * Inserts `inserts` rows into a fresh SQLite file in this process, one
 * transaction per row, with the backend's durability settings (WAL,
 * synchronous=FULL), so each commit waits for fsync.
 *
 * With `backendLayout`, each transaction writes what a one-document
 * commit of the backend writes: a document version, two index entries
 * (`by_id` with a random key, `by_creation_time` with a rising key) and
 * the `last_ts` meta row, in tables shaped like the backend's.
 */
export function runRawSqlite(options: {
  inserts: number;
  backendLayout: boolean;
}): CommitResult {
  const dir = mkdtempSync(path.join(tmpdir(), "convex-local-bench-sqlite-"));
  const db = new Database(path.join(dir, "raw.sqlite3"));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    const insertOne = options.backendLayout
      ? prepareBackendLayout(db)
      : prepareSingleTable(db);
    const latencies: number[] = [];
    const started = performance.now();
    for (let n = 0; n < options.inserts; n++) {
      const callStarted = performance.now();
      insertOne(n);
      latencies.push(performance.now() - callStarted);
    }
    return {
      variant: options.backendLayout
        ? "raw better-sqlite3, backend's tables and indexes"
        : "raw better-sqlite3, one table",
      inserts: options.inserts,
      seconds: (performance.now() - started) / 1000,
      failedCalls: 0,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function prepareSingleTable(db: Database.Database) {
  db.exec(
    "CREATE TABLE items (id INTEGER PRIMARY KEY, client INTEGER, n INTEGER, json TEXT)",
  );
  const insert = db.prepare(
    "INSERT INTO items (client, n, json) VALUES (?, ?, ?)",
  );
  return db.transaction((n: number) => {
    insert.run(0, n, JSON.stringify({ client: 0, n }));
  });
}

function prepareBackendLayout(db: Database.Database) {
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents (
      table_id INTEGER NOT NULL, id TEXT NOT NULL, ts INTEGER NOT NULL,
      json TEXT, PRIMARY KEY (table_id, id, ts)
    ) WITHOUT ROWID;
    CREATE TABLE index_entries (
      index_id INTEGER NOT NULL, key BLOB NOT NULL, ts INTEGER NOT NULL,
      id TEXT NOT NULL, deleted INTEGER NOT NULL,
      PRIMARY KEY (index_id, key, ts)
    ) WITHOUT ROWID;
  `);
  const insertDocument = db.prepare(
    "INSERT INTO documents (table_id, id, ts, json) VALUES (?, ?, ?, ?)",
  );
  const insertEntry = db.prepare(
    "INSERT OR REPLACE INTO index_entries (index_id, key, ts, id, deleted) VALUES (?, ?, ?, ?, ?)",
  );
  const writeTs = db.prepare(
    "INSERT INTO meta (key, value) VALUES ('last_ts', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  return db.transaction((n: number) => {
    const idBytes = randomBytes(16);
    const id = idBytes.toString("hex");
    const ts = BigInt(Date.now()) * 1_000_000n + BigInt(n);
    const creation = Buffer.alloc(8);
    creation.writeDoubleBE(Date.now() + n / 1000);
    insertDocument.run(1, id, ts, JSON.stringify({ _id: id, client: 0, n }));
    insertEntry.run(1, idBytes, ts, id, 0);
    insertEntry.run(2, Buffer.concat([creation, idBytes]), ts, id, 0);
    writeTs.run(ts.toString());
  });
}
