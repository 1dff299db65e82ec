import { expect, test } from "vitest";
import type {
  BundledApp,
  FunctionKind,
  LoadedApp,
  ResolvedFunction,
} from "../../src/engine/functions";
import {
  InstancePool,
  MAX_CONCURRENT_TRANSACTIONS,
  MAX_SAVED_INSTANCES,
  reusesContext,
} from "../../src/engine/instance-pool";

function fakeBundle() {
  let loads = 0;
  const bundle = {
    tree: null as never,
    instantiate: (): LoadedApp => {
      loads += 1;
      return new Map();
    },
  } satisfies BundledApp;
  return { bundle, loads: () => loads };
}

test("every call gets a new instance", async () => {
  const { bundle, loads } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const a = await pool.acquire();
  a.release();
  const b = await pool.acquire();
  b.release();
  expect(b.app).not.toBe(a.app);
  expect(loads()).toBe(2);
});

test("full pool queues until release", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const held = await Promise.all(
    Array.from({ length: MAX_CONCURRENT_TRANSACTIONS }, () => pool.acquire()),
  );
  // With every slot taken, the call gets a promise, not an instance.
  const queued = pool.acquire();
  expect(queued).toBeInstanceOf(Promise);
  let resolved = false;
  const waiting = Promise.resolve(queued).then((entry) => {
    resolved = true;
    return entry;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(resolved).toBe(false);
  held[3]!.release();
  await waiting;
  expect(resolved).toBe(true);
});

test("action pool never queues", async () => {
  const { bundle, loads } = fakeBundle();
  const pool = new InstancePool(bundle, false);
  const held = await Promise.all(
    Array.from({ length: MAX_CONCURRENT_TRANSACTIONS + 1 }, () =>
      pool.acquire(),
    ),
  );
  expect(held).toHaveLength(MAX_CONCURRENT_TRANSACTIONS + 1);
  expect(loads()).toBe(MAX_CONCURRENT_TRANSACTIONS + 1);
});

/** A function `name` of module `module` that exports `flag` as its reuse flag. */
function fakeFunction(
  module: string,
  flag: unknown,
  kind: FunctionKind = "query",
): ResolvedFunction {
  const exports = { experimental_reuseContext: flag };
  return {
    fn: {},
    kind,
    visibility: "public",
    udfPath: `${module}:run`,
    component: {
      node: { path: "" } as never,
      modules: {
        get: (path) => (path === module ? exports : undefined),
        paths: () => [module],
      },
      schema: null,
      authProviders: [],
    },
  };
}

test("reuse needs the boolean true", () => {
  expect(reusesContext(fakeFunction("m", true))).toBe(true);
  expect(reusesContext(fakeFunction("m", "true"))).toBe(false);
  expect(reusesContext(fakeFunction("m", 1))).toBe(false);
  expect(reusesContext(fakeFunction("m", undefined))).toBe(false);
});

test("reuse covers queries and mutations only", () => {
  expect(reusesContext(fakeFunction("m", true, "mutation"))).toBe(true);
  expect(reusesContext(fakeFunction("m", true, "action"))).toBe(false);
  expect(reusesContext(fakeFunction("m", true, "httpAction"))).toBe(false);
});

test("reusing module gets its saved instance", async () => {
  const { bundle, loads } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const fn = fakeFunction("counter", true);
  const first = await pool.acquire(fn);
  first.release(true);
  const second = await pool.acquire(fn);
  second.release(true);
  expect(second.app).toBe(first.app);
  expect(loads()).toBe(1);
});

test("other module never gets a saved instance", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const first = await pool.acquire(fakeFunction("counter", true));
  first.release(true);
  const other = await pool.acquire(fakeFunction("other", true));
  const plain = await pool.acquire(fakeFunction("counter", false));
  expect(other.app).not.toBe(first.app);
  expect(plain.app).not.toBe(first.app);
});

test("concurrent calls never share an instance", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const fn = fakeFunction("counter", true);
  const seed = await pool.acquire(fn);
  seed.release(true);
  const a = await pool.acquire(fn);
  const b = await pool.acquire(fn);
  expect(a.app).toBe(seed.app);
  expect(b.app).not.toBe(a.app);
});

test("failed call discards its instance", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const fn = fakeFunction("counter", true);
  const failed = await pool.acquire(fn);
  failed.release(false);
  const next = await pool.acquire(fn);
  expect(next.app).not.toBe(failed.app);
});

test("clearSaved drops saved instances", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const fn = fakeFunction("counter", true);
  const first = await pool.acquire(fn);
  first.release(true);
  pool.clearSaved();
  const next = await pool.acquire(fn);
  expect(next.app).not.toBe(first.app);
});

test("clearSaved discards instances in use", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const fn = fakeFunction("counter", true);
  const running = await pool.acquire(fn);
  pool.clearSaved();
  running.release(true);
  const next = await pool.acquire(fn);
  expect(next.app).not.toBe(running.app);
});

test("saved instances are bounded", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true);
  const modules = Array.from(
    { length: MAX_SAVED_INSTANCES + 1 },
    (_, i) => `module${i}`,
  );
  const apps: LoadedApp[] = [];
  for (const module of modules) {
    const entry = await pool.acquire(fakeFunction(module, true));
    apps.push(entry.app);
    entry.release(true);
  }
  // The least recently saved instance was dropped, the newest kept.
  const oldest = await pool.acquire(fakeFunction(modules[0]!, true));
  const newest = await pool.acquire(fakeFunction(modules.at(-1)!, true));
  expect(oldest.app).not.toBe(apps[0]);
  expect(newest.app).toBe(apps.at(-1));
});
