import { defineConfig, devices } from "@playwright/test";
import { urls } from "./scripts/lib/stack.mjs";

/** Debian's Chromium: Playwright's own browser download is not used. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: ".",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "staff",
      testMatch: "apps/admin/e2e/**/*.spec.ts",
      use: { baseURL: urls.admin },
    },
    {
      name: "patient",
      testMatch: "apps/intake/e2e/**/*.spec.ts",
      use: { baseURL: urls.intake },
    },
  ],
});
