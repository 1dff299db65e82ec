import type { SchemaJson } from "../engine/functions";
import type { Catalog } from "../storage/catalog";
import type { Document } from "../storage/document-store";
import {
  checkPageRequest,
  type Page,
  type PageRequest,
} from "../transactions/pagination";
import { QueryStream, type SerializedQuery } from "../transactions/query";
import type { Transaction } from "../transactions/transaction";
import { findSearchIndex, splitIndexName } from "./indexes";
import {
  compareHits,
  planSearch,
  runTextSearch,
  type SearchFilter,
  type SearchHit,
} from "./text-search";

type SearchSource = { type: "Search"; indexName: string; filters: unknown[] };

/** Returns the search source of a serialized query, or null for others. */
export function searchSource(query: SerializedQuery): SearchSource | null {
  return query.source.type === "Search" ? query.source : null;
}

function rankedHits(
  tx: Transaction,
  catalog: Catalog,
  namespace: string,
  schema: SchemaJson | null,
  source: SearchSource,
): SearchHit[] {
  const definition = findSearchIndex(schema, source.indexName);
  const plan = planSearch(
    source.indexName,
    definition,
    source.filters as SearchFilter[],
  );
  const { tableName, indexName } = splitIndexName(source.indexName);
  const table = catalog.ensureTable(namespace, tableName);
  const backing = table.indexes.get(indexName);
  if (!backing) {
    throw new Error(`Index ${source.indexName} not found.`);
  }
  return runTextSearch(tx, table, backing, definition, plan);
}

/** Iterates ranked hits in the shape `QueryStream` reads from a scan. */
class HitScan {
  private position = 0;

  constructor(private readonly hits: SearchHit[]) {}

  next(): { key: Buffer; doc: Document } | null {
    const hit = this.hits[this.position++];
    return hit ? { key: Buffer.alloc(0), doc: hit.doc } : null;
  }
}

/** Opens a `1.0/queryStream` stream over a search query's ranked results. */
export function openSearchStream(
  tx: Transaction,
  catalog: Catalog,
  namespace: string,
  schema: SchemaJson | null,
  query: SerializedQuery,
): QueryStream {
  const hits = rankedHits(tx, catalog, namespace, schema, searchSource(query)!);
  return new QueryStream(new HitScan(hits), query.operators);
}

const END_CURSOR = "_end";

/** Search cursors: `s` and the base64url JSON of the last hit's sort key. */
function encodeCursor(hit: SearchHit): string {
  const key = [hit.score, hit.doc._creationTime, hit.doc._id];
  return `s${Buffer.from(JSON.stringify(key)).toString("base64url")}`;
}

function decodeCursor(cursor: string): SearchHit {
  const invalid = () =>
    new Error(`InvalidCursor: Failed to parse cursor "${cursor}"`);
  if (!cursor.startsWith("s")) throw invalid();
  try {
    const [score, creationTime, id] = JSON.parse(
      Buffer.from(cursor.slice(1), "base64url").toString(),
    ) as [number, number, string];
    return { score, doc: { _creationTime: creationTime, _id: id } };
  } catch {
    throw invalid();
  }
}

/**
 * Reads one page of search results. Pages follow the relevance order, and
 * a cursor names the last hit returned, so the next page starts after it.
 *
 * NOTE: scores move when documents change, so a hit can move across a
 * page boundary between two page reads.
 */
export function readSearchPage(
  tx: Transaction,
  catalog: Catalog,
  namespace: string,
  schema: SchemaJson | null,
  query: SerializedQuery,
  request: PageRequest,
): Page {
  checkPageRequest(request);
  if (request.cursor === END_CURSOR) {
    return {
      page: [],
      isDone: true,
      continueCursor: END_CURSOR,
      splitCursor: null,
      pageStatus: null,
    };
  }
  const hits = rankedHits(tx, catalog, namespace, schema, searchSource(query)!);
  const start = request.cursor === null ? null : decodeCursor(request.cursor);
  const end =
    request.endCursor === null || request.endCursor === END_CURSOR
      ? null
      : decodeCursor(request.endCursor);
  const remaining = hits.filter(
    (hit) =>
      (start === null || compareHits(hit, start) > 0) &&
      (end === null || compareHits(hit, end) <= 0),
  );

  const stream = new QueryStream(new HitScan(remaining), query.operators);
  const page: Document[] = [];
  let last: SearchHit | null = null;
  const hitOf = new Map(remaining.map((hit) => [hit.doc, hit]));
  const bounded = request.endCursor !== null;
  for (;;) {
    if (!bounded && page.length >= request.pageSize) {
      return {
        page,
        isDone: false,
        continueCursor: encodeCursor(last!),
        splitCursor: null,
        pageStatus: null,
      };
    }
    const entry = stream.next();
    if (!entry) break;
    page.push(entry.doc);
    last = hitOf.get(entry.doc)!;
  }

  const reachedEnd = end === null;
  return {
    page,
    isDone: reachedEnd,
    continueCursor: reachedEnd ? END_CURSOR : request.endCursor!,
    splitCursor: null,
    pageStatus: null,
  };
}
