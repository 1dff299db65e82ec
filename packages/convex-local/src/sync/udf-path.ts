/**
 * Converts a function path to the `module:function` form the engine expects,
 * as the Convex client does: a missing function name becomes `default` and a
 * trailing `.js` on the module is dropped, so `public.js:add` and
 * `public:add` name the same function.
 */
export function canonicalizeUdfPath(udfPath: string): string {
  const separator = udfPath.lastIndexOf(":");
  let moduleName = separator === -1 ? udfPath : udfPath.slice(0, separator);
  const functionName =
    separator === -1 ? "default" : udfPath.slice(separator + 1);
  if (moduleName.endsWith(".js")) {
    moduleName = moduleName.slice(0, -3);
  }
  return `${moduleName}:${functionName}`;
}

/** True when `componentPath` names the root app (absent or empty). */
export function isRootComponent(componentPath: string | undefined): boolean {
  return componentPath === undefined || componentPath === "";
}
