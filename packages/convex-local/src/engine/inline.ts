import { internalMutationGeneric } from "convex/server";
import { jsonToConvex, type Value } from "convex/values";
import type { Executor } from "./executor";
import type { RegisteredFunction, ResolvedFunction } from "./functions";
import type { ConvexJson } from "./types";

/**
 * Runs `handler` as an internal mutation of the app (with OCC retries), for
 * test setup and inspection: the closure gets a real mutation `ctx` in one
 * transaction. Resolves to its result, or rejects with the failure message.
 */
export async function runInlineMutation<T>(
  executor: Executor,
  handler: (ctx: never) => Promise<T>,
): Promise<T> {
  const component = executor.app.get("");
  if (!component) throw new Error("The engine has no app loaded");
  const fn = internalMutationGeneric({
    handler: handler as never,
  }) as unknown as RegisteredFunction;
  const modulePath = "_inline";
  const resolved: ResolvedFunction = {
    fn,
    kind: "mutation",
    visibility: "internal",
    udfPath: `${modulePath}:run`,
    // The closure is not in any bundled module, so it runs against the
    // first instance's component without being looked up by path.
    component: {
      ...component,
      modules: {
        get: (path) => (path === modulePath ? { run: fn } : undefined),
        paths: () => [modulePath],
      },
    },
  };
  const result = await executor.runMutationResolved(
    resolved,
    {},
    { caller: { kind: "admin" }, identity: null },
  );
  if (!result.ok) throw new Error(result.errorMessage);
  return jsonToConvex(result.value as ConvexJson as never) as Value as T;
}
