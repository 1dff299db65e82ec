import { spawn, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

const require = createRequire(import.meta.url);
const binPath = fileURLToPath(
  new URL("../../bin/convex-local.mjs", import.meta.url),
);

const greetingModule = (
  greeting: string,
) => `import { query } from "./_generated/server";
export const get = query({ args: {}, handler: async () => {
  console.log("greeting read");
  return ${JSON.stringify(greeting)};
} });
`;

let projectDir: string;
let child: ChildProcess;
let stdout = "";
let stderr = "";
let exitCode: Promise<number | null>;

/** Polls `check` every 100 ms until it returns a value, or fails after `ms`. */
async function waitFor<T>(
  description: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${description}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function readGreeting(url: string): Promise<unknown> {
  const response = await fetch(`${url}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path: "greeting:get", args: {}, format: "json" }),
  });
  const body = (await response.json()) as { value?: unknown };
  return body.value;
}

beforeAll(() => {
  projectDir = mkdtempSync(path.join(tmpdir(), "convex-local-dev-"));
  mkdirSync(path.join(projectDir, "convex"));
  mkdirSync(path.join(projectDir, "node_modules"));
  symlinkSync(
    path.dirname(require.resolve("convex/package.json")),
    path.join(projectDir, "node_modules/convex"),
  );
  writeFileSync(
    path.join(projectDir, "convex/greeting.ts"),
    greetingModule("hello v1"),
  );
  child = spawn(
    process.execPath,
    [binPath, "dev", "--dir", projectDir, "--port", "0", "--site-port", "0"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  exitCode = new Promise((resolve) => child.on("exit", resolve));
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exitCode;
  }
  rmSync(projectDir, { recursive: true, force: true });
});

describe("dev command", () => {
  let url: string;

  test("prints URLs and the admin key's file", async () => {
    url = await waitFor(
      "the API URL",
      () => stdout.match(/API and sync:\s+(http:\/\/127\.0\.0\.1:\d+)/)?.[1],
    );
    expect(stdout).toMatch(/HTTP actions:\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/Admin key in:\s+\S+\/admin-key\n/);
    expect(stdout).not.toMatch(/convex-local\|[0-9a-f]{64}/);
  });

  test("writes generated code", () => {
    expect(
      existsSync(path.join(projectDir, "convex/_generated/api.d.ts")),
    ).toBe(true);
  });

  test("serves functions", async () => {
    expect(await readGreeting(url)).toBe("hello v1");
  });

  test("logs function output with name", async () => {
    const line = await waitFor("the function log line", () =>
      stderr.split("\n").find((text) => text.includes("greeting read")),
    );
    expect(line).toContain("greeting:get");
  });

  test("reloads changed module", async () => {
    writeFileSync(
      path.join(projectDir, "convex/greeting.ts"),
      greetingModule("hello v2"),
    );
    const greeting = await waitFor("the reloaded module", async () => {
      const value = await readGreeting(url);
      return value === "hello v2" ? value : undefined;
    });
    expect(greeting).toBe("hello v2");
    expect(stderr).toContain("Reloaded functions");
  });

  test("rejected env push keeps serving", async () => {
    const config = path.join(projectDir, "convex/convex.config.ts");
    writeFileSync(
      config,
      `import { defineApp } from "convex/server";
import { v } from "convex/values";
export default defineApp({ env: { NEEDED_KEY: v.string() } });
`,
    );
    const line = await waitFor("the rejected reload", () =>
      stderr
        .split("\n")
        .find((text) => text.includes("MissingEnvironmentVariables")),
    );
    expect(line).toContain("failed, so the previous functions keep running");
    expect(line).toContain(
      "Required environment variables are not set: NEEDED_KEY.",
    );
    expect(await readGreeting(url)).toBe("hello v2");
    const serverDts = readFileSync(
      path.join(projectDir, "convex/_generated/server.d.ts"),
      "utf8",
    );
    expect(serverDts).toContain("readonly NEEDED_KEY: string;");
    rmSync(config);
  });

  test("stops cleanly on SIGINT", async () => {
    child.kill("SIGINT");
    expect(await exitCode).toBe(0);
    expect(existsSync(path.join(projectDir, ".convex-local/server.json"))).toBe(
      false,
    );
    expect(stderr).toContain("Received SIGINT, shutting down");
  });
});
