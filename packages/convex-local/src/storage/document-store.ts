import { convexToJson, jsonToConvex } from "convex/values";
import type { Value } from "convex/values";
import type { Catalog, IndexInfo, TableInfo } from "./catalog";
import { readMeta, writeMeta, type SqliteDatabase } from "./database";
import { encodeKey } from "./key-encoding";

/** A document as Convex values, system fields included. */
export type Document = Record<string, Value>;

/** One document write of a commit. */
export type DocumentWrite = {
  table: TableInfo;
  id: string;
  /** The latest committed version before this write; null for an insert. */
  oldDoc: Document | null;
  /** The new version; null for a deletion. */
  newDoc: Document | null;
};

/** The document writes of one commit and its timestamp. */
export type StoredCommit = { ts: bigint; writes: DocumentWrite[] };

/** A live index entry found by a range scan; `ts` is when it was written. */
export type IndexEntry = { key: Buffer; id: string; ts: bigint };

/** Reads a field path such as `a.b` from a document; missing is undefined. */
export function readField(doc: Document, fieldPath: string): Value | undefined {
  let current: unknown = doc;
  for (const part of fieldPath.split(".")) {
    if (
      current === null ||
      typeof current !== "object" ||
      Array.isArray(current) ||
      current instanceof ArrayBuffer
    ) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current as Value | undefined;
}

/** Computes the key of a document in an index. */
export function indexKey(index: IndexInfo, doc: Document): Buffer {
  return encodeKey(index.fields.map((field) => readField(doc, field)));
}

/** Serializes a document the way it is stored. */
export function serializeDocument(doc: Document): string {
  return JSON.stringify(convexToJson(doc));
}

/** Stored JSON of documents read from SQLite, reused to avoid re-encoding. */
const storedJson = new WeakMap<Document, string>();

function parseDocument(json: string): Document {
  const doc = jsonToConvex(JSON.parse(json)) as Document;
  storedJson.set(doc, json);
  return doc;
}

/** Returns a document's `convexToJson` encoding as a JSON string. */
export function documentJson(doc: Document): string {
  return storedJson.get(doc) ?? serializeDocument(doc);
}

const SCAN_BATCH = 128;

/**
 * Multi-version document and index storage. Reads take a snapshot
 * timestamp and see the latest version at or before it; writes append new
 * versions, so older snapshots stay readable.
 *
 * NOTE: old versions are never garbage collected.
 */
export class DocumentStore {
  private lastTs: bigint;
  private readonly getStatement;
  private readonly scanAsc;
  private readonly scanDesc;
  private readonly insertDocument;
  private readonly insertEntry;
  private readonly writeCommits;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly catalog: Catalog,
  ) {
    this.lastTs = BigInt(readMeta(db, "last_ts") ?? "0");
    this.getStatement = db
      .prepare(
        "SELECT ts, json FROM documents WHERE table_id = ? AND id = ? AND ts <= ? ORDER BY ts DESC LIMIT 1",
      )
      .safeIntegers(true);
    // SQLite returns the bare columns of the row with MAX(ts) in each group.
    const scan = (order: "ASC" | "DESC") =>
      db
        .prepare(
          `SELECT key, id, deleted, MAX(ts) AS ts FROM index_entries
           WHERE index_id = ? AND key >= ? AND key < ? AND ts <= ?
           GROUP BY key ORDER BY key ${order} LIMIT ?`,
        )
        .safeIntegers(true);
    this.scanAsc = scan("ASC");
    this.scanDesc = scan("DESC");
    this.insertDocument = db.prepare(
      "INSERT INTO documents (table_id, id, ts, json) VALUES (?, ?, ?, ?)",
    );
    this.insertEntry = db.prepare(
      "INSERT OR REPLACE INTO index_entries (index_id, key, ts, id, deleted) VALUES (?, ?, ?, ?, ?)",
    );
    this.writeCommits = db.transaction((commits: StoredCommit[]) => {
      for (const { ts, writes } of commits) this.apply(ts, writes);
      const last = commits[commits.length - 1]!.ts;
      writeMeta(db, "last_ts", last.toString());
    });
  }

  /** Returns the latest committed timestamp, which is persisted across restarts. */
  latestTs(): bigint {
    return this.lastTs;
  }

  /** Moves the latest timestamp forward without writing documents. */
  bumpTs(ts: bigint) {
    if (ts <= this.lastTs) return;
    writeMeta(this.db, "last_ts", ts.toString());
    this.lastTs = ts;
  }

  /** Reads the version of a document visible at `ts`, or null. */
  get(tableId: number, id: string, ts: bigint): Document | null {
    const row = this.getStatement.get(tableId, id, ts) as
      { ts: bigint; json: string | null } | undefined;
    if (!row || row.json === null) return null;
    return parseDocument(row.json);
  }

  /** Reads the version at `ts` of a document a live index entry names. */
  load(tableId: number, id: string, ts: bigint): Document {
    const doc = this.get(tableId, id, ts);
    if (!doc) throw new Error(`Document ${id} has no version at ${ts}`);
    return doc;
  }

  /**
   * Scans the live entries of an index in `[lo, hi)` as of `ts`, in key
   * order, reading SQLite in batches so only one batch is in memory.
   */
  *scan(
    indexId: number,
    lo: Buffer,
    hi: Buffer,
    ts: bigint,
    order: "asc" | "desc",
  ): Generator<IndexEntry> {
    let low = lo;
    let high = hi;
    for (;;) {
      const statement = order === "asc" ? this.scanAsc : this.scanDesc;
      const rows = statement.all(indexId, low, high, ts, SCAN_BATCH) as {
        key: Buffer;
        id: string;
        deleted: bigint;
        ts: bigint;
      }[];
      for (const row of rows) {
        if (row.deleted === 0n) yield { key: row.key, id: row.id, ts: row.ts };
      }
      if (rows.length < SCAN_BATCH) return;
      const last = rows[rows.length - 1]!.key;
      if (order === "asc") {
        low = Buffer.concat([last, Buffer.from([0])]);
      } else {
        high = last;
      }
    }
  }

  /**
   * Writes `commits`, in order and with increasing timestamps, in one
   * SQLite transaction, which is durable when this returns. The latest
   * timestamp moves only after that transaction committed, and a failed
   * transaction throws and leaves nothing written.
   */
  commit(commits: StoredCommit[]) {
    if (commits.length === 0) return;
    this.writeCommits(commits);
    this.lastTs = commits[commits.length - 1]!.ts;
  }

  /**
   * Appends the writes of one commit at `ts` inside the caller's SQLite
   * transaction: new document versions, index entries for the new
   * versions, and deletion markers for keys a document left.
   */
  private apply(ts: bigint, writes: DocumentWrite[]) {
    for (const write of writes) {
      this.insertDocument.run(
        write.table.tableId,
        write.id,
        ts,
        write.newDoc === null ? null : serializeDocument(write.newDoc),
      );
      for (const index of write.table.indexes.values()) {
        const oldKey = write.oldDoc ? indexKey(index, write.oldDoc) : null;
        const newKey = write.newDoc ? indexKey(index, write.newDoc) : null;
        if (oldKey && (!newKey || !oldKey.equals(newKey))) {
          this.insertEntry.run(index.indexId, oldKey, ts, write.id, 1);
        }
        // An unchanged key keeps its entry: reads find the document's
        // version at their snapshot through the documents table.
        const keyChanged = !oldKey || !newKey || !oldKey.equals(newKey);
        if (newKey && keyChanged) {
          this.insertEntry.run(index.indexId, newKey, ts, write.id, 0);
        }
      }
    }
  }

  /** Rebuilds the entries of one index from every stored document version. */
  backfill(table: TableInfo, index: IndexInfo) {
    const rows = this.db
      .prepare(
        "SELECT id, ts, json FROM documents WHERE table_id = ? ORDER BY id, ts",
      )
      .safeIntegers(true)
      .iterate(table.tableId) as IterableIterator<{
      id: string;
      ts: bigint;
      json: string | null;
    }>;
    let previousId: string | null = null;
    let previousKey: Buffer | null = null;
    const entries: [Buffer, bigint, string, number][] = [];
    for (const row of rows) {
      if (row.id !== previousId) previousKey = null;
      const key =
        row.json === null ? null : indexKey(index, parseDocument(row.json));
      const keyChanged = !previousKey || !key || !previousKey.equals(key);
      if (previousKey && keyChanged) {
        entries.push([previousKey, row.ts, row.id, 1]);
      }
      if (key && keyChanged) entries.push([key, row.ts, row.id, 0]);
      previousId = row.id;
      previousKey = key;
    }
    for (const [key, ts, id, deleted] of entries) {
      this.insertEntry.run(index.indexId, key, ts, id, deleted);
    }
  }

  /** Counts the live documents of a table at `ts`. */
  count(table: TableInfo, ts: bigint): number {
    const index = this.catalog.tableById(table.tableId)?.indexes.get("by_id");
    if (!index) return 0;
    let total = 0;
    for (const _entry of this.scan(
      index.indexId,
      Buffer.alloc(0),
      Buffer.from([0xff]),
      ts,
      "asc",
    )) {
      total++;
    }
    return total;
  }
}
