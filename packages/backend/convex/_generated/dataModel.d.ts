/* eslint-disable */
/**
 * Generated data model types.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `convex-local codegen`.
 * @module
 */

import type {
  DataModelFromSchemaDefinition,
  DocumentByName,
  TableNamesInDataModel,
  SystemTableNames,
} from "convex/server";
import type { GenericId } from "convex/values";
import schema from "../schema.js";

/** The names of the app's tables. */
export type TableNames = TableNamesInDataModel<DataModel>;

/**
 * A document stored in a table, with its `_id` and `_creationTime`.
 *
 * @typeParam TableName - The table name as a string literal type.
 */
export type Doc<TableName extends TableNames> = DocumentByName<
  DataModel,
  TableName
>;

/**
 * The ID of a document in the table `TableName` (a string at runtime).
 *
 * @typeParam TableName - The table name as a string literal type.
 */
export type Id<TableName extends TableNames | SystemTableNames> =
  GenericId<TableName>;

/**
 * The app's data model: its tables, their documents and indexes. It
 * parameterizes the function builders in `server.d.ts`.
 */
export type DataModel = DataModelFromSchemaDefinition<typeof schema>;
