import type { Catalog, IndexInfo, TableInfo } from "../storage/catalog";
import { BY_ID } from "../storage/catalog";
import {
  documentJson,
  indexKey,
  type Document,
  type DocumentStore,
  type DocumentWrite,
  type IndexEntry,
} from "../storage/document-store";
import { containsCommitTs, resolveCommitTs } from "../runtime/commit-ts";
import { encodeKey, keySuccessor } from "../storage/key-encoding";
import { TransactionMetrics } from "./limits";
import { ReadIntervals, type CommittedWrite, type Interval } from "./read-set";

/** A write buffered in a transaction until commit. */
export type PendingWrite = {
  table: TableInfo;
  id: string;
  /** The committed version at the snapshot; null when inserted here. */
  oldDoc: Document | null;
  /** The version this transaction wrote; null for a deletion. */
  newDoc: Document | null;
  /** Size and nesting of `newDoc` when a function wrote it. */
  shape?: DocumentShape;
};

/**
 * Size (as `convexValueSize` measures it) and nesting level of a document
 * that a function wrote, measured by the document limit checks.
 */
export type DocumentShape = { size: number; nesting: number };

/** A restore point for a subtransaction. */
export type Savepoint = { writes: Map<string, PendingWrite> };

function writeKey(tableId: number, id: string): string {
  return `${tableId}:${id}`;
}

/**
 * The snapshot of a transaction: a timestamp, or a function that takes one
 * when the transaction first needs it.
 */
export type SnapshotSource = bigint | (() => bigint);

/**
 * One snapshot transaction: reads see the store at `snapshotTs` plus this
 * transaction's own buffered writes, and every index range read is
 * recorded so the commit can be validated against later commits.
 */
export class Transaction {
  readonly readSet = new ReadIntervals();
  readonly metrics = new TransactionMetrics();
  writes = new Map<string, PendingWrite>();
  /** The `_creationTime` the next insert takes, in milliseconds. */
  private nextCreationTime: number;
  private snapshot: bigint | null;
  private readonly takeSnapshot: (() => bigint) | null;

  /**
   * With a function as `snapshot`, the snapshot is taken at the first read
   * of the store (or the first `snapshotTs` lookup). The transaction reads
   * nothing before that, so it stays serializable, and commits made before
   * its first read can no longer conflict with it.
   */
  constructor(
    readonly store: DocumentStore,
    readonly catalog: Catalog,
    snapshot: SnapshotSource,
    beginTimeMs: number,
  ) {
    this.nextCreationTime = beginTimeMs;
    this.snapshot = typeof snapshot === "bigint" ? snapshot : null;
    this.takeSnapshot = typeof snapshot === "bigint" ? null : snapshot;
  }

  /** The timestamp this transaction reads at, taken now if not yet taken. */
  get snapshotTs(): bigint {
    this.snapshot ??= this.takeSnapshot!();
    return this.snapshot;
  }

  /** Whether the snapshot was taken; see the constructor. */
  get hasSnapshot(): boolean {
    return this.snapshot !== null;
  }

  /** Reads one document by id, recording a point read on `by_id`. */
  get(table: TableInfo, id: string): Document | null {
    this.metrics.add("databaseQueries", 1);
    const index = table.indexes.get(BY_ID)!;
    const key = encodeKey([id]);
    this.readSet.add({
      indexId: index.indexId,
      lo: key,
      hi: keySuccessor(key),
    });
    const pending = this.writes.get(writeKey(table.tableId, id));
    const doc = pending
      ? pending.newDoc
      : this.store.get(table.tableId, id, this.snapshotTs);
    if (doc) this.countRead(doc);
    return doc;
  }

  private countRead(doc: Document) {
    this.metrics.add("documentsRead", 1);
    this.metrics.add("bytesRead", documentJson(doc).length);
  }

  /** Takes the next `_creationTime`: unique and increasing in this transaction. */
  takeCreationTime(): number {
    const value = this.nextCreationTime;
    this.nextCreationTime = nextDouble(value);
    return value;
  }

  /**
   * Replaces `db.vars.commitTs` in every buffered document with the commit
   * timestamp, once it is assigned and before the writes are staged.
   */
  resolveCommitTs(ts: bigint) {
    for (const [key, write] of this.writes) {
      if (write.newDoc && containsCommitTs(write.newDoc)) {
        const newDoc = resolveCommitTs(write.newDoc, ts);
        this.writes.set(key, { ...write, newDoc });
      }
    }
  }

  /**
   * Buffers an insert of a complete document (system fields set), with its
   * shape when a function wrote it.
   */
  insert(table: TableInfo, doc: Document, shape?: DocumentShape) {
    const id = doc._id as string;
    this.countWrite(doc);
    this.writes.set(writeKey(table.tableId, id), {
      table,
      id,
      oldDoc: null,
      newDoc: doc,
      shape,
    });
  }

  /** Buffers a new version (or a deletion) of a document read before. */
  update(
    table: TableInfo,
    id: string,
    newDoc: Document | null,
    shape?: DocumentShape,
  ) {
    const key = writeKey(table.tableId, id);
    const pending = this.writes.get(key);
    const oldDoc = pending
      ? pending.oldDoc
      : this.store.get(table.tableId, id, this.snapshotTs);
    if (newDoc) this.countWrite(newDoc);
    else this.metrics.add("documentsWritten", 1);
    if (pending && pending.oldDoc === null && newDoc === null) {
      this.writes.delete(key);
      return;
    }
    this.writes.set(key, { table, id, oldDoc, newDoc, shape });
  }

  private countWrite(doc: Document) {
    this.metrics.add("documentsWritten", 1);
    this.metrics.add("bytesWritten", documentJson(doc).length);
  }

  /** Opens a scan of one index over `[lo, hi)` in the given order. */
  scan(
    table: TableInfo,
    index: IndexInfo,
    lo: Buffer,
    hi: Buffer,
    order: "asc" | "desc",
  ): IndexScan {
    this.metrics.add("databaseQueries", 1);
    return new IndexScan(this, table, index, lo, hi, order);
  }

  savepoint(): Savepoint {
    return { writes: new Map(this.writes) };
  }

  rollback(savepoint: Savepoint) {
    this.writes = savepoint.writes;
  }

  /** Lists the buffered writes in the form the document store applies. */
  documentWrites(): DocumentWrite[] {
    return [...this.writes.values()];
  }

  /** Lists the buffered writes with their index keys, for conflict checks. */
  committedWrites(): CommittedWrite[] {
    return [...this.writes.values()].map((write) => {
      const keys: CommittedWrite["keys"] = [];
      for (const index of write.table.indexes.values()) {
        if (write.oldDoc) {
          keys.push({
            indexId: index.indexId,
            key: indexKey(index, write.oldDoc),
          });
        }
        if (write.newDoc) {
          keys.push({
            indexId: index.indexId,
            key: indexKey(index, write.newDoc),
          });
        }
      }
      return {
        namespace: write.table.namespace,
        tableName: write.table.name,
        id: write.id,
        keys,
      };
    });
  }

  /** @internal Used by scans to read their table's pending writes. */
  pendingFor(tableId: number): PendingWrite[] {
    return [...this.writes.values()].filter(
      (write) => write.table.tableId === tableId,
    );
  }

  /** @internal */
  isPending(tableId: number, id: string): boolean {
    return this.writes.has(writeKey(tableId, id));
  }

  /** @internal */
  countScanned(doc: Document) {
    this.countRead(doc);
  }
}

const doubleBits = new DataView(new ArrayBuffer(8));

/** Returns the smallest double greater than `value` (positive finite values only). */
function nextDouble(value: number): number {
  doubleBits.setFloat64(0, value);
  doubleBits.setBigUint64(0, doubleBits.getBigUint64(0) + 1n);
  return doubleBits.getFloat64(0);
}

/**
 * A lazy scan of one index merged with the transaction's own writes. The
 * recorded read interval grows with each entry consumed, so a scan cut
 * short by `take` or `first` reads only what it returned.
 */
export class IndexScan {
  private readonly interval: Interval;
  /** The store's entries, opened at the first `next` (see `Transaction`). */
  private stored: Generator<IndexEntry> | null = null;
  private readonly pending: { key: Buffer; doc: Document }[];
  private readonly indexId: number;
  private storedNext: IndexEntry | null | undefined;
  private finished = false;

  constructor(
    private readonly tx: Transaction,
    private readonly table: TableInfo,
    index: IndexInfo,
    private readonly lo: Buffer,
    private readonly hi: Buffer,
    private readonly order: "asc" | "desc",
  ) {
    const start = order === "asc" ? lo : hi;
    this.indexId = index.indexId;
    this.interval = tx.readSet.add({
      indexId: index.indexId,
      lo: start,
      hi: start,
    });
    const sign = order === "asc" ? 1 : -1;
    this.pending = tx
      .pendingFor(table.tableId)
      .flatMap((write) => {
        if (!write.newDoc) return [];
        const key = indexKey(index, write.newDoc);
        const inRange =
          Buffer.compare(key, lo) >= 0 && Buffer.compare(key, hi) < 0;
        return inRange ? [{ key, doc: write.newDoc }] : [];
      })
      .sort((a, b) => sign * Buffer.compare(a.key, b.key));
  }

  private peekStored() {
    this.stored ??= this.tx.store.scan(
      this.indexId,
      this.lo,
      this.hi,
      this.tx.snapshotTs,
      this.order,
    );
    while (this.storedNext === undefined) {
      const result = this.stored.next();
      if (result.done) {
        this.storedNext = null;
        break;
      }
      // A document this transaction wrote is read from its pending version.
      if (this.tx.isPending(this.table.tableId, result.value.id)) continue;
      this.storedNext = result.value;
    }
    return this.storedNext;
  }

  /** Returns the next document with its key, or null at the end of the range. */
  next(): { key: Buffer; doc: Document } | null {
    if (this.finished) return null;
    const stored = this.peekStored();
    const pending = this.pending[0];
    let result: { key: Buffer; doc: Document } | null = null;
    if (stored && pending) {
      const cmp = Buffer.compare(stored.key, pending.key);
      const storedFirst = this.order === "asc" ? cmp < 0 : cmp > 0;
      if (storedFirst) result = this.takeStored(stored);
      else result = this.pending.shift()!;
    } else if (stored) {
      result = this.takeStored(stored);
    } else if (pending) {
      result = this.pending.shift()!;
    }
    if (!result) {
      this.finish();
      return null;
    }
    this.tx.countScanned(result.doc);
    if (this.order === "asc") this.interval.hi = keySuccessor(result.key);
    else this.interval.lo = result.key;
    return result;
  }

  private takeStored(entry: IndexEntry) {
    this.storedNext = undefined;
    const doc = this.tx.store.load(
      this.table.tableId,
      entry.id,
      this.tx.snapshotTs,
    );
    return { key: entry.key, doc };
  }

  /**
   * Reports whether entries may remain in the range. Before the first
   * `next` it returns true without reading, because opening the scan takes
   * the snapshot. Afterwards it may read the store's next batch.
   */
  hasMore(): boolean {
    if (this.finished) return false;
    if (this.stored === null || this.pending.length > 0) return true;
    return this.peekStored() !== null;
  }

  /** Marks the whole range as read, as reaching its end does. */
  finish() {
    this.finished = true;
    this.interval.lo = this.lo;
    this.interval.hi = this.hi;
  }
}
