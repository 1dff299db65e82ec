import type { ReadSet, WriteSet } from "../engine/types";

/** A read range `[lo, hi)` of one index, in encoded key bytes. */
export type Interval = { indexId: number; lo: Buffer; hi: Buffer };

/** One committed document write, with every index key it touched. */
export type CommittedWrite = {
  namespace: string;
  tableName: string;
  id: string;
  /** Old and new keys of the document in each index of its table. */
  keys: { indexId: number; key: Buffer }[];
};

/** The writes of one commit. */
export type CommitWrites = {
  ts: bigint;
  /** The canonical path of the mutation that committed, for OCC messages. */
  writer: string;
  writes: CommittedWrite[];
};

/** The intervals a function read, grouped by index. */
export class ReadIntervals {
  readonly byIndex = new Map<number, Interval[]>();

  /** Adds an interval; the caller may widen it later while scanning. */
  add(interval: Interval): Interval {
    let list = this.byIndex.get(interval.indexId);
    if (!list) {
      list = [];
      this.byIndex.set(interval.indexId, list);
    }
    list.push(interval);
    return interval;
  }

  /** Counts the recorded intervals. */
  size(): number {
    let total = 0;
    for (const list of this.byIndex.values()) total += list.length;
    return total;
  }

  /** Returns the first write of `commit` whose key falls in an interval. */
  conflict(commit: CommitWrites): CommittedWrite | null {
    for (const write of commit.writes) {
      for (const { indexId, key } of write.keys) {
        const intervals = this.byIndex.get(indexId);
        if (!intervals) continue;
        for (const interval of intervals) {
          if (
            Buffer.compare(key, interval.lo) >= 0 &&
            Buffer.compare(key, interval.hi) < 0
          ) {
            return write;
          }
        }
      }
    }
    return null;
  }
}

/** Wraps read intervals as the opaque `ReadSet` of the engine contract. */
export function toReadSet(intervals: ReadIntervals): ReadSet {
  return intervals as unknown as ReadSet;
}

/** Unwraps an opaque `ReadSet`. */
export function fromReadSet(readSet: ReadSet): ReadIntervals {
  return readSet as unknown as ReadIntervals;
}

/** Wraps commit writes as the opaque `WriteSet` of the engine contract. */
export function toWriteSet(writes: CommitWrites): WriteSet {
  return writes as unknown as WriteSet;
}

/** Unwraps an opaque `WriteSet`. */
export function fromWriteSet(writeSet: WriteSet): CommitWrites {
  return writeSet as unknown as CommitWrites;
}
