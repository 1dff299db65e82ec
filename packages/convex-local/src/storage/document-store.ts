import { convexToJson, jsonToConvex } from "convex/values";
import type { Value } from "convex/values";
import type { Catalog, IndexInfo, TableInfo } from "./catalog";
import { readMeta, writeMeta, type SqliteDatabase } from "./database";
import type { BatchWriter } from "./commit-writer";
import { encodeKey } from "./key-encoding";
import {
  mergeStaged,
  StagedWrites,
  type CommitRows,
  type EntryRow,
} from "./staged-writes";

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
  let keys = indexKeys.get(doc);
  if (!keys) {
    keys = new Map();
    indexKeys.set(doc, keys);
  }
  let key = keys.get(index.indexId);
  if (!key) {
    key = encodeKey(index.fields.map((field) => readField(doc, field)));
    keys.set(index.indexId, key);
  }
  return key;
}

/**
 * Index keys by document and index ID. A commit needs each key twice, for
 * conflict checks and for its rows, and documents are never changed in
 * place.
 */
const indexKeys = new WeakMap<Document, Map<number, Buffer>>();

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

/**
 * Returns a document's `convexToJson` encoding as a JSON string, computed
 * once per document: a write measures it, and its commit stores it.
 */
export function documentJson(doc: Document): string {
  let json = storedJson.get(doc);
  if (json === undefined) {
    json = serializeDocument(doc);
    storedJson.set(doc, json);
  }
  return json;
}

const SCAN_BATCH = 128;

/**
 * Multi-version document and index storage. Reads take a snapshot
 * timestamp and see the latest version at or before it; writes append new
 * versions, so older snapshots stay readable.
 *
 * A commit is first staged (validated, readable, not yet durable) and then
 * written with others in one SQLite transaction. `latestTs` is the latest
 * durable commit and `latestStagedTs` the latest staged one.
 */
export class DocumentStore {
  private lastTs: bigint;
  private stagedTs: bigint;
  private readonly staged = new StagedWrites();
  /** Reads before this timestamp may miss versions removed by retention. */
  private horizon = 0n;
  /** Rows computed at staging, reused by the SQLite write. */
  private readonly stagedRows = new WeakMap<StoredCommit, CommitRows>();
  private readonly getStatement;
  private readonly scanAsc;
  private readonly scanDesc;
  private readonly insertDocument;
  private readonly insertEntry;
  private readonly writeCommits;
  private writer: BatchWriter | null = null;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly catalog: Catalog,
  ) {
    this.lastTs = BigInt(readMeta(db, "last_ts") ?? "0");
    this.stagedTs = this.lastTs;
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
      for (const commit of commits) this.apply(commit);
      const last = commits[commits.length - 1]!.ts;
      writeMeta(db, "last_ts", last.toString());
    });
  }

  /** Returns the latest committed timestamp, which is persisted across restarts. */
  latestTs(): bigint {
    return this.lastTs;
  }

  /** Returns the latest staged timestamp, at or after `latestTs`. */
  latestStagedTs(): bigint {
    return this.stagedTs;
  }

  /** Moves the latest timestamp forward without writing documents. */
  bumpTs(ts: bigint) {
    if (ts <= this.lastTs) return;
    writeMeta(this.db, "last_ts", ts.toString());
    this.lastTs = ts;
    if (this.stagedTs < ts) this.stagedTs = ts;
  }

  /** Moves the retention horizon forward; it never moves back. */
  setHorizon(ts: bigint) {
    if (ts > this.horizon) this.horizon = ts;
  }

  private checkHorizon(ts: bigint) {
    if (ts < this.horizon) {
      throw new Error(
        `Snapshot ${ts} is older than the retention horizon ${this.horizon}; read at a newer timestamp`,
      );
    }
  }

  /** Reads the version of a document visible at `ts`, or null. */
  get(tableId: number, id: string, ts: bigint): Document | null {
    this.checkHorizon(ts);
    if (ts > this.lastTs && this.staged.size > 0) {
      const staged = this.staged.get(tableId, id, ts);
      if (staged) return staged.doc;
    }
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
    this.checkHorizon(ts);
    const staged =
      ts > this.lastTs && this.staged.size > 0
        ? this.staged.entriesIn(indexId, lo, hi, ts, order)
        : null;
    const stored = this.scanStored(indexId, lo, hi, ts, order);
    if (staged) yield* mergeStaged(stored, staged, order);
    else yield* stored;
  }

  private *scanStored(
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
   * Stages a validated commit: reads at or after its timestamp see it
   * before it is durable. Timestamps must increase from one commit to the
   * next. `commit` later writes it.
   */
  stage(commit: StoredCommit) {
    const rows = this.rowsOf(commit);
    this.stagedRows.set(commit, rows);
    this.staged.add(rows);
    this.stagedTs = commit.ts;
  }

  /**
   * Drops every staged commit, after a SQLite transaction failed, and lets
   * the writer take batches again.
   */
  discardStaged() {
    this.staged.clear();
    this.stagedTs = this.lastTs;
    this.writer?.resume();
  }

  /**
   * Sends later batches to `writer` instead of writing them on this
   * connection.
   */
  useWriter(writer: BatchWriter) {
    this.writer = writer;
  }

  /**
   * Writes `commits`, in order and with increasing timestamps, in one
   * SQLite transaction. It is durable when this returns, or when the
   * returned promise resolves if a `BatchWriter` is in use. The latest
   * timestamp moves only after that transaction committed, and a failed
   * transaction throws (or rejects) and leaves nothing written. Staged
   * commits among them stop being staged. With a `BatchWriter`, a batch
   * may be sent before the previous one settled: they are written in
   * order, and after a failed one the later ones fail too, until
   * `discardStaged` is called.
   */
  commit(commits: StoredCommit[]): Promise<void> | void {
    if (commits.length === 0) return;
    const last = commits[commits.length - 1]!.ts;
    if (this.writer) {
      const rows = commits.map(
        (commit) => this.stagedRows.get(commit) ?? this.rowsOf(commit),
      );
      return this.writer
        .write(rows, last)
        .then(() => this.committed(last, commits.length));
    }
    this.writeCommits(commits);
    this.committed(last, commits.length);
  }

  private committed(last: bigint, count: number) {
    this.lastTs = last;
    if (this.stagedTs < last) this.stagedTs = last;
    if (this.staged.size > 0) this.staged.removeThrough(last, count);
  }

  private apply(commit: StoredCommit) {
    const rows = this.stagedRows.get(commit) ?? this.rowsOf(commit);
    for (const row of rows.documents) {
      this.insertDocument.run(row.tableId, row.id, row.ts, row.json);
    }
    for (const row of rows.entries) {
      this.insertEntry.run(
        row.indexId,
        row.key,
        row.ts,
        row.id,
        row.deleted ? 1 : 0,
      );
    }
  }

  /**
   * Computes the rows of one commit: new document versions, index entries
   * for the new versions, and deletion markers for keys a document left.
   */
  private rowsOf({ ts, writes }: StoredCommit): CommitRows {
    const rows: CommitRows = { documents: [], entries: [] };
    for (const write of writes) {
      const json = write.newDoc === null ? null : documentJson(write.newDoc);
      rows.documents.push({
        tableId: write.table.tableId,
        id: write.id,
        ts,
        json,
        doc: write.newDoc,
      });
      for (const index of write.table.indexes.values()) {
        const oldKey = write.oldDoc ? indexKey(index, write.oldDoc) : null;
        const newKey = write.newDoc ? indexKey(index, write.newDoc) : null;
        // An unchanged key keeps its entry: reads find the document's
        // version at their snapshot through the documents table.
        const keyChanged = !oldKey || !newKey || !oldKey.equals(newKey);
        if (!keyChanged) continue;
        const entry = (key: Buffer, deleted: boolean): EntryRow => ({
          indexId: index.indexId,
          key,
          ts,
          id: write.id,
          deleted,
        });
        if (oldKey) rows.entries.push(entry(oldKey, true));
        if (newKey) rows.entries.push(entry(newKey, false));
      }
    }
    return rows;
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
