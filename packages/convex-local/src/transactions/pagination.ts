import type { Document } from "../storage/document-store";
import { keySuccessor } from "../storage/key-encoding";
import { TRANSACTION_LIMITS } from "./limits";
import { PageMeter } from "./page-meter";
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
  checkPageRequest(request);

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

  // With an end cursor the whole range must be read, so the maximums do
  // not apply, as in Convex.
  const { index } = tx.catalog.index(plan.indexId)!;
  const meter = new PageMeter(
    tx.scan(plan.table, index, lo, hi, plan.order),
    end === null ? request.maximumRowsRead : null,
    end === null ? (request.maximumBytesRead ?? null) : null,
  );
  const stream = new QueryStream(meter, plan.operators);

  const page: Document[] = [];
  let reachedEnd = false;
  while (end !== null || page.length < request.pageSize) {
    const entry = stream.next();
    if (!entry) {
      reachedEnd = !meter.limitReached;
      break;
    }
    page.push(entry.doc);
  }

  const split = meter.splitKey();
  const splitCursor = split ? encodeCursor(split) : null;
  if (meter.limitReached) {
    const last = meter.lastKey();
    return {
      page,
      isDone: false,
      continueCursor: last
        ? encodeCursor(last)
        : (request.cursor ?? END_CURSOR),
      splitCursor,
      pageStatus: "SplitRequired",
    };
  }
  const pageStatus = meter.approachingLimit(page.length)
    ? "SplitRecommended"
    : null;
  if (reachedEnd) {
    const done = end === null || end === "end";
    return {
      page,
      isDone: done,
      continueCursor: done ? END_CURSOR : request.endCursor!,
      splitCursor,
      pageStatus,
    };
  }
  return {
    page,
    isDone: false,
    continueCursor: encodeCursor(meter.lastKey()!),
    splitCursor,
    pageStatus,
  };
}

/**
 * Checks the sizes of a `1.0/queryPage` request with Convex's texts
 * (crates/isolate/src/environment/udf/async_syscall.rs).
 */
export function checkPageRequest(request: PageRequest) {
  if (!(request.pageSize > 0)) {
    throw new Error("Must request at least 1 document while paginating");
  }
  if (request.pageSize > TRANSACTION_LIMITS.documentsRead) {
    throw new Error(`Requested too many items: ${request.pageSize}`);
  }
  if (request.maximumRowsRead === 0 || request.maximumBytesRead === 0) {
    throw new Error(
      "maximumRowsRead and maximumBytesRead must be greater than 0",
    );
  }
}
