import type { ComponentNode } from "../bundle/components";
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

/** Builds the `function://` handle of a function in a component. */
export function createFunctionHandle(fn: ResolvedFunction): string {
  return `${HANDLE_PREFIX}${encodeURIComponent(fn.component.node.path)};${fn.udfPath}`;
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
    const handle = address.functionHandle;
    if (!handle.startsWith(HANDLE_PREFIX)) {
      throw new Error(`Invalid function handle "${handle}"`);
    }
    const [componentPath, udfPath] = handle
      .slice(HANDLE_PREFIX.length)
      .split(";");
    const component = app.get(decodeURIComponent(componentPath ?? ""));
    const fn = component && udfPath ? findFunction(component, udfPath) : null;
    if (!fn) throw notFound(udfPath ?? handle);
    return fn;
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
