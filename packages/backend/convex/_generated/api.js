/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `convex-local codegen`.
 * @module
 */

import { anyApi, componentsGeneric } from "convex/server";

/**
 * References to this app's functions, for example `api.myModule.myFunction`.
 * `internal` reaches internal functions and `components` installed components.
 */
export const api = anyApi;
export const internal = anyApi;
export const components = componentsGeneric();
