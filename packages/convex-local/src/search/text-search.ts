import { compareValues, type Value } from "convex/values";
import type { IndexInfo, TableInfo } from "../storage/catalog";
import { readField, type Document } from "../storage/document-store";
import { encodeKey, prefixEnd } from "../storage/key-encoding";
import { decodeOrUndefined } from "../transactions/filters";
import type { Transaction } from "../transactions/transaction";
import type { SearchIndexDefinition } from "./indexes";
import { queryTerms, tokenize } from "./tokenize";

/** One filter of a serialized `withSearchIndex` query. */
export type SearchFilter =
  | { type: "Search"; fieldPath: string; value: string }
  | { type: "Eq"; fieldPath: string; value: unknown };

/** A document found by a search, with its relevance score. */
export type SearchHit = { doc: Document; score: number };

/**
 * Limits of Convex text search (crates/search/src/constants.rs): at most
 * 1024 candidate documents are ranked, and at most 8 equality filters.
 */
export const MAX_SEARCH_RESULTS = 1024;
export const MAX_FILTER_CONDITIONS = 8;

/** BM25 parameters, tantivy's defaults, which Convex search uses. */
const K1 = 1.2;
const B = 0.75;

/** A search query checked against its index. */
export type SearchPlan = {
  terms: string[];
  equal: { fieldPath: string; value: Value | undefined }[];
};

/**
 * Builds a bad-request error. Convex shows users only the message and
 * keeps the short code for logs, so the code goes in `code`.
 */
export function badRequest(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Checks the filters of a search query with Convex's error texts. */
export function planSearch(
  fullName: string,
  index: SearchIndexDefinition,
  filters: SearchFilter[],
): SearchPlan {
  let text: string | null = null;
  const equal: SearchPlan["equal"] = [];
  for (const filter of filters) {
    if (filter.type === "Search") {
      if (filter.fieldPath !== index.searchField) {
        throw badRequest(
          "IncorrectSearchField",
          `Search query against ${fullName} contains a search filter against "${filter.fieldPath}", which doesn't match the indexed \`searchField\` "${index.searchField}".`,
        );
      }
      if (text !== null) {
        throw badRequest(
          "DuplicateSearchFiltersError",
          `Search query against ${fullName} contains multiple search filters against "${filter.fieldPath}". Only one is allowed.`,
        );
      }
      text = filter.value;
    } else {
      if (!index.filterFields.includes(filter.fieldPath)) {
        throw badRequest(
          "IncorrectFilterFieldError",
          `Search query against ${fullName} contains an equality filter on "${filter.fieldPath}" but that field isn't indexed for filtering in \`filterFields\`.`,
        );
      }
      equal.push({
        fieldPath: filter.fieldPath,
        value: decodeOrUndefined(filter.value),
      });
    }
  }
  if (text === null) {
    throw badRequest(
      "MissingSearchFilterError",
      `Search query against ${fullName} does not contain any search filters. You must include a search filter like \`q.search("${index.searchField}", searchText)\`.`,
    );
  }
  if (equal.length > MAX_FILTER_CONDITIONS) {
    throw badRequest(
      "TooManyFilterConditionsInSearchQueryError",
      `Search query against ${fullName} has too many filter conditions. Max: ${MAX_FILTER_CONDITIONS} Actual: ${equal.length}`,
    );
  }
  return { terms: queryTerms(text), equal };
}

/**
 * Scans the backing index over the range that the leading equality
 * filters select, so the read set covers exactly the documents that could
 * enter or leave the result. Other equality filters are checked per
 * document.
 */
function scanCandidates(
  tx: Transaction,
  table: TableInfo,
  backing: IndexInfo,
  definition: SearchIndexDefinition,
  plan: SearchPlan,
): Document[] {
  const byField = new Map(plan.equal.map((eq) => [eq.fieldPath, eq.value]));
  const prefix: (Value | undefined)[] = [];
  for (const field of definition.filterFields) {
    if (!byField.has(field)) break;
    prefix.push(byField.get(field));
  }
  const lo = encodeKey(prefix);
  const scan = tx.scan(table, backing, lo, prefixEnd(lo), "asc");
  const candidates: Document[] = [];
  for (let entry = scan.next(); entry; entry = scan.next()) {
    const doc = entry.doc;
    const matches = plan.equal.every(
      (eq) => compareValues(readField(doc, eq.fieldPath), eq.value) === 0,
    );
    if (matches) candidates.push(doc);
  }
  return candidates;
}

/**
 * Runs a text search: documents that contain at least one query term,
 * where the last term also matches as a prefix, ranked by BM25 over the
 * search field (ties: newest first), at most `MAX_SEARCH_RESULTS`.
 *
 * NOTE: term statistics (document count, average length, document
 * frequency) come from the documents that pass the equality filters, and
 * Convex's typo tolerance is not implemented, so scores and the order of
 * close results can differ from Convex.
 */
export function runTextSearch(
  tx: Transaction,
  table: TableInfo,
  backing: IndexInfo,
  definition: SearchIndexDefinition,
  plan: SearchPlan,
): SearchHit[] {
  if (plan.terms.length === 0) return [];
  const documents = scanCandidates(tx, table, backing, definition, plan).map(
    (doc) => {
      const value = readField(doc, definition.searchField);
      const terms = typeof value === "string" ? tokenize(value) : [];
      const frequencies = new Map<string, number>();
      for (const term of terms) {
        frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      }
      return { doc, length: terms.length, frequencies };
    },
  );
  const indexed = documents.filter((entry) => entry.length > 0);
  const count = indexed.length;
  const averageLength =
    indexed.reduce((sum, entry) => sum + entry.length, 0) / Math.max(count, 1);

  // Each query term expands to the document terms it matches: itself, and
  // for the last term every term that starts with it.
  const lastIndex = plan.terms.length - 1;
  const expand = (frequencies: Map<string, number>) => {
    const matched = new Set<string>();
    plan.terms.forEach((queryTerm, i) => {
      if (frequencies.has(queryTerm)) matched.add(queryTerm);
      if (i === lastIndex) {
        for (const term of frequencies.keys()) {
          if (term.startsWith(queryTerm)) matched.add(term);
        }
      }
    });
    return matched;
  };

  const documentFrequency = new Map<string, number>();
  const matches = indexed.map((entry) => {
    const matched = expand(entry.frequencies);
    for (const term of matched) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    return { entry, matched };
  });

  const hits: SearchHit[] = [];
  for (const { entry, matched } of matches) {
    if (matched.size === 0) continue;
    let score = 0;
    for (const term of matched) {
      const df = documentFrequency.get(term)!;
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      const tf = entry.frequencies.get(term)!;
      const norm = K1 * (1 - B + (B * entry.length) / averageLength);
      score += (idf * (tf * (K1 + 1))) / (tf + norm);
    }
    hits.push({ doc: entry.doc, score });
  }
  hits.sort(compareHits);
  return hits.slice(0, MAX_SEARCH_RESULTS);
}

/** Orders hits by score, then newest first, then by ID. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  if (a.score !== b.score) return b.score - a.score;
  const at = a.doc._creationTime as number;
  const bt = b.doc._creationTime as number;
  if (at !== bt) return bt - at;
  const aId = a.doc._id as string;
  const bId = b.doc._id as string;
  if (aId === bId) return 0;
  return aId < bId ? -1 : 1;
}
