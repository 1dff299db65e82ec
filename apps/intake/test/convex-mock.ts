import { getFunctionName, type FunctionReference } from "convex/server";
import { vi } from "vitest";

/**
 * Stand-ins for the mutations the app calls, keyed by function name.
 * Tests replace `convex/react` with {@link convexReactMock}.
 */
export const mutations = {
  "views:record": vi.fn(),
  "submissions:submit": vi.fn(),
  // Tests of other hooks render these calls but never check them.
  "visits:start": vi.fn(async () => null),
  "visits:progress": vi.fn(async () => null),
};

/** Module factory for `vi.mock("convex/react", ...)`. */
export const convexReactMock = {
  useMutation(reference: FunctionReference<"mutation">) {
    const name = getFunctionName(reference) as keyof typeof mutations;
    const mutation = mutations[name];
    if (!mutation) throw new Error(`No mock for mutation ${name}.`);
    return mutation;
  },
};
