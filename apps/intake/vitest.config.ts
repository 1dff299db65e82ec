import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  // tsconfig keeps JSX for Next.js to compile, so tests set the transform.
  esbuild: { jsx: "automatic" },
  test: {
    environment: "jsdom",
    setupFiles: ["./test/setup.ts"],
    // Playwright runs the specs in e2e/ against a running app.
    exclude: [...configDefaults.exclude, "e2e/**"],
  },
});
