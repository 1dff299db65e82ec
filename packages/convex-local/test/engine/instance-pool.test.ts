import { expect, test } from "vitest";
import type { BundledApp, LoadedApp } from "../../src/engine/functions";
import {
  InstancePool,
  MAX_CONCURRENT_TRANSACTIONS,
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
  let resolved = false;
  const waiting = pool.acquire().then((entry) => {
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
