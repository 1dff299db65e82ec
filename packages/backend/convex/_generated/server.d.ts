/* eslint-disable */
/**
 * Generated utilities for implementing server-side Convex query and mutation functions.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `convex-local codegen`.
 * @module
 */

import type {
  ActionBuilder,
  HttpActionBuilder,
  MutationBuilder,
  QueryBuilder,
  GenericActionCtx,
  GenericMutationCtx,
  GenericQueryCtx,
  GenericDatabaseReader,
  GenericDatabaseWriter,
} from "convex/server";
import type { DataModel } from "./dataModel.js";

/**
 * Builders for the app's functions, typed with its data model. Wrap a
 * handler and export the result to register it.
 */
export declare const query: QueryBuilder<DataModel, "public">;
export declare const internalQuery: QueryBuilder<DataModel, "internal">;
export declare const mutation: MutationBuilder<DataModel, "public">;
export declare const internalMutation: MutationBuilder<DataModel, "internal">;
export declare const action: ActionBuilder<DataModel, "public">;
export declare const internalAction: ActionBuilder<DataModel, "internal">;
export declare const httpAction: HttpActionBuilder;

/** The context of a query: database reader, auth and storage reader. */
export type QueryCtx = GenericQueryCtx<DataModel>;

/** The context of a mutation: database writer, auth, storage and scheduler. */
export type MutationCtx = GenericMutationCtx<DataModel>;

/** The context of an action: runQuery, runMutation, runAction and more. */
export type ActionCtx = GenericActionCtx<DataModel>;

/** Read access to the app's tables, as `ctx.db` in a query. */
export type DatabaseReader = GenericDatabaseReader<DataModel>;

/** Read and write access to the app's tables, as `ctx.db` in a mutation. */
export type DatabaseWriter = GenericDatabaseWriter<DataModel>;

/**
 * The deployment's environment variables, untyped because convex.config.ts
 * declares none.
 */
export declare const env: Record<string, string | undefined>;
