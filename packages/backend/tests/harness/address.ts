import { getFunctionAddress, getFunctionName } from "convex/server";
import type { AdminFunction } from "./types";

/** Where a function lives: its component and its `module:export` path. */
export interface FunctionAddress {
  /** "" for the app itself, else the component's name in the app. */
  componentPath: string;
  udfPath: string;
}

// Component references from `components.<name>` carry an address of the
// form "_reference/childComponent/<name>/<module path>/<export>".
const childComponentPrefix = "_reference/childComponent/";

/** Returns the address of an app or component function reference. */
export function functionAddress(fn: AdminFunction): FunctionAddress {
  const address = getFunctionAddress(fn) as { reference?: string };
  const reference = address.reference;
  if (reference === undefined) {
    return { componentPath: "", udfPath: getFunctionName(fn) };
  }
  if (!reference.startsWith(childComponentPrefix)) {
    throw new Error(`Unsupported function reference ${reference}.`);
  }
  // NOTE: this reads a component of the app only, not a component nested
  // in another component.
  const [componentPath, ...parts] = reference
    .slice(childComponentPrefix.length)
    .split("/");
  const exportName = parts.pop();
  if (componentPath === undefined || exportName === undefined) {
    throw new Error(`Malformed component reference ${reference}.`);
  }
  return { componentPath, udfPath: `${parts.join("/")}:${exportName}` };
}
