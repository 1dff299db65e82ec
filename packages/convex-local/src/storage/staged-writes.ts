import type { Document, IndexEntry } from "./document-store";

/** One document version row, as the `documents` table stores it. */
export type DocumentRow = {
  tableId: number;
  id: string;
  ts: bigint;
  /** Stored JSON; null for a deletion. */
  json: string | null;
  doc: Document | null;
};

/** One index entry row, as the `index_entries` table stores it. */
export type EntryRow = {
  indexId: number;
  key: Buffer;
  ts: bigint;
  id: string;
  deleted: boolean;
};

/** The rows one commit adds to SQLite. */
export type CommitRows = { documents: DocumentRow[]; entries: EntryRow[] };

/**
 * Rows of commits that passed validation but whose SQLite transaction has
 * not run yet. Reads at a timestamp at or after such a commit see its rows
 * here, so a mutation can begin at the latest validated commit while the
 * caller is acknowledged only once the commit is durable.
 */
export class StagedWrites {
  /** Versions per `tableId:id`, oldest first. */
  private readonly versions = new Map<string, DocumentRow[]>();
  /** Entries per index, in staging order. */
  private readonly entries = new Map<number, EntryRow[]>();
  private count = 0;

  /** Counts the staged commits. */
  get size(): number {
    return this.count;
  }

  /** Adds the rows of one commit. */
  add(rows: CommitRows) {
    this.count += 1;
    for (const row of rows.documents) {
      const key = `${row.tableId}:${row.id}`;
      const list = this.versions.get(key);
      if (list) list.push(row);
      else this.versions.set(key, [row]);
    }
    for (const row of rows.entries) {
      const list = this.entries.get(row.indexId);
      if (list) list.push(row);
      else this.entries.set(row.indexId, [row]);
    }
  }

  /** Drops every staged row at or before `ts`, once SQLite stores them. */
  removeThrough(ts: bigint, commits: number) {
    this.count = Math.max(0, this.count - commits);
    for (const [key, list] of this.versions) {
      const kept = list.filter((row) => row.ts > ts);
      if (kept.length === 0) this.versions.delete(key);
      else this.versions.set(key, kept);
    }
    for (const [indexId, list] of this.entries) {
      const kept = list.filter((row) => row.ts > ts);
      if (kept.length === 0) this.entries.delete(indexId);
      else this.entries.set(indexId, kept);
    }
  }

  /** Drops every staged row. */
  clear() {
    this.count = 0;
    this.versions.clear();
    this.entries.clear();
  }

  /**
   * Returns the newest staged version of a document at or before `ts`:
   * undefined when none is staged, null for a staged deletion.
   */
  get(tableId: number, id: string, ts: bigint): DocumentRow | undefined {
    const list = this.versions.get(`${tableId}:${id}`);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.ts <= ts) return list[i];
    }
    return undefined;
  }

  /**
   * Returns the newest staged entry per key of one index in `[lo, hi)` at
   * or before `ts`, in key order, or null when no staged entry applies.
   */
  entriesIn(
    indexId: number,
    lo: Buffer,
    hi: Buffer,
    ts: bigint,
    order: "asc" | "desc",
  ): EntryRow[] | null {
    const list = this.entries.get(indexId);
    if (!list) return null;
    const newest = new Map<string, EntryRow>();
    for (const row of list) {
      if (row.ts > ts) continue;
      if (Buffer.compare(row.key, lo) < 0 || Buffer.compare(row.key, hi) >= 0)
        continue;
      // Rows are in staging order, which is timestamp order.
      newest.set(row.key.toString("latin1"), row);
    }
    if (newest.size === 0) return null;
    const sign = order === "asc" ? 1 : -1;
    return [...newest.values()].sort(
      (a, b) => sign * Buffer.compare(a.key, b.key),
    );
  }
}

/**
 * Merges the live entries SQLite returns with staged entries, both in scan
 * order. A staged entry replaces the stored one for its key, and a staged
 * deletion hides it.
 */
export function* mergeStaged(
  stored: Generator<IndexEntry>,
  staged: EntryRow[],
  order: "asc" | "desc",
): Generator<IndexEntry> {
  const stagedKeys = new Set(staged.map((row) => row.key.toString("latin1")));
  let next = 0;
  const before = (a: Buffer, b: Buffer) =>
    order === "asc" ? Buffer.compare(a, b) < 0 : Buffer.compare(a, b) > 0;
  for (const entry of stored) {
    while (next < staged.length && before(staged[next]!.key, entry.key)) {
      const row = staged[next++]!;
      if (!row.deleted) yield { key: row.key, id: row.id, ts: row.ts };
    }
    if (stagedKeys.has(entry.key.toString("latin1"))) continue;
    yield entry;
  }
  while (next < staged.length) {
    const row = staged[next++]!;
    if (!row.deleted) yield { key: row.key, id: row.id, ts: row.ts };
  }
}
