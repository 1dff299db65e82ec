import type { Value } from "convex/values";
import {
  BY_CREATION_TIME,
  isPrivateSystemTable,
  type TableInfo,
} from "../storage/catalog";
import type { Document } from "../storage/document-store";
import { encodeKey, encodeValue, prefixEnd } from "../storage/key-encoding";
import { decodeOrUndefined, evaluate } from "./filters";
import type { IndexScan, Transaction } from "./transaction";

type RangeExpression = {
  type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte";
  fieldPath: string;
  value: unknown;
};

/** A query as `QueryImpl` serializes it for `1.0/queryStream`. */
export type SerializedQuery = {
  source:
    | { type: "FullTableScan"; tableName: string; order: "asc" | "desc" | null }
    | {
        type: "IndexRange";
        indexName: string;
        range: RangeExpression[];
        order: "asc" | "desc" | null;
      }
    | { type: "Search"; indexName: string; filters: unknown[] };
  operators: ({ filter: unknown } | { limit: number })[];
};

/** A planned query: one index range and the operators applied to it. */
export type QueryPlan = {
  table: TableInfo;
  indexId: number;
  lo: Buffer;
  hi: Buffer;
  order: "asc" | "desc";
  operators: SerializedQuery["operators"];
};

/** Resolves a serialized query to an index range of a namespace's table. */
export function planQuery(
  tx: Transaction,
  namespace: string,
  query: SerializedQuery,
): QueryPlan {
  const source = query.source;
  if (source.type === "Search") {
    // Callers send search queries to src/search/search-query.ts, which
    // ranks hits instead of scanning an index range.
    throw new Error("A text search query cannot be planned as an index scan");
  }
  const tableName =
    source.type === "FullTableScan"
      ? source.tableName
      : source.indexName.slice(0, source.indexName.lastIndexOf("."));
  const indexName =
    source.type === "FullTableScan"
      ? BY_CREATION_TIME
      : source.indexName.slice(source.indexName.lastIndexOf(".") + 1);

  if (isPrivateSystemTable(tableName)) {
    throw new Error(`Unknown system table "${tableName}"`);
  }
  const table = tx.catalog.ensureTable(namespace, tableName);
  const index = table.indexes.get(indexName);
  if (!index) {
    throw new Error(`Index ${tableName}.${indexName} not found.`);
  }

  const range = source.type === "IndexRange" ? source.range : [];
  const equal: (Value | undefined)[] = [];
  let lower: RangeExpression | undefined;
  let upper: RangeExpression | undefined;
  for (const expr of range) {
    const position = equal.length;
    const expected = index.fields[position];
    if (expr.fieldPath !== expected) {
      throw new Error(
        `Uh oh! Index range on ${tableName}.${indexName} uses field "${expr.fieldPath}" where "${expected}" comes next in the index.`,
      );
    }
    if (expr.type === "Eq") {
      if (lower || upper) {
        throw new Error("An equality bound cannot follow a range bound.");
      }
      equal.push(decodeOrUndefined(expr.value));
    } else if (expr.type === "Gt" || expr.type === "Gte") {
      lower = expr;
    } else {
      upper = expr;
    }
  }

  const prefix = encodeKey(equal);
  const bound = (expr: RangeExpression) =>
    Buffer.concat([prefix, encodeValue(decodeOrUndefined(expr.value))]);
  let lo = prefix;
  if (lower) lo = lower.type === "Gte" ? bound(lower) : prefixEnd(bound(lower));
  let hi = prefixEnd(prefix);
  if (upper) hi = upper.type === "Lt" ? bound(upper) : prefixEnd(bound(upper));

  if (query.operators.length > 256) {
    throw new Error("A query may have at most 256 operators.");
  }
  return {
    table,
    indexId: index.indexId,
    lo,
    hi,
    order: source.order ?? "asc",
    operators: query.operators,
  };
}

/**
 * Runs a planned query one document at a time, applying filters and
 * limits in their serialized order.
 */
export class QueryStream {
  private readonly limitCounts: number[];
  private done = false;

  constructor(
    private readonly scan: Pick<IndexScan, "next"> &
      Partial<Pick<IndexScan, "hasMore">>,
    private readonly operators: SerializedQuery["operators"],
  ) {
    this.limitCounts = operators.map(() => 0);
    if (operators.some((op) => "limit" in op && op.limit <= 0)) {
      this.done = true;
    }
  }

  /**
   * Reports whether the next `next` call returns null: the stream is done,
   * or its index scan has no entries left.
   */
  endsNext(): boolean {
    return this.done || this.scan.hasMore?.() === false;
  }

  /** Returns the next document with its index key, or null when done. */
  next(): { key: Buffer; doc: Document } | null {
    while (!this.done) {
      const entry = this.scan.next();
      if (!entry) {
        this.done = true;
        return null;
      }
      if (this.passes(entry.doc)) {
        // Once any limit is full no further document can pass it.
        this.done = this.operators.some(
          (op, i) => "limit" in op && this.limitCounts[i]! >= op.limit,
        );
        return entry;
      }
    }
    return null;
  }

  private passes(doc: Document): boolean {
    for (let i = 0; i < this.operators.length; i++) {
      const op = this.operators[i]!;
      if ("filter" in op) {
        if (evaluate(op.filter, doc) !== true) return false;
      } else {
        this.limitCounts[i]! += 1;
      }
    }
    return true;
  }
}
