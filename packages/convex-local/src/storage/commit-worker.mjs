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
db.pragma(`wal_autocheckpoint = ${workerData.checkpointPages}`);

const insertDocument = db.prepare(
  "INSERT INTO documents (table_id, id, ts, json) VALUES (?, ?, ?, ?)",
);
const insertEntry = db.prepare(
  "INSERT OR REPLACE INTO index_entries (index_id, key, ts, id, deleted) VALUES (?, ?, ?, ?, ?)",
);
const writeLastTs = db.prepare(
  "INSERT INTO meta (key, value) VALUES ('last_ts', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
);

// Reads the buffer that batch-encoding.ts writes.
const writeBatch = db.transaction((message) => {
  const buffer = Buffer.from(
    message.batch.buffer,
    message.batch.byteOffset,
    message.batch.byteLength,
  );
  let offset = 0;
  const u32 = () => {
    const value = buffer.readUInt32LE(offset);
    offset += 4;
    return value;
  };
  const i64 = () => {
    const value = buffer.readBigInt64LE(offset);
    offset += 8;
    return value;
  };
  const bytes = () => {
    const length = u32();
    const value = buffer.subarray(offset, offset + length);
    offset += length;
    return value;
  };
  const string = () => bytes().toString("utf8");
  const flag = () => buffer[offset++] === 1;

  const commits = u32();
  for (let commit = 0; commit < commits; commit++) {
    const documents = u32();
    for (let row = 0; row < documents; row++) {
      const tableId = u32();
      const id = string();
      const ts = i64();
      const json = flag() ? string() : null;
      insertDocument.run(tableId, id, ts, json);
    }
    const entries = u32();
    for (let row = 0; row < entries; row++) {
      const indexId = u32();
      const key = bytes();
      const ts = i64();
      const id = string();
      const deleted = flag() ? 1 : 0;
      insertEntry.run(indexId, key, ts, id, deleted);
    }
  }
  writeLastTs.run(message.lastTs.toString());
});

// After a failed batch, the batches already sent may build on it, so they
// fail too until the main thread has discarded them and sends "resume".
let failedEarlier = false;

parentPort.on("message", (message) => {
  if (message.type === "close") {
    db.close();
    parentPort.postMessage({ type: "closed" });
    return;
  }
  if (message.type === "resume") {
    failedEarlier = false;
    return;
  }
  if (failedEarlier) {
    parentPort.postMessage({
      type: "failed",
      id: message.id,
      message: "An earlier group commit failed",
    });
    return;
  }
  try {
    writeBatch(message);
    parentPort.postMessage({ type: "written", id: message.id });
  } catch (error) {
    failedEarlier = true;
    parentPort.postMessage({
      type: "failed",
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
