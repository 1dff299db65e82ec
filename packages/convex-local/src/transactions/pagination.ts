import type { Document } from "../storage/document-store";
import { keySuccessor } from "../storage/key-encoding";
import { QueryStream, type QueryPlan } from "./query";
import type { Transaction } from "./transaction";

/** The fields of a `1.0/queryPage` request that shape the page. */
export type PageRequest = {
  cursor: string | null;
  endCursor: string | null;
  pageSize: number;
  maximumRowsRead: number | null;
  maximumBytesRead?: number | null;
};

/** One page, as `1.0/queryPage` returns it (documents still as values). */
export type Page = {
  page: Document[];
  isDone: boolean;
  continueCursor: string;
  splitCursor: string | null;
  pageStatus: "SplitRecommended" | "SplitRequired" | null;
};

/** The cursor that stands for the end of the query range. */
const END_CURSOR = "_end";

/** Cursors are opaque: `k` and the base64url key of the last row read. */
function encodeCursor(key: Buffer): string {
  return `k${key.toString("base64url")}`;
}

function decodeCursor(cursor: string): Buffer | "end" {
  if (cursor === END_CURSOR) return "end";
  if (!cursor.startsWith("k")) {
    throw new Error(`InvalidCursor: Failed to parse cursor "${cursor}"`);
  }
  return Buffer.from(cursor.slice(1), "base64url");
}

/**
 * Reads one page of a planned query. Without `endCursor` the page stops
 * after `pageSize` documents. With it, the page runs to that cursor, so a
 * re-run of a reactive query keeps its page boundary.
 */
export function readPage(
  tx: Transaction,
  plan: QueryPlan,
  request: PageRequest,
): Page {
  if (!(request.pageSize > 0)) {
    throw new Error("`numItems` must be greater than 0 for a paginated query");
  }
  if (request.maximumRowsRead === 0 || request.maximumBytesRead === 0) {
    throw new Error(
      "`maximumRowsRead` and `maximumBytesRead` must be greater than 0",
    );
  }

  let lo = plan.lo;
  let hi = plan.hi;
  const start = request.cursor === null ? null : decodeCursor(request.cursor);
  if (start === "end") {
    return {
      page: [],
      isDone: true,
      continueCursor: END_CURSOR,
      splitCursor: null,
      pageStatus: null,
    };
  }
  if (start) {
    if (plan.order === "asc") lo = keySuccessor(start);
    else hi = start;
  }
  const end =
    request.endCursor === null ? null : decodeCursor(request.endCursor);
  if (end && end !== "end") {
    if (plan.order === "asc") hi = keySuccessor(end);
    else lo = end;
  }

  const { index } = tx.catalog.index(plan.indexId)!;
  const scan = tx.scan(plan.table, index, lo, hi, plan.order);
  const stream = new QueryStream(scan, plan.operators);

  const page: Document[] = [];
  let lastKey: Buffer | null = null;
  let rowsRead = 0;

  for (;;) {
    if (end === null && page.length >= request.pageSize) break;
    if (
      request.maximumRowsRead !== null &&
      rowsRead >= request.maximumRowsRead
    ) {
      return {
        page,
        isDone: false,
        continueCursor: lastKey
          ? encodeCursor(lastKey)
          : (request.cursor ?? END_CURSOR),
        splitCursor: null,
        pageStatus: "SplitRequired",
      };
    }
    const entry = stream.next();
    if (!entry) {
      const reachedEnd = end === null || end === "end";
      return {
        page,
        isDone: reachedEnd,
        continueCursor: reachedEnd ? END_CURSOR : request.endCursor!,
        splitCursor: null,
        pageStatus: null,
      };
    }
    rowsRead += 1;
    page.push(entry.doc);
    lastKey = entry.key;
  }
  return {
    page,
    isDone: false,
    continueCursor: encodeCursor(lastKey!),
    splitCursor: null,
    pageStatus: null,
  };
}
