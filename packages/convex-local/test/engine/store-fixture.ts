import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeId, newInternalId } from "../../src/ids";
import { Catalog, type TableInfo } from "../../src/storage/catalog";
import { openDatabase, type SqliteDatabase } from "../../src/storage/database";
import { DocumentStore, type Document } from "../../src/storage/document-store";
import { encodeKey, MAX_BYTE } from "../../src/storage/key-encoding";
import { Committer } from "../../src/transactions/committer";
import { Transaction } from "../../src/transactions/transaction";

const silent = { info() {}, warn() {}, error() {} };

/** A document store with a committer on a throwaway SQLite file. */
export type StoreFixture = {
  db: SqliteDatabase;
  catalog: Catalog;
  store: DocumentStore;
  committer: Committer;
  /** Table `items` with index `by_value` on `value`. */
  table: TableInfo;
  /** Begins a transaction at the committer's snapshot and registers it. */
  begin(): Transaction;
  /** Builds a new `items` document with `value`. */
  item(value: number): Document;
  /** Lists the `value` of each document in `by_value` order at `ts`. */
  valuesAt(ts: bigint): number[];
  /** Counts the rows of a SQLite table. */
  rows(table: "documents" | "index_entries"): number;
  close(): void;
};

/** Opens a store fixture in a fresh temporary folder. */
export function openStoreFixture(): StoreFixture {
  const stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-store-"));
  const db = openDatabase(stateDir);
  const catalog = new Catalog(db);
  const store = new DocumentStore(db, catalog);
  const committer = new Committer(store, silent);
  const table = catalog.ensureTable("", "items");
  catalog.ensureIndex(table, "by_value", ["value", "_creationTime", "_id"]);
  const byValue = table.indexes.get("by_value")!;
  let creationTime = Date.now();
  return {
    db,
    catalog,
    store,
    committer,
    table,
    begin() {
      const tx = new Transaction(
        store,
        catalog,
        committer.snapshotTs(),
        Date.now(),
      );
      committer.begin(tx.snapshotTs);
      return tx;
    },
    item(value) {
      creationTime += 1;
      return {
        _id: encodeId(table.number, newInternalId()),
        _creationTime: creationTime,
        value,
      };
    },
    valuesAt(ts) {
      const values: number[] = [];
      const entries = store.scan(
        byValue.indexId,
        encodeKey([]),
        Buffer.from([MAX_BYTE]),
        ts,
        "asc",
      );
      for (const entry of entries) {
        values.push(store.load(table.tableId, entry.id, ts).value as number);
      }
      return values;
    },
    rows(name) {
      const row = db.prepare(`SELECT COUNT(*) AS n FROM ${name}`).get() as {
        n: number;
      };
      return row.n;
    },
    close() {
      // Without a batch writer, the flush writes before it returns.
      void committer.flush();
      db.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Inserts one `items` document with `value` and stages its commit. */
export function insertOne(fixture: StoreFixture, value: number) {
  const tx = fixture.begin();
  tx.insert(fixture.table, fixture.item(value));
  const staged = fixture.committer.stage(tx, `insert ${value}`);
  fixture.committer.end(tx.snapshotTs);
  if (!staged.ok) throw new Error("expected the insert to stage");
  return staged;
}
