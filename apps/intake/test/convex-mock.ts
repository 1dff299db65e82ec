import { getFunctionName, type FunctionReference } from "convex/server";
import { vi } from "vitest";

/**
 * Stand-ins for the mutations the app calls, keyed by function name.
 * Tests replace the app's `convex-client` module with {@link convexClientMock}.
 */
export const mutations = {
  "views:record": vi.fn(),
  "submissions:submit": vi.fn(),
  "uploads:generateUploadUrl": vi.fn(),
  // Tests of other hooks render these calls but never check them.
  "visits:start": vi.fn(async () => null),
  "visits:progress": vi.fn(async () => null),
};

/** Stand-ins for the actions the app calls, keyed by function name. */
export const actions = {
  "uploads:register": vi.fn(),
};

/**
 * The value `useLiveQuery` returns. Tests set `current` and rerender to
 * play a live subscription update.
 */
export const liveQueryResult: { current: unknown } = { current: null };

/** Module factory for `vi.mock(".../components/convex-client", ...)`. */
export const convexClientMock = {
  useMutation(reference: FunctionReference<"mutation">) {
    const name = getFunctionName(reference) as keyof typeof mutations;
    const mutation = mutations[name];
    if (!mutation) throw new Error(`No mock for mutation ${name}.`);
    return mutation;
  },
  useAction(reference: FunctionReference<"action">) {
    const name = getFunctionName(reference) as keyof typeof actions;
    const action = actions[name];
    if (!action) throw new Error(`No mock for action ${name}.`);
    return action;
  },
  useLiveQuery() {
    return liveQueryResult.current;
  },
};
