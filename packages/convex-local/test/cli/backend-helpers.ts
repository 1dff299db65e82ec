import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { vi } from "vitest";

import { main } from "../../src/cli/main";
import type { ConvexJson } from "../../src/engine/types";
import { startBackend, type Backend } from "../../src/index";
import { FIXTURES } from "../engine/helpers";

const silent = { info() {}, warn() {}, error() {} };

/** A backend on a fixture app with its own state folder. */
export type TestBackend = Backend & { stateDir: string };

/** Starts a backend on free loopback ports over a fresh state folder. */
export async function startFixtureBackend(
  fixture: string,
): Promise<TestBackend> {
  const stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-backend-"));
  const backend = await startBackend({
    projectDir: path.join(FIXTURES, fixture),
    stateDir,
    port: 0,
    sitePort: 0,
    logger: silent,
  });
  return {
    ...backend,
    stateDir,
    async close() {
      await backend.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Runs a mutation as the admin and returns its value, or throws. */
export async function mutate(
  backend: Backend,
  functionPath: string,
  args: ConvexJson,
): Promise<ConvexJson> {
  const result = await backend.engine.runMutation({
    path: functionPath,
    args,
    caller: { kind: "admin" },
  });
  if (!result.ok) throw new Error(result.errorMessage);
  return result.value;
}

/** The CLI's exit code and what it wrote. */
export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs the CLI against `backend` and captures stdout and stderr. */
export async function runCli(
  backend: Backend,
  ...args: string[]
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main([
      ...args,
      "--url",
      backend.url,
      "--admin-key",
      backend.adminKey,
    ]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
