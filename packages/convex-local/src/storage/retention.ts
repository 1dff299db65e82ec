import type { SqliteDatabase } from "./database";

/**
 * Default retention window in milliseconds: versions stay readable this
 * long after a newer version replaced them. Convex keeps index history
 * for INDEX_RETENTION_DELAY, 4 minutes, in the Convex backend's
 * crates/common/src/knobs.rs, and document history far longer (14 days),
 * but here old document versions serve only snapshot reads.
 */
export const DEFAULT_RETENTION_MS = 4 * 60_000;

/** Rows read per cleanup step, so one step blocks the event loop briefly. */
const STEP_ROWS = 2000;

/** Rows deleted by one cleanup pass. */
export type CleanupStats = { documents: number; indexEntries: number };

type VersionRow = {
  group: string;
  ts: bigint;
  tombstone: boolean;
  primaryKey: unknown[];
};

/**
 * Returns the rows of a batch that no snapshot at or after `horizon` can
 * see. Rows come sorted by group, then timestamp. A version is obsolete
 * when a newer version of its group exists at or before the horizon, and
 * a tombstone at or before the horizon is obsolete too, because reading
 * no version at all also means the document or key is absent. The last
 * row of a batch is left for the next batch, which may hold its successor.
 */
function obsoleteRows(rows: VersionRow[], horizon: bigint): VersionRow[] {
  const obsolete: VersionRow[] = [];
  for (let i = 0; i < rows.length - 1; i++) {
    const row = rows[i]!;
    if (row.ts > horizon) continue;
    const next = rows[i + 1]!;
    const replaced = next.group === row.group && next.ts <= horizon;
    const lastInGroup = next.group !== row.group || next.ts > horizon;
    if (replaced || (row.tombstone && lastInGroup)) obsolete.push(row);
  }
  return obsolete;
}

/**
 * Deletes document versions and index entries that no snapshot at or after
 * a horizon can read, walking both tables in primary-key order in small
 * steps. Each step is one SQLite transaction.
 */
export class RetentionCleaner {
  private readonly readDocuments;
  private readonly deleteDocument;
  private readonly readEntries;
  private readonly deleteEntry;

  constructor(private readonly db: SqliteDatabase) {
    this.readDocuments = db
      .prepare(
        `SELECT table_id, id, ts, json IS NULL AS tombstone FROM documents
         WHERE (table_id, id, ts) > (?, ?, ?)
         ORDER BY table_id, id, ts LIMIT ?`,
      )
      .safeIntegers(true);
    this.deleteDocument = db.prepare(
      "DELETE FROM documents WHERE table_id = ? AND id = ? AND ts = ?",
    );
    this.readEntries = db
      .prepare(
        `SELECT index_id, key, ts, deleted FROM index_entries
         WHERE (index_id, key, ts) > (?, ?, ?)
         ORDER BY index_id, key, ts LIMIT ?`,
      )
      .safeIntegers(true);
    this.deleteEntry = db.prepare(
      "DELETE FROM index_entries WHERE index_id = ? AND key = ? AND ts = ?",
    );
  }

  /**
   * Runs one whole pass at `horizon`, yielding to the event loop between
   * steps through `pause`. Returns how many rows it deleted.
   */
  async run(
    horizon: () => bigint,
    pause: () => Promise<void>,
  ): Promise<CleanupStats> {
    const stats: CleanupStats = { documents: 0, indexEntries: 0 };
    let documentCursor: unknown[] | null = [-1n, "", -1n];
    let entryCursor: unknown[] | null = [-1n, Buffer.alloc(0), -1n];
    while (documentCursor || entryCursor) {
      // The horizon is read again at every step, because a snapshot taken
      // meanwhile may be older than the first reading.
      const at = horizon();
      if (documentCursor) {
        const step = this.documentStep(documentCursor, at);
        stats.documents += step.deleted;
        documentCursor = step.cursor;
      }
      if (entryCursor) {
        const step = this.entryStep(entryCursor, at);
        stats.indexEntries += step.deleted;
        entryCursor = step.cursor;
      }
      await pause();
    }
    return stats;
  }

  private documentStep(cursor: unknown[], horizon: bigint) {
    const rows = (
      this.readDocuments.all(...cursor, STEP_ROWS) as {
        table_id: bigint;
        id: string;
        ts: bigint;
        tombstone: bigint;
      }[]
    ).map((row): VersionRow => ({
      group: `${row.table_id}:${row.id}`,
      ts: row.ts,
      tombstone: row.tombstone === 1n,
      primaryKey: [row.table_id, row.id, row.ts],
    }));
    return this.deleteStep(rows, horizon, this.deleteDocument);
  }

  private entryStep(cursor: unknown[], horizon: bigint) {
    const rows = (
      this.readEntries.all(...cursor, STEP_ROWS) as {
        index_id: bigint;
        key: Buffer;
        ts: bigint;
        deleted: bigint;
      }[]
    ).map((row): VersionRow => ({
      group: `${row.index_id}:${row.key.toString("hex")}`,
      ts: row.ts,
      tombstone: row.deleted === 1n,
      primaryKey: [row.index_id, row.key, row.ts],
    }));
    return this.deleteStep(rows, horizon, this.deleteEntry);
  }

  /**
   * Deletes the obsolete rows of one batch and returns the cursor of the
   * next batch, or null after the last one.
   */
  private deleteStep(
    rows: VersionRow[],
    horizon: bigint,
    statement: { run(...params: unknown[]): unknown },
  ): { deleted: number; cursor: unknown[] | null } {
    if (rows.length === 0) return { deleted: 0, cursor: null };
    const finalBatch = rows.length < STEP_ROWS;
    // A sentinel after the final batch lets its last row be decided too.
    const decided = finalBatch
      ? [...rows, { group: "", ts: 0n, tombstone: false, primaryKey: [] }]
      : rows;
    const obsolete = obsoleteRows(decided, horizon);
    this.db.transaction(() => {
      for (const row of obsolete) statement.run(...row.primaryKey);
    })();
    if (finalBatch) return { deleted: obsolete.length, cursor: null };
    // The last row is decided in the next batch, which starts right before it.
    const cursor = rows[rows.length - 2]?.primaryKey ?? null;
    return { deleted: obsolete.length, cursor };
  }
}

/** Time between cleanup passes, RETENTION_DELETE_FREQUENCY in Convex. */
export const CLEANUP_INTERVAL_MS = 60_000;

/** What the cleanup task needs from the rest of the engine. */
export type RetentionSources = {
  /** The latest durable commit timestamp. */
  latestTs(): bigint;
  /** The oldest snapshot a running function reads at, or null. */
  oldestActiveSnapshot(): bigint | null;
  /** Records the horizon, so reads at older snapshots fail. */
  setHorizon(ts: bigint): void;
};

/**
 * Runs `RetentionCleaner` passes in the background every
 * `CLEANUP_INTERVAL_MS`. The horizon of a pass is the oldest of the oldest
 * snapshot in use, the latest durable commit and the wall clock minus the
 * retention window, in nanoseconds like commit timestamps.
 */
export class RetentionTask {
  private readonly cleaner: RetentionCleaner;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<CleanupStats> | null = null;

  constructor(
    db: SqliteDatabase,
    private readonly sources: RetentionSources,
    private readonly retentionMs: number,
    private readonly onError: (error: Error) => void,
  ) {
    this.cleaner = new RetentionCleaner(db);
  }

  /** Computes the horizon of a pass now. */
  horizon(): bigint {
    const windowStart = BigInt(Date.now() - this.retentionMs) * 1_000_000n;
    let horizon = this.sources.latestTs();
    const oldest = this.sources.oldestActiveSnapshot();
    if (oldest !== null && oldest < horizon) horizon = oldest;
    if (windowStart < horizon) horizon = windowStart;
    return horizon;
  }

  /** Starts the periodic passes. */
  start() {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.runPass().catch((error: unknown) => this.onError(error as Error));
    }, CLEANUP_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * Runs one pass now, or joins the pass already running. Resolves with
   * the rows it deleted.
   */
  runPass(): Promise<CleanupStats> {
    if (this.running) return this.running;
    const horizon = () => {
      const at = this.horizon();
      this.sources.setHorizon(at);
      return at;
    };
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    this.running = this.cleaner.run(horizon, pause).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops the passes and waits for a running one to finish. */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
