import { compareValues, jsonToConvex, type Value } from "convex/values";
import type { SchemaJson } from "../engine/functions";
import type { Catalog } from "../storage/catalog";
import { readField, type Document } from "../storage/document-store";
import { encodeKey, prefixEnd } from "../storage/key-encoding";
import type { Transaction } from "../transactions/transaction";
import { findVectorIndex, splitIndexName } from "./indexes";
import { badRequest } from "./text-search";

/** Limits of Convex vector search (crates/vector/src/lib.rs). */
export const MAX_VECTOR_RESULTS = 256;
export const DEFAULT_VECTOR_LIMIT = 10;
export const MAX_FILTER_LENGTH = 64;

/** The `query` of a `1.0/actions/vectorSearch` syscall. */
export type VectorQuery = {
  indexName: string;
  limit?: number | null;
  vector: number[];
  expressions: unknown;
};

/** One vector search result, as `ctx.vectorSearch` returns it. */
export type VectorResult = { _id: string; _score: number };

type Condition = { fieldPath: string; value: Value | undefined };

/** Flattens a filter of `q.eq` and `q.or` into alternative conditions. */
function conditions(
  expression: unknown,
  fullName: string,
  filterFields: string[],
): Condition[] {
  const node = expression as Record<string, unknown>;
  if (Array.isArray(node.$or)) {
    return node.$or.flatMap((inner) =>
      conditions(inner, fullName, filterFields),
    );
  }
  if (Array.isArray(node.$eq)) {
    const [field, literal] = node.$eq as [
      { $field?: string },
      { $literal?: unknown },
    ];
    const fieldPath = field?.$field;
    if (typeof fieldPath !== "string" || !("$literal" in (literal ?? {}))) {
      throw new Error(
        "Vector search filters must compare a field with a value: use q.eq(field, value).",
      );
    }
    if (!filterFields.includes(fieldPath)) {
      throw badRequest(
        "IncorrectVectorFilterField",
        `Vector query against ${fullName} contains a filter on "${fieldPath}" but that field isn't indexed for filtering in \`filterFields\`.`,
      );
    }
    const json = literal.$literal as Record<string, unknown> | null;
    const value =
      json !== null && typeof json === "object" && "$undefined" in json
        ? undefined
        : (jsonToConvex(json as never) as Value);
    return [{ fieldPath, value }];
  }
  throw new Error(
    "Vector search filters support only q.eq and q.or expressions.",
  );
}

function cosineSimilarity(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  const norm = Math.sqrt(normA) * Math.sqrt(normB);
  return norm === 0 ? 0 : dot / norm;
}

/**
 * Runs a vector search over the documents visible to `tx`: documents whose
 * vector field has the index's dimensions and that match any filter
 * condition, scored by cosine similarity (-1 to 1), best first.
 *
 * NOTE: this scans every document of the table, where Convex searches an
 * approximate nearest-neighbor index, so results are exact here.
 */
export function runVectorSearch(
  tx: Transaction,
  catalog: Catalog,
  namespace: string,
  schema: SchemaJson | null,
  query: VectorQuery,
): VectorResult[] {
  const fullName = query.indexName;
  const definition = findVectorIndex(schema, fullName);
  const limit = query.limit ?? DEFAULT_VECTOR_LIMIT;
  if (limit > MAX_VECTOR_RESULTS) {
    throw badRequest(
      "VectorLimitTooLargeError",
      `Vector queries can fetch at most ${MAX_VECTOR_RESULTS} results, requested ${limit}.`,
    );
  }
  // NOTE: Convex reads the limit as an unsigned integer, so the text for a
  // limit below 1 is this backend's own.
  if (!Number.isInteger(limit) || limit < 1) {
    throw badRequest(
      "InvalidVectorLimit",
      `Vector queries must fetch between 1 and ${MAX_VECTOR_RESULTS} results, requested ${limit}.`,
    );
  }
  if (query.vector.length !== definition.dimensions) {
    throw badRequest(
      "VectorDimensionsMismatch",
      `Expected a vector with dimensions ${definition.dimensions}, received ${query.vector.length}.`,
    );
  }
  const alternatives =
    query.expressions === null || query.expressions === undefined
      ? null
      : conditions(query.expressions, fullName, definition.filterFields);
  if (alternatives && alternatives.length > MAX_FILTER_LENGTH) {
    throw badRequest(
      "TooManyVectorFilterConditions",
      `Vector query against ${fullName} has too many filter conditions. Max: ${MAX_FILTER_LENGTH} Actual: ${alternatives.length}`,
    );
  }

  const { tableName, indexName } = splitIndexName(fullName);
  const table = catalog.table(namespace, tableName);
  const backing = table?.indexes.get(indexName);
  if (!table || !backing) return [];
  const matches = (doc: Document) =>
    alternatives === null ||
    alternatives.some(
      (condition) =>
        compareValues(readField(doc, condition.fieldPath), condition.value) ===
        0,
    );

  const scored: VectorResult[] = [];
  const lo = encodeKey([]);
  const scan = tx.scan(table, backing, lo, prefixEnd(lo), "asc");
  for (let entry = scan.next(); entry; entry = scan.next()) {
    const vector = readField(entry.doc, definition.vectorField);
    if (!Array.isArray(vector) || vector.length !== definition.dimensions) {
      continue;
    }
    if (!matches(entry.doc)) continue;
    scored.push({
      _id: entry.doc._id as string,
      _score: cosineSimilarity(query.vector, vector as number[]),
    });
  }
  scored.sort((a, b) => b._score - a._score);
  return scored.slice(0, limit);
}
