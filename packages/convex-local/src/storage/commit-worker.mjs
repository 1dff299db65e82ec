// Writes group commits to SQLite on a worker thread, so the fsync of one
// batch does not block the event loop that executes the next one. Plain
// JavaScript, because worker threads do not inherit the TypeScript loader
// the CLI registers. The protocol is in commit-writer.ts.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";

const db = new Database(workerData.file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
// The main thread's connection writes too (schemas, retention), rarely.
db.pragma("busy_timeout = 5000");

const insertDocument = db.prepare(
  "INSERT INTO documents (table_id, id, ts, json) VALUES (?, ?, ?, ?)",
);
const insertEntry = db.prepare(
  "INSERT OR REPLACE INTO index_entries (index_id, key, ts, id, deleted) VALUES (?, ?, ?, ?, ?)",
);
const writeLastTs = db.prepare(
  "INSERT INTO meta (key, value) VALUES ('last_ts', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
);

const writeBatch = db.transaction((batch) => {
  for (const { documents, entries } of batch.commits) {
    for (const row of documents) {
      insertDocument.run(row.tableId, row.id, row.ts, row.json);
    }
    for (const row of entries) {
      const key = Buffer.from(
        row.key.buffer,
        row.key.byteOffset,
        row.key.length,
      );
      insertEntry.run(row.indexId, key, row.ts, row.id, row.deleted ? 1 : 0);
    }
  }
  writeLastTs.run(batch.lastTs.toString());
});

parentPort.on("message", (message) => {
  if (message.type === "close") {
    db.close();
    parentPort.postMessage({ type: "closed" });
    return;
  }
  try {
    writeBatch(message);
    parentPort.postMessage({ type: "written", id: message.id });
  } catch (error) {
    parentPort.postMessage({
      type: "failed",
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
