import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "convex-test",
          // convex-test runs functions in the edge runtime, like Convex does.
          environment: "edge-runtime",
          server: { deps: { inline: ["convex-test"] } },
          include: ["tests/**/*.test.ts"],
          // These need real concurrency, which convex-test does not have.
          exclude: ["tests/**/*.local.test.ts"],
        },
      },
      {
        test: {
          name: "convex-local",
          // The local backend runs in the test process and needs Node APIs.
          environment: "node",
          // The backend imports the bundles it writes to its state folder.
          // Vite would transform each of those large files again, so Node
          // loads them as they are.
          server: { deps: { external: [/intake-backend-test-/] } },
          include: ["tests/**/*.test.ts"],
          setupFiles: ["tests/harness/setup-convex-local.ts"],
          // A file's first call also starts its backend, which takes a few
          // seconds, and the concurrency tests make 30 clients wait in turn.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
