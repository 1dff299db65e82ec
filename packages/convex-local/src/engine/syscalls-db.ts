import { convexToJson, jsonToConvex, type Value } from "convex/values";
import {
  decodeId,
  encodeId,
  newInternalId,
  parseId,
  parseLegacyInternalId,
} from "../ids";
import { isPrivateSystemTable, type TableInfo } from "../storage/catalog";
import { documentJson, type Document } from "../storage/document-store";
import { decodeOrUndefined } from "../transactions/filters";
import {
  planQuery,
  QueryStream,
  type SerializedQuery,
} from "../transactions/query";
import { readPage, type PageRequest } from "../transactions/pagination";
import type { DocumentShape, Transaction } from "../transactions/transaction";
import {
  openSearchStream,
  readSearchPage,
  searchSource,
} from "../search/search-query";
import type { ExecContext } from "./execution";
import { convexValueSize, formatBinarySize } from "../runtime/value-size";
import type { Executor } from "./executor";

type Args = Record<string, unknown>;

const SYSTEM_FIELDS = ["_id", "_creationTime"];

/** Query stream ids, unique in the process so a stale id never matches. */
let nextQueryId = 0;

function namespaceOf(context: ExecContext): string {
  return context.component.node.path;
}

function requireTx(context: ExecContext): Transaction {
  if (!context.tx) {
    throw new Error(
      "Database access is only available in queries and mutations",
    );
  }
  return context.tx;
}

function requireWritable(context: ExecContext): Transaction {
  const tx = requireTx(context);
  if (context.fn.kind !== "mutation") {
    throw new Error("Database writes are only allowed in mutations");
  }
  return tx;
}

/** A syscall result that is already a JSON string. */
export class RawJson {
  constructor(readonly text: string) {}
}

function docToJson(doc: Document | null): unknown {
  return doc === null ? null : convexToJson(doc);
}

function docToRawJson(doc: Document | null): string {
  return doc === null ? "null" : documentJson(doc);
}

/**
 * Resolves the table of an ID argument with Convex's texts
 * (`with_argument_error`, `check_table_name` and `resolve_idv6` in
 * convex-backend). Returns null for a valid ID whose table does not exist
 * when `missingTable` is "null", as `db.get` does.
 */
function tableForId(
  executor: Executor,
  context: ExecContext,
  args: Args,
  method: string,
  missingTable: "null" | "throw",
): TableInfo | null {
  const id = args.id;
  const invalid = (cause: string) =>
    new Error(`Invalid argument \`id\` for \`${method}\`: ${cause}`);
  if (typeof id !== "string") throw invalid(`${String(id)} is not a string`);
  const parsed = parseId(id);
  if (!parsed.ok) throw invalid(parsed.message);
  const found = executor.catalog.tableByNumber(
    namespaceOf(context),
    parsed.tableNumber,
  );
  const table = found && !isPrivateSystemTable(found.name) ? found : undefined;
  if (!table) {
    if (missingTable === "null") return null;
    throw invalid(`Table for ID "${id}" not found`);
  }
  if (typeof args.table === "string" && args.table !== table.name) {
    throw invalid(
      `expected to be an Id<"${args.table}">, got Id<"${table.name}"> instead.`,
    );
  }
  return table;
}

/**
 * Checks that a table is reached through `db.system` exactly when it is a
 * system table.
 */
function systemTableGuard(table: TableInfo, expectSystem: boolean) {
  const isSystem = table.name.startsWith("_");
  if (expectSystem && !isSystem) {
    throw new Error("User tables cannot be accessed with db.system.");
  }
  if (!expectSystem && isSystem) {
    throw new Error("System tables can only be accessed with db.system.");
  }
}

function tableForWrite(
  executor: Executor,
  context: ExecContext,
  args: Args,
  operation: string,
): TableInfo {
  const table = tableForId(
    executor,
    context,
    args,
    `db.${operation}`,
    "throw",
  )!;
  systemTableGuard(table, false);
  return table;
}

/** Document limits from the Convex docs (production/state/limits). */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
const MAX_FIELDS = 1024;
/**
 * Deepest nesting of arrays and objects in a document, the document itself
 * being level 1 (MAX_DOCUMENT_NESTING in crates/common/src/document.rs).
 */
export const MAX_DOCUMENT_NESTING = 16;
const MAX_ARRAY_LENGTH = 8192;

/**
 * Checks the nesting, field names, field counts and array lengths of a
 * value at nesting level `depth`, and returns its nesting level. Scalars
 * do not add a level, as in Convex's `Size::nesting`.
 */
function checkShape(value: Value, depth: number): number {
  if (value === null || typeof value !== "object") return depth - 1;
  if (value instanceof ArrayBuffer) return depth - 1;
  if (depth > MAX_DOCUMENT_NESTING) {
    throw new Error(
      `Document is too nested: the maximum nesting depth is ${MAX_DOCUMENT_NESTING}.`,
    );
  }
  let deepest = depth;
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_LENGTH) {
      throw new Error(
        `Array length is too long (${value.length} > maximum length ${MAX_ARRAY_LENGTH}).`,
      );
    }
    for (const item of value) {
      deepest = Math.max(deepest, checkShape(item, depth + 1));
    }
    return deepest;
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_FIELDS) {
    throw new Error(
      `Object has too many fields (${keys.length} > maximum number ${MAX_FIELDS}).`,
    );
  }
  for (const key of keys) {
    if (key.startsWith("$")) {
      throw new Error(
        `Field name ${key} starts with a '$', which is reserved.`,
      );
    }
    const field = (value as Record<string, Value>)[key]!;
    deepest = Math.max(deepest, checkShape(field, depth + 1));
  }
  return deepest;
}

/**
 * Checks a document's fields against Convex's document limits and returns
 * the size and nesting it measured, which the transaction keeps for the
 * largest-document warnings.
 */
function checkUserFields(value: Record<string, Value>): DocumentShape {
  const nesting = checkShape(value, 1);
  const size = convexValueSize(value);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new Error(
      `Value is too large (${formatBinarySize(size)} > maximum size ${formatBinarySize(MAX_DOCUMENT_BYTES)})`,
    );
  }
  return { size, nesting };
}

/** Handles the synchronous database syscalls. */
export function databaseSyscall(
  executor: Executor,
  context: ExecContext,
  op: string,
  args: Args,
): unknown {
  switch (op) {
    case "1.0/queryStream": {
      const tx = requireTx(context);
      const query = args.query as SerializedQuery;
      if (searchSource(query)) {
        const queryId = nextQueryId++;
        const stream = openSearchStream(
          tx,
          executor.catalog,
          namespaceOf(context),
          context.component.schema,
          query,
        );
        context.streams.set(queryId, stream);
        return { queryId };
      }
      const plan = planQuery(
        tx,
        namespaceOf(context),
        args.query as SerializedQuery,
      );
      const scan = tx.scan(
        plan.table,
        tx.catalog.index(plan.indexId)!.index,
        plan.lo,
        plan.hi,
        plan.order,
      );
      const queryId = nextQueryId++;
      context.streams.set(queryId, new QueryStream(scan, plan.operators));
      return { queryId };
    }
    case "1.0/queryCleanup": {
      return context.streams.delete(args.queryId as number);
    }
    case "1.0/db/normalizeId": {
      requireTx(context);
      const table = executor.catalog.table(
        namespaceOf(context),
        args.table as string,
      );
      if (!table || isPrivateSystemTable(table.name)) return { id: null };
      const text = args.idString as string;
      const decoded = decodeId(text);
      if (decoded) {
        if (decoded.tableNumber !== table.number) return { id: null };
        return { id: encodeId(decoded.tableNumber, decoded.internalId) };
      }
      const legacy = parseLegacyInternalId(text);
      return { id: legacy ? encodeId(table.number, legacy) : null };
    }
    case "1.0/getSnapshotTs": {
      return convexToJson(requireTx(context).snapshotTs);
    }
    default:
      throw new Error(`Unknown operation ${op}`);
  }
}

/** Handles the asynchronous database syscalls; returns undefined if `op` is not one. */
export function asyncDatabaseSyscall(
  executor: Executor,
  context: ExecContext,
  op: string,
  args: Args,
): { value: unknown } | undefined {
  switch (op) {
    case "1.0/get": {
      const tx = requireTx(context);
      const method = args.isSystem ? "db.system.get" : "db.get";
      const table = tableForId(executor, context, args, method, "null");
      if (!table) return { value: null };
      if (args.isSystem !== undefined) {
        systemTableGuard(table, Boolean(args.isSystem));
      }
      return {
        value: new RawJson(docToRawJson(tx.get(table, args.id as string))),
      };
    }
    case "1.0/queryStreamNext": {
      requireTx(context);
      const stream = context.streams.get(args.queryId as number);
      if (!stream) throw new Error(`Query ${String(args.queryId)} is closed`);
      const entry = stream.next();
      const doc = docToRawJson(entry?.doc ?? null);
      return {
        value: new RawJson(`{"value":${doc},"done":${entry === null}}`),
      };
    }
    case "1.0/queryPage": {
      const tx = requireTx(context);
      if (context.pagination.used) {
        throw new Error(
          "MultiplePaginatedDatabaseQueries: This function contains multiple paginated queries. Only one paginated query is allowed per function.",
        );
      }
      context.pagination.used = true;
      if (namespaceOf(context) !== "") {
        throw new Error(
          "paginate() is only supported in the app. Learn more at https://docs.convex.dev/components/authoring#pagination",
        );
      }
      const request = args as unknown as PageRequest & {
        query: SerializedQuery;
      };
      const endCursor =
        request.endCursor ?? context.pagination.journalEndCursor;
      const page = searchSource(request.query)
        ? readSearchPage(
            tx,
            executor.catalog,
            namespaceOf(context),
            context.component.schema,
            request.query,
            { ...request, endCursor },
          )
        : readPage(tx, planQuery(tx, namespaceOf(context), request.query), {
            ...request,
            endCursor,
          });
      context.pagination.endCursor = page.continueCursor;
      return {
        value: {
          page: page.page.map((doc) => convexToJson(doc)),
          isDone: page.isDone,
          continueCursor: page.continueCursor,
          splitCursor: page.splitCursor,
          pageStatus: page.pageStatus,
        },
      };
    }
    case "1.0/count": {
      const tx = requireTx(context);
      const table = executor.catalog.table(
        namespaceOf(context),
        args.table as string,
      );
      const readable = table && !isPrivateSystemTable(table.name);
      return { value: readable ? tx.store.count(table, tx.snapshotTs) : 0 };
    }
    case "1.0/insert": {
      const tx = requireWritable(context);
      const tableName = args.table as string;
      if (tableName.startsWith("_")) {
        throw new Error("System tables (prefixed with `_`) are read-only.");
      }
      const value = jsonToConvex(args.value as never) as Record<string, Value>;
      for (const field of SYSTEM_FIELDS) {
        if (field in value) {
          throw new Error(
            `Provided document contains the system field \`${field}\`, which cannot be set on insert.`,
          );
        }
      }
      const shape = checkUserFields(value);
      const table = executor.catalog.ensureTable(
        namespaceOf(context),
        tableName,
      );
      const doc: Document = {
        ...value,
        _id: encodeId(table.number, newInternalId()),
        _creationTime: tx.takeCreationTime(),
      };
      executor.validateDocument(namespaceOf(context), table.name, doc);
      tx.insert(table, doc, shape);
      return { value: { _id: doc._id } };
    }
    case "1.0/shallowMerge":
    case "1.0/replace": {
      const tx = requireWritable(context);
      const operation = op === "1.0/replace" ? "replace" : "patch";
      const table = tableForWrite(executor, context, args, operation);
      const id = args.id as string;
      const current = tx.get(table, id);
      if (!current) {
        const verb = op === "1.0/replace" ? "Replace" : "Update";
        throw new Error(`${verb} on nonexistent document ID ${id}`);
      }
      let next: Document;
      if (op === "1.0/replace") {
        const value = jsonToConvex(args.value as never) as Record<
          string,
          Value
        >;
        next = { ...value };
      } else {
        next = { ...current };
        const patch = args.value as Record<string, unknown>;
        for (const [key, json] of Object.entries(patch)) {
          const decoded = decodeOrUndefined(json);
          if (decoded === undefined) delete next[key];
          else next[key] = decoded;
        }
      }
      for (const field of SYSTEM_FIELDS) {
        if (
          field in next &&
          next[field] !== current[field] &&
          !(field === "_id" && next[field] === id)
        ) {
          throw new Error(
            `Provided document contains the system field \`${field}\`, which cannot be modified.`,
          );
        }
        next[field] = current[field]!;
      }
      const shape = checkUserFields(next);
      executor.validateDocument(namespaceOf(context), table.name, next);
      tx.update(table, id, next, shape);
      return { value: op === "1.0/replace" ? null : docToJson(next) };
    }
    case "1.0/remove": {
      const tx = requireWritable(context);
      const table = tableForWrite(executor, context, args, "delete");
      const id = args.id as string;
      if (!tx.get(table, id)) {
        throw new Error(`Delete on nonexistent document ID ${id}`);
      }
      tx.update(table, id, null);
      return { value: null };
    }
    default:
      return undefined;
  }
}
