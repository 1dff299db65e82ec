import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { ResolvedFunction } from "../../src/engine/functions";
import { InstancePool } from "../../src/engine/instance-pool";
import { FIXTURES, startTestEngine, type TestEngine } from "./helpers";

type Snapshot = {
  calls: number;
  loadedAt: number;
  now: number;
  random: number;
  env: string | null;
};

let t: TestEngine;
let projectDir: string | null = null;

beforeEach(async () => {
  t = await startTestEngine("basic-app");
});

afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
  if (projectDir) rmSync(projectDir, { recursive: true, force: true });
  projectDir = null;
});

const query = async () => (await t.query("reusedState:queryCount")) as Snapshot;
const mutation = async () =>
  (await t.mutation("reusedState:mutationCount")) as Snapshot;

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

test("flagged query keeps module state", async () => {
  const first = await query();
  await sleep(5);
  const second = await query();
  expect(first.calls).toBe(1);
  expect(second.calls).toBe(2);
  expect(second.loadedAt).toBe(first.loadedAt);
});

test("flagged query and mutation share state", async () => {
  expect((await mutation()).calls).toBe(1);
  expect((await query()).calls).toBe(2);
  expect((await mutation()).calls).toBe(3);
});

test("unflagged module starts fresh", async () => {
  expect(await t.query("moduleState:queryCount")).toBe(1);
  expect(await t.query("moduleState:queryCount")).toBe(1);
  expect(await t.mutation("moduleState:mutationCount")).toBe(1);
  expect(await t.mutation("moduleState:mutationCount")).toBe(1);
});

test("only the entry module's flag counts", async () => {
  const first = (await t.query("reexportedState:queryCount")) as Snapshot;
  const second = (await t.query("reexportedState:queryCount")) as Snapshot;
  expect(first.calls).toBe(1);
  expect(second.calls).toBe(1);
});

test("flagged action starts fresh", async () => {
  expect(await t.action("reusedState:actionCount")).toBe(1);
  expect(await t.action("reusedState:actionCount")).toBe(1);
});

test("clock and random stay per call", async () => {
  const first = await mutation();
  await sleep(5);
  const second = await mutation();
  expect(second.calls).toBe(2);
  expect(second.now).toBeGreaterThan(first.now);
  expect(second.now).toBeGreaterThan(second.loadedAt);
  expect(second.random).not.toBe(first.random);
});

test("thrown error discards the instance", async () => {
  expect((await mutation()).calls).toBe(1);
  expect((await mutation()).calls).toBe(2);
  const failed = await t.engine.runMutation({
    path: "reusedState:countAndFail",
    args: {},
    caller: { kind: "admin" },
  });
  expect(failed.ok).toBe(false);
  expect((await mutation()).calls).toBe(1);
});

test("return limit error discards the instance", async () => {
  expect((await query()).calls).toBe(1);
  const failed = await t.engine.runQuery({
    path: "reusedState:countAndReturnDeep",
    args: {},
    caller: { kind: "admin" },
  });
  expect(failed.ok).toBe(false);
  expect(failed.ok ? "" : failed.errorMessage).toContain("too nested");
  expect((await query()).calls).toBe(1);
});

test("returns validator error keeps the instance", async () => {
  expect((await query()).calls).toBe(1);
  const failed = await t.engine.runQuery({
    path: "reusedState:countAndMismatchReturns",
    args: {},
    caller: { kind: "admin" },
  });
  expect(failed.ok).toBe(false);
  expect(failed.ok ? "" : failed.errorMessage).toContain(
    "ReturnsValidationError",
  );
  expect((await query()).calls).toBe(3);
});

test("environment change starts fresh", async () => {
  expect((await query()).env).toBeNull();
  expect((await query()).calls).toBe(2);
  await t.engine.env.set("REUSE_PROBE", "changed");
  const after = await query();
  expect(after.calls).toBe(1);
  expect(after.env).toBe("changed");
});

test("environment change during a call starts fresh", async () => {
  await t.mutation("messages:send", { author: "reuse-env", body: "e1" });
  // The variable changes after the call has taken its instance.
  const acquire = InstancePool.prototype.acquire;
  vi.spyOn(InstancePool.prototype, "acquire").mockImplementation(
    async function (this: InstancePool, fn?: ResolvedFunction) {
      const instance = await acquire.call(this, fn);
      if (fn?.udfPath === "reusedState:messagesOf") {
        await t.engine.env.set("REUSE_PROBE", "changed");
      }
      return instance;
    },
  );
  await t.query("reusedState:messagesOf", { author: "reuse-env" });
  vi.restoreAllMocks();

  const after = await query();
  expect(after.calls).toBe(1);
  expect(after.env).toBe("changed");
});

test("concurrent calls get separate instances", async () => {
  await t.mutation("messages:send", { author: "reuse-a", body: "a1" });
  await t.mutation("messages:send", { author: "reuse-b", body: "b1" });
  const results = (await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      t.query("reusedState:messagesOf", {
        author: i % 2 === 0 ? "reuse-a" : "reuse-b",
      }),
    ),
  )) as { before: number; after: number; bodies: string[] }[];
  results.forEach((result, i) => {
    expect(result.after).toBe(result.before);
    expect(result.bodies).toEqual([i % 2 === 0 ? "a1" : "b1"]);
  });
});

test("reload starts from fresh state", async () => {
  await t.close();
  // Inside node_modules so the copy still resolves the package's dependencies.
  const scratch = path.join(FIXTURES, "..", "..", "node_modules", ".cache");
  mkdirSync(scratch, { recursive: true });
  projectDir = mkdtempSync(path.join(scratch, "reuse-"));
  cpSync(path.join(FIXTURES, "basic-app"), projectDir, { recursive: true });
  t = await startTestEngine("basic-app", { projectDir });
  expect((await query()).calls).toBe(1);
  expect((await query()).calls).toBe(2);
  await t.engine.reload();
  expect((await query()).calls).toBe(1);
});
