import { createConvexTestBackend } from "./convex-test";
import type { TestBackend } from "./types";

export type { Caller, TestBackend, TestUser } from "./types";

let factory: () => TestBackend = createConvexTestBackend;

/**
 * Makes `createTestBackend` return backends from `create`. A setup file of
 * the test project calls it, so test files stay the same on every backend.
 */
export function useTestBackend(create: () => TestBackend): void {
  factory = create;
}

/** Creates the backend of one test, in memory unless set otherwise. */
export function createTestBackend(): TestBackend {
  return factory();
}
