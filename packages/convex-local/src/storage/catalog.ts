import { FIRST_USER_TABLE_NUMBER } from "../ids";
import type { SqliteDatabase } from "./database";

/** One index of a table: its SQLite id and the field paths of its key. */
export type IndexInfo = {
  indexId: number;
  name: string;
  /** Field paths in key order, ending with `_creationTime` and `_id`. */
  fields: string[];
};

/** One table of one component namespace. */
export type TableInfo = {
  tableId: number;
  namespace: string;
  name: string;
  number: number;
  indexes: Map<string, IndexInfo>;
};

/**
 * Fixed numbers of the system tables. Numbers up to 10000 are reserved for
 * system tables; user tables start at 10001 in every namespace.
 */
export const SYSTEM_TABLE_NUMBERS: Record<string, number> = {
  _scheduled_functions: 1,
  _storage: 2,
  _session_requests: 3,
};

/** Indexes of system tables beyond `by_id` and `by_creation_time`. */
export const SYSTEM_TABLE_INDEXES: Record<string, Record<string, string[]>> = {
  _scheduled_functions: { by_state: ["state.kind", "scheduledTime"] },
  _storage: {},
  _session_requests: {
    by_session_id_and_request_id: ["sessionId", "requestId"],
  },
};

/**
 * System tables that only the backend reads. Convex hides such tables from
 * functions (`TableFilter::ExcludePrivateSystemTables` in
 * crates/database/src/transaction.rs), so here a function that names one
 * gets the error of an unknown table.
 */
const PRIVATE_SYSTEM_TABLES = new Set(["_session_requests"]);

/** Tells whether functions may not read the table `name`. */
export function isPrivateSystemTable(name: string): boolean {
  return PRIVATE_SYSTEM_TABLES.has(name);
}

export const BY_ID = "by_id";
export const BY_CREATION_TIME = "by_creation_time";

/**
 * The tables and indexes of every namespace, cached in memory and persisted
 * in the `tables` and `indexes` SQLite tables. A namespace is a component
 * path; the root app is `""`.
 */
export class Catalog {
  private byName = new Map<string, Map<string, TableInfo>>();
  private byNumber = new Map<string, Map<number, TableInfo>>();
  private byId = new Map<number, TableInfo>();
  private indexById = new Map<number, { table: TableInfo; index: IndexInfo }>();

  constructor(private readonly db: SqliteDatabase) {
    const tables = db
      .prepare("SELECT table_id, namespace, name, number FROM tables")
      .all() as {
      table_id: number;
      namespace: string;
      name: string;
      number: number;
    }[];
    for (const row of tables) {
      this.remember({
        tableId: row.table_id,
        namespace: row.namespace,
        name: row.name,
        number: row.number,
        indexes: new Map(),
      });
    }
    const indexes = db
      .prepare("SELECT index_id, table_id, name, fields FROM indexes")
      .all() as {
      index_id: number;
      table_id: number;
      name: string;
      fields: string;
    }[];
    for (const row of indexes) {
      const table = this.byId.get(row.table_id);
      if (!table) continue;
      const index = {
        indexId: row.index_id,
        name: row.name,
        fields: JSON.parse(row.fields) as string[],
      };
      table.indexes.set(row.name, index);
      this.indexById.set(index.indexId, { table, index });
    }
  }

  private remember(table: TableInfo) {
    let names = this.byName.get(table.namespace);
    if (!names) {
      names = new Map();
      this.byName.set(table.namespace, names);
    }
    let numbers = this.byNumber.get(table.namespace);
    if (!numbers) {
      numbers = new Map();
      this.byNumber.set(table.namespace, numbers);
    }
    names.set(table.name, table);
    numbers.set(table.number, table);
    this.byId.set(table.tableId, table);
  }

  /** Returns the table, or undefined when the namespace has none by that name. */
  table(namespace: string, name: string): TableInfo | undefined {
    return this.byName.get(namespace)?.get(name);
  }

  /** Returns the table with that number in the namespace. */
  tableByNumber(namespace: string, number: number): TableInfo | undefined {
    return this.byNumber.get(namespace)?.get(number);
  }

  tableById(tableId: number): TableInfo | undefined {
    return this.byId.get(tableId);
  }

  index(indexId: number): { table: TableInfo; index: IndexInfo } | undefined {
    return this.indexById.get(indexId);
  }

  /** Lists the tables of a namespace. */
  tables(namespace: string): TableInfo[] {
    return [...(this.byName.get(namespace)?.values() ?? [])];
  }

  /** Lists every namespace that has at least one table. */
  namespaces(): string[] {
    return [...this.byName.keys()];
  }

  /**
   * Returns the table, creating it with the next free table number (or its
   * fixed system number) and its system indexes when it is new.
   */
  ensureTable(namespace: string, name: string): TableInfo {
    const existing = this.table(namespace, name);
    if (existing) return existing;
    let number = SYSTEM_TABLE_NUMBERS[name];
    if (number === undefined) {
      if (name.startsWith("_")) {
        throw new Error(`Unknown system table "${name}"`);
      }
      const numbers = [...(this.byNumber.get(namespace)?.keys() ?? [])];
      number = Math.max(FIRST_USER_TABLE_NUMBER - 1, ...numbers) + 1;
    }
    const result = this.db
      .prepare("INSERT INTO tables (namespace, name, number) VALUES (?, ?, ?)")
      .run(namespace, name, number);
    const table: TableInfo = {
      tableId: Number(result.lastInsertRowid),
      namespace,
      name,
      number,
      indexes: new Map(),
    };
    this.remember(table);
    this.ensureIndex(table, BY_ID, ["_id"]);
    this.ensureIndex(table, BY_CREATION_TIME, ["_creationTime", "_id"]);
    for (const [indexName, fields] of Object.entries(
      SYSTEM_TABLE_INDEXES[name] ?? {},
    )) {
      this.ensureIndex(table, indexName, [...fields, "_creationTime", "_id"]);
    }
    return table;
  }

  /**
   * Registers an index with its full key fields. Returns true when the index
   * is new or its fields changed, so the caller must backfill its entries.
   */
  ensureIndex(table: TableInfo, name: string, fields: string[]): boolean {
    const existing = table.indexes.get(name);
    const fieldsJson = JSON.stringify(fields);
    if (existing && JSON.stringify(existing.fields) === fieldsJson) {
      return false;
    }
    if (existing) {
      this.db
        .prepare("DELETE FROM index_entries WHERE index_id = ?")
        .run(existing.indexId);
      this.db
        .prepare("UPDATE indexes SET fields = ? WHERE index_id = ?")
        .run(fieldsJson, existing.indexId);
      existing.fields = fields;
      return true;
    }
    const result = this.db
      .prepare("INSERT INTO indexes (table_id, name, fields) VALUES (?, ?, ?)")
      .run(table.tableId, name, fieldsJson);
    const index = { indexId: Number(result.lastInsertRowid), name, fields };
    table.indexes.set(name, index);
    this.indexById.set(index.indexId, { table, index });
    return true;
  }

  /** Forgets an index that the schema no longer declares. */
  dropIndex(table: TableInfo, name: string) {
    const existing = table.indexes.get(name);
    if (!existing) return;
    this.db
      .prepare("DELETE FROM index_entries WHERE index_id = ?")
      .run(existing.indexId);
    this.db
      .prepare("DELETE FROM indexes WHERE index_id = ?")
      .run(existing.indexId);
    table.indexes.delete(name);
    this.indexById.delete(existing.indexId);
  }
}
