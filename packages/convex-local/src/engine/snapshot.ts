import { convexToJson, jsonToConvex, type Value } from "convex/values";
import { decodeId, encodeId, newInternalId } from "../ids";
import { BY_CREATION_TIME } from "../storage/catalog";
import type { Document } from "../storage/document-store";
import type { Executor } from "./executor";
import type { ConvexJson } from "./types";

/** One exported document with the table it belongs to. */
export type ExportedDocument = {
  componentPath: string;
  table: string;
  /** The document in `convexToJson` form, system fields included. */
  document: ConvexJson;
};

/** Documents written per import transaction, well under the write limit. */
const IMPORT_BATCH = 1000;

/**
 * Yields every document of every user table at snapshot `ts`, table by
 * table in `_creationTime` order. Documents are read lazily, a batch at a
 * time. System tables (`_scheduled_functions`, `_storage`) are skipped.
 */
export function* exportDocuments(
  executor: Executor,
  ts: bigint,
): Generator<ExportedDocument> {
  const { catalog, store } = executor;
  for (const namespace of catalog.namespaces()) {
    for (const table of catalog.tables(namespace)) {
      if (table.name.startsWith("_")) continue;
      const index = table.indexes.get(BY_CREATION_TIME)!;
      const entries = store.scan(
        index.indexId,
        Buffer.alloc(0),
        Buffer.from([0xff]),
        ts,
        "asc",
      );
      for (const entry of entries) {
        const doc = store.load(table.tableId, entry.id, ts);
        yield {
          componentPath: namespace,
          table: table.name,
          document: convexToJson(doc) as ConvexJson,
        };
      }
    }
  }
}

/** Throws when `tableName` is a system table, which imports cannot write. */
export function checkImportTable(tableName: string): void {
  if (tableName.startsWith("_")) {
    throw new Error(`Cannot import into the system table "${tableName}"`);
  }
}

/**
 * Inserts documents into one table, in transactions of `IMPORT_BATCH`.
 * A document keeps its `_id` and `_creationTime` when the ID belongs to
 * this table and is not taken yet; otherwise it gets new ones. Documents
 * are checked against the component's schema. Returns the IDs in order.
 */
export async function importDocuments(
  executor: Executor,
  componentPath: string,
  tableName: string,
  documents: ConvexJson[],
): Promise<string[]> {
  checkImportTable(tableName);
  requireComponent(executor, componentPath);
  const table = executor.catalog.ensureTable(componentPath, tableName);
  const ids: string[] = [];
  for (let start = 0; start < documents.length; start += IMPORT_BATCH) {
    const batch = documents.slice(start, start + IMPORT_BATCH);
    const { value } = await executor.runSystemMutation(componentPath, (tx) =>
      batch.map((json) => {
        const value = jsonToConvex(json as never) as Record<string, Value>;
        const { _id: givenId, _creationTime: givenTime, ...fields } = value;
        const decoded = typeof givenId === "string" ? decodeId(givenId) : null;
        const keepId =
          decoded !== null &&
          decoded.tableNumber === table.number &&
          tx.get(table, givenId as string) === null;
        const doc: Document = {
          ...fields,
          _id: keepId
            ? (givenId as string)
            : encodeId(table.number, newInternalId()),
          _creationTime:
            keepId && typeof givenTime === "number"
              ? givenTime
              : tx.takeCreationTime(),
        };
        executor.validateDocument(componentPath, tableName, doc);
        tx.insert(table, doc);
        return doc._id as string;
      }),
    );
    ids.push(...value);
  }
  return ids;
}

function requireComponent(executor: Executor, componentPath: string) {
  if (executor.app.has(componentPath)) return;
  const known = [...executor.app.keys()].map((key) => JSON.stringify(key));
  throw new Error(
    `Component "${componentPath}" not found. Known component paths: ${known.join(", ")}`,
  );
}

/** Counts the documents of a user table at the latest timestamp. */
export function countDocuments(
  executor: Executor,
  componentPath: string,
  tableName: string,
): number {
  const table = executor.catalog.table(componentPath, tableName);
  if (!table) return 0;
  const index = table.indexes.get(BY_CREATION_TIME)!;
  let count = 0;
  const entries = executor.store.scan(
    index.indexId,
    Buffer.alloc(0),
    Buffer.from([0xff]),
    executor.store.latestTs(),
    "asc",
  );
  for (const _entry of entries) count += 1;
  return count;
}

/**
 * Deletes every document of a user table, in transactions of
 * `IMPORT_BATCH` deletions, until a snapshot shows the table empty.
 * Returns the number of documents deleted.
 */
export async function clearTable(
  executor: Executor,
  componentPath: string,
  tableName: string,
): Promise<number> {
  if (tableName.startsWith("_")) {
    throw new Error(`Cannot clear the system table "${tableName}"`);
  }
  requireComponent(executor, componentPath);
  const table = executor.catalog.table(componentPath, tableName);
  if (!table) return 0;
  const index = table.indexes.get(BY_CREATION_TIME)!;
  let deleted = 0;
  for (;;) {
    const { value } = await executor.runSystemMutation(componentPath, (tx) => {
      let batch = 0;
      const entries = executor.store.scan(
        index.indexId,
        Buffer.alloc(0),
        Buffer.from([0xff]),
        tx.snapshotTs,
        "asc",
      );
      for (const entry of entries) {
        tx.update(table, entry.id, null);
        batch += 1;
        if (batch === IMPORT_BATCH) break;
      }
      return batch;
    });
    deleted += value;
    if (value < IMPORT_BATCH) return deleted;
  }
}
