import { afterAll } from "vitest";
import { createLocalTestBackend, stopLocalBackend } from "./convex-local";
import { useTestBackend } from "./index";

// Each test file gets one local backend, started on its first use.
useTestBackend(createLocalTestBackend);

afterAll(async () => {
  await stopLocalBackend();
});
