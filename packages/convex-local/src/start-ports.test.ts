import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { CliError } from "./cli/errors";
import { startBackend } from "./index";

type EngineOptions = { cloudUrl: string; siteUrl: string };

const engineStart = vi.hoisted(() => ({
  seen: [] as { port: number; inUse: boolean }[],
}));

// The engine is replaced by a check that fails the start on purpose: the
// test needs only the moment at which the backend has chosen its ports.
vi.mock("./engine/create-engine", () => ({
  createEngine: async ({ cloudUrl, siteUrl }: EngineOptions) => {
    for (const url of [cloudUrl, siteUrl]) {
      const port = Number(new URL(url).port);
      engineStart.seen.push({ port, inUse: !(await canBind(port)) });
    }
    throw new Error("engine left out of this test");
  },
}));

async function canBind(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

let stateDir: string;

beforeEach(() => {
  stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-ports-"));
  engineStart.seen = [];
});

afterEach(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

test("holds picked ports while the engine starts", async () => {
  await expect(
    startBackend({ projectDir: stateDir, stateDir, port: 0, sitePort: 0 }),
  ).rejects.toThrow("engine left out of this test");

  expect(engineStart.seen).toHaveLength(2);
  const [api, site] = engineStart.seen;
  expect(api?.port).not.toBe(site?.port);
  expect(engineStart.seen.map((entry) => entry.inUse)).toEqual([true, true]);
});

test("frees picked ports when the start fails", async () => {
  await expect(
    startBackend({ projectDir: stateDir, stateDir, port: 0, sitePort: 0 }),
  ).rejects.toThrow("engine left out of this test");

  for (const { port } of engineStart.seen) {
    expect(await canBind(port)).toBe(true);
  }
  expect(existsSync(path.join(stateDir, "server.json"))).toBe(false);
});

/** Binds a free port on 127.0.0.1 and returns it with a function to free it. */
async function holdPort(): Promise<{
  port: number;
  free: () => Promise<void>;
}> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error("The test server has no port");
  }
  return {
    port: address.port,
    free: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test.each([
  ["API", "port"],
  ["HTTP actions site", "sitePort"],
] as const)("rejects a taken %s port early", async (label, option) => {
  const held = await holdPort();
  try {
    const start = startBackend({
      projectDir: stateDir,
      stateDir,
      port: 0,
      sitePort: 0,
      [option]: held.port,
    });
    const error = await start.then(
      () => new Error("The backend started"),
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).kind).toBe("portInUse");
    expect((error as CliError).message).toBe(
      `Port ${held.port} on 127.0.0.1, for the ${label}, is already in use by another process. Stop that process or choose another port.`,
    );
    expect(engineStart.seen).toEqual([]);
  } finally {
    await held.free();
  }
});

test("rejects one fixed port for both servers", async () => {
  const { port, free } = await holdPort();
  await free();
  const error = await startBackend({
    projectDir: stateDir,
    stateDir,
    port,
    sitePort: port,
  }).then(
    () => new Error("The backend started"),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).kind).toBe("invalidArguments");
  expect((error as CliError).message).toBe(
    `The API and the HTTP actions site cannot share port ${port}. Choose two different ports.`,
  );
  expect(engineStart.seen).toEqual([]);
  expect(await canBind(port)).toBe(true);
});
