import { createHash } from "node:crypto";
import type { ComponentNode } from "../bundle/components";
import { encodeId, INTERNAL_ID_LENGTH } from "../ids";
import {
  findFunction,
  type LoadedApp,
  type ResolvedFunction,
} from "./functions";

/** The name, reference or handle a syscall uses for the function it calls. */
export type FunctionAddress = {
  name?: string;
  reference?: string;
  functionHandle?: string;
};

const HANDLE_PREFIX = "function://";

/**
 * Table number of Convex's `_function_handles` system table
 * (crates/model/src/lib.rs), whose document IDs the handles carry.
 */
const FUNCTION_HANDLES_TABLE_NUMBER = 102;

/**
 * Returns the ID a handle carries for a function: a v6 ID in
 * `_function_handles`, derived from the component and function paths so it
 * stays the same across restarts without a stored table.
 */
function functionHandleId(componentPath: string, udfPath: string): string {
  const digest = createHash("sha256")
    .update(`${componentPath}\n${udfPath}`)
    .digest();
  return encodeId(
    FUNCTION_HANDLES_TABLE_NUMBER,
    digest.subarray(0, INTERNAL_ID_LENGTH),
  );
}

/**
 * Spells a function path as Convex's `UdfPath::strip` does: `module:name`,
 * or the module alone for a default export.
 */
export function strippedUdfPath(udfPath: string): string {
  return udfPath.endsWith(":default")
    ? udfPath.slice(0, -":default".length)
    : udfPath;
}

/**
 * Builds a function's handle in Convex's format, `function://<id>#<name>`.
 * The name is the stripped function path.
 */
export function createFunctionHandle(fn: ResolvedFunction): string {
  const id = functionHandleId(fn.component.node.path, fn.udfPath);
  return `${HANDLE_PREFIX}${id}#${strippedUdfPath(fn.udfPath)}`;
}

/**
 * Resolves a handle from `createFunctionHandle` by its ID, as Convex's
 * `FunctionHandlesModel::lookup` does: the name after `#` is advisory, and
 * legacy handles lack it. The name is tried first because it usually
 * matches. Otherwise every function of every component is searched.
 */
function resolveFunctionHandle(
  app: LoadedApp,
  handle: string,
): ResolvedFunction {
  if (!handle.startsWith(HANDLE_PREFIX)) {
    throw new Error(`Invalid function handle ${handle}`);
  }
  const [id = "", name] = handle.slice(HANDLE_PREFIX.length).split("#");
  if (name) {
    const udfPath = name.includes(":") ? name : `${name}:default`;
    for (const [componentPath, component] of app) {
      if (functionHandleId(componentPath, udfPath) !== id) continue;
      const fn = findFunction(component, udfPath);
      if (fn) return fn;
    }
  }
  const target = handleIndex(app).get(id);
  const fn =
    target && findFunction(app.get(target.componentPath)!, target.udfPath);
  if (!fn) throw new Error("Function handle not found");
  return fn;
}

type HandleTarget = { componentPath: string; udfPath: string };

/** Handle IDs of every function of an app, per app version. */
const handleIndexes = new WeakMap<ComponentNode, Map<string, HandleTarget>>();

/**
 * Returns the function behind each handle ID of the app. Instances of one
 * bundle share their component tree, so the index is built once per push,
 * evaluating every module of the first instance that needs it.
 */
function handleIndex(app: LoadedApp): Map<string, HandleTarget> {
  const root = app.get("")!.node;
  const cached = handleIndexes.get(root);
  if (cached) return cached;
  const index = new Map<string, HandleTarget>();
  for (const [componentPath, component] of app) {
    for (const modulePath of component.modules.paths()) {
      const exports = component.modules.get(modulePath) ?? {};
      for (const name of Object.keys(exports)) {
        const fn = findFunction(component, `${modulePath}:${name}`);
        if (!fn) continue;
        index.set(functionHandleId(componentPath, fn.udfPath), {
          componentPath,
          udfPath: fn.udfPath,
        });
      }
    }
  }
  handleIndexes.set(root, index);
  return index;
}

function notFound(udfPath: string): Error {
  return new Error(
    `Could not find function for '${udfPath}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`,
  );
}

/**
 * Resolves a function address relative to the calling component: names
 * refer to the caller's own component, `_reference/childComponent/<n>/…`
 * to its child `n`, handles to wherever they were created.
 */
export function resolveAddress(
  app: LoadedApp,
  caller: ComponentNode,
  address: FunctionAddress,
): ResolvedFunction {
  if (address.functionHandle !== undefined) {
    return resolveFunctionHandle(app, address.functionHandle);
  }
  if (address.name !== undefined) {
    const component = app.get(caller.path)!;
    const fn = findFunction(component, address.name);
    if (!fn) throw notFound(address.name);
    return fn;
  }
  if (address.reference !== undefined) {
    const parts = address.reference.split("/");
    if (parts[0] !== "_reference") {
      throw new Error(`Invalid function reference "${address.reference}"`);
    }
    if (parts[1] === "function") {
      return resolveAddress(app, caller, { name: parts.slice(2).join("/") });
    }
    if (parts[1] === "childComponent") {
      const childName = parts[2] ?? "";
      const child = caller.children.get(childName);
      if (!child) {
        throw new Error(
          `Component "${childName}" is not installed in this app`,
        );
      }
      const attributes = parts.slice(3);
      const exportName = attributes.pop();
      const udfPath = `${attributes.join("/")}:${exportName}`;
      const fn = findFunction(app.get(child.path)!, udfPath);
      // A parent reaches only the functions its child exports: public ones.
      if (!fn || fn.visibility !== "public")
        throw notFound(`${childName}/${udfPath}`);
      return fn;
    }
    throw new Error(`Unsupported function reference "${address.reference}"`);
  }
  throw new Error("A function call needs a name, reference or function handle");
}
