import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { startBackend } from "./index";

type EngineOptions = { cloudUrl: string; siteUrl: string };

const engineStart = vi.hoisted(() => ({
  seen: [] as { port: number; taken: boolean }[],
}));

// The engine is replaced by a check that fails the start on purpose: the
// test needs only the moment at which the backend has chosen its ports.
vi.mock("./engine/create-engine", () => ({
  createEngine: async ({ cloudUrl, siteUrl }: EngineOptions) => {
    for (const url of [cloudUrl, siteUrl]) {
      const port = Number(new URL(url).port);
      engineStart.seen.push({ port, taken: !(await canBind(port)) });
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
  expect(engineStart.seen.map((entry) => entry.taken)).toEqual([true, true]);
});

test("frees picked ports when the start fails", async () => {
  await expect(
    startBackend({ projectDir: stateDir, stateDir, port: 0, sitePort: 0 }),
  ).rejects.toThrow("engine left out of this test");

  for (const { port } of engineStart.seen) {
    expect(await canBind(port)).toBe(true);
  }
});
