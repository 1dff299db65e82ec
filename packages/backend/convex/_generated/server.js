/* eslint-disable */
/**
 * Generated utilities for implementing server-side Convex query and mutation functions.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `convex-local codegen`.
 * @module
 */

import {
  queryGeneric,
  internalQueryGeneric,
  mutationGeneric,
  internalMutationGeneric,
  actionGeneric,
  internalActionGeneric,
  httpActionGeneric,
} from "convex/server";

/**
 * Builders for the app's functions. Wrap a handler and export the result to
 * register it, for example `export const list = query({ args, handler })`.
 */
export const query = queryGeneric;
export const internalQuery = internalQueryGeneric;
export const mutation = mutationGeneric;
export const internalMutation = internalMutationGeneric;
export const action = actionGeneric;
export const internalAction = internalActionGeneric;
export const httpAction = httpActionGeneric;

/** The deployment's environment variables. */
export const env = process.env;
