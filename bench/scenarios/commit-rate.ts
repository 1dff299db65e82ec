import Database from "better-sqlite3";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { randomBytes } from "node:crypto";
import { Agent, request as httpRequest } from "node:http";
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
export type HttpClientKind = "convex" | "keep-alive";

/**
 * Sends `inserts` one-document mutations from `clients` HTTP clients at
 * once, each client one call at a time. `convex` clients are
 * `ConvexHttpClient`s, which call through `fetch`. `keep-alive` clients
 * post the same requests to `/api/mutation` with `node:http`, each on one
 * kept-alive connection, which costs the benchmark process less of the
 * CPU that it shares with the backend.
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
        : keepAliveInsert(backend.url);
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
        : `convex-local over HTTP, ${options.clients} keep-alive clients`,
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

/**
 * Posts to `/api/mutation` as `ConvexHttpClient` does, and rejects unless
 * the response reports success.
 */
function keepAliveInsert(url: string): InsertClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL("/api/mutation", url);
  return {
    call: (args) =>
      new Promise<void>((resolve, reject) => {
        const body = JSON.stringify({
          path: "items:insert",
          format: "convex_encoded_json",
          args: [args],
        });
        const request = httpRequest(
          target,
          {
            method: "POST",
            agent,
            headers: {
              "Content-Type": "application/json",
              "Content-Length": Buffer.byteLength(body),
            },
          },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => (text += chunk));
            response.on("end", () => {
              const reply = JSON.parse(text) as { status?: string };
              if (response.statusCode === 200 && reply.status === "success") {
                resolve();
              } else {
                reject(new Error(`Insert failed with ${response.statusCode}`));
              }
            });
            response.on("error", reject);
          },
        );
        request.on("error", reject);
        request.end(body);
      }),
    close: () => agent.destroy(),
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
