import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "test/fixtures/**"],
    environment: "node",
    // Engine tests bundle apps with esbuild and write SQLite files.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    server: {
      deps: {
        // Bundled Convex modules load with Node's own import, as in
        // production, not through Vitest's transform pipeline.
        external: [/\/modules\/\d+-\d+\//],
      },
    },
  },
});
