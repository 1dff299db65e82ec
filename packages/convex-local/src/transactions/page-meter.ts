import { documentJson, type Document } from "../storage/document-store";
import { TRANSACTION_LIMITS } from "./limits";
import type { IndexScan } from "./transaction";

/**
 * Page limits of Convex's `queryPage` (crates/database/src/query and
 * crates/isolate/src/environment/udf/async_syscall.rs in convex-backend):
 * a page is recommended for splitting past three quarters of a read limit
 * or of the 8192-element array limit.
 */
export const SOFT_MAX_PAGE_LENGTH = (8192 * 3) / 4;

function softLimit(hard: number): number {
  return Math.floor((hard * 3) / 4);
}

/**
 * Wraps the index scan of one page: counts the rows and bytes read, keeps
 * each row's key for the split cursor, and stops the scan once
 * `maximumRowsRead` or `maximumBytesRead` is reached. At least one row is
 * always read, so a page makes progress.
 */
export class PageMeter {
  rowsRead = 0;
  bytesRead = 0;
  /** Set when a maximum stopped the scan before the range ended. */
  limitReached = false;
  readonly keys: Buffer[] = [];

  constructor(
    private readonly scan: IndexScan,
    private readonly maximumRowsRead: number | null,
    private readonly maximumBytesRead: number | null,
  ) {}

  next(): { key: Buffer; doc: Document } | null {
    const overRows =
      this.maximumRowsRead !== null && this.rowsRead >= this.maximumRowsRead;
    const overBytes =
      this.maximumBytesRead !== null && this.bytesRead >= this.maximumBytesRead;
    if (overRows || overBytes) {
      this.limitReached = true;
      return null;
    }
    const entry = this.scan.next();
    if (!entry) return null;
    this.rowsRead += 1;
    // NOTE: the JSON length is an estimate of the size Convex measures.
    this.bytesRead += documentJson(entry.doc).length;
    this.keys.push(entry.key);
    return entry;
  }

  /** Returns the key halfway through the rows read, once more than two were. */
  splitKey(): Buffer | null {
    if (this.keys.length <= 2) return null;
    return this.keys[Math.floor(this.keys.length / 2)]!;
  }

  /** Returns the key of the last row read, which a continuation starts after. */
  lastKey(): Buffer | null {
    return this.keys[this.keys.length - 1] ?? null;
  }

  /** True past three quarters of a read limit or of the page length limit. */
  approachingLimit(pageLength: number): boolean {
    const rows = Math.min(
      this.maximumRowsRead ?? TRANSACTION_LIMITS.documentsRead,
      TRANSACTION_LIMITS.documentsRead,
    );
    const bytes = Math.min(
      this.maximumBytesRead ?? TRANSACTION_LIMITS.bytesRead,
      TRANSACTION_LIMITS.bytesRead,
    );
    return (
      this.rowsRead > softLimit(rows) ||
      this.bytesRead > softLimit(bytes) ||
      pageLength > SOFT_MAX_PAGE_LENGTH
    );
  }
}
