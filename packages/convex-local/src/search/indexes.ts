import type { SchemaJson } from "../engine/functions";

/** A `searchIndex` of a schema table. */
export type SearchIndexDefinition = {
  indexDescriptor: string;
  searchField: string;
  filterFields: string[];
};

/** A `vectorIndex` of a schema table. */
export type VectorIndexDefinition = {
  indexDescriptor: string;
  vectorField: string;
  dimensions: number;
  filterFields: string[];
};

type TableJson = SchemaJson["tables"][number];

/** Splits `table.index` into its table and index names. */
export function splitIndexName(indexName: string): {
  tableName: string;
  indexName: string;
} {
  const dot = indexName.lastIndexOf(".");
  return {
    tableName: indexName.slice(0, dot),
    indexName: indexName.slice(dot + 1),
  };
}

function tableOf(schema: SchemaJson | null, tableName: string) {
  return schema?.tables.find((table) => table.tableName === tableName) as
    TableJson | undefined;
}

/** Finds a search index of a schema, or throws when the schema has none by that name. */
export function findSearchIndex(
  schema: SchemaJson | null,
  fullName: string,
): SearchIndexDefinition {
  const { tableName, indexName } = splitIndexName(fullName);
  const index = tableOf(schema, tableName)?.searchIndexes?.find(
    (entry) => entry.indexDescriptor === indexName,
  );
  if (!index) {
    throw new Error(
      `Index ${fullName} not found. Add it as a searchIndex to the "${tableName}" table in schema.ts.`,
    );
  }
  return index;
}

/** Finds a vector index of a schema, or throws when the schema has none by that name. */
export function findVectorIndex(
  schema: SchemaJson | null,
  fullName: string,
): VectorIndexDefinition {
  const { tableName, indexName } = splitIndexName(fullName);
  const index = tableOf(schema, tableName)?.vectorIndexes?.find(
    (entry) => entry.indexDescriptor === indexName,
  );
  if (!index) {
    throw new Error(
      `Index ${fullName} not found. Add it as a vectorIndex to the "${tableName}" table in schema.ts.`,
    );
  }
  return index;
}

/**
 * Lists the B-tree indexes that back the search and vector indexes of a
 * table: one per index, keyed by its filter fields, so a search reads and
 * subscribes to only the range its equality filters select.
 */
export function backingIndexes(
  table: TableJson,
): { name: string; fields: string[] }[] {
  const all = [...(table.searchIndexes ?? []), ...(table.vectorIndexes ?? [])];
  return all.map((index) => ({
    name: index.indexDescriptor,
    fields: [...index.filterFields, "_creationTime", "_id"],
  }));
}
