import { expect, test } from "vitest";
import type { BundledApp, LoadedApp } from "../../src/engine/functions";
import { InstancePool } from "../../src/engine/instance-pool";

function fakeBundle() {
  let loads = 0;
  const bundle = {
    tree: null as never,
    instantiate: async (): Promise<LoadedApp> => {
      loads += 1;
      return new Map();
    },
  } satisfies BundledApp;
  return { bundle, loads: () => loads };
}

const failOnError = (error: Error) => {
  throw error;
};

test("concurrent calls get distinct instances", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true, failOnError, new Map());
  await pool.warm(3);
  const taken = await Promise.all([
    pool.acquire(),
    pool.acquire(),
    pool.acquire(),
  ]);
  expect(new Set(taken.map((entry) => entry.app)).size).toBe(3);
});

test("idle instance is reused", async () => {
  const { bundle, loads } = fakeBundle();
  const first = new Map();
  const pool = new InstancePool(bundle, true, failOnError, first);
  const a = await pool.acquire();
  a.release();
  const b = await pool.acquire();
  expect(b.app).toBe(first);
  expect(loads()).toBe(0);
});

test("busy call gets a fresh instance", async () => {
  const { bundle, loads } = fakeBundle();
  const first = new Map();
  const pool = new InstancePool(bundle, true, failOnError, first);
  const held = await pool.acquire();
  const next = await pool.acquire();
  expect(next.app).not.toBe(first);
  expect(loads()).toBe(1);
  held.release();
  next.release();
});

test("full pool queues until release", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, true, failOnError, new Map());
  await pool.warm(16);
  const held = await Promise.all(
    Array.from({ length: 16 }, () => pool.acquire()),
  );
  let resolved = false;
  const waiting = pool.acquire().then((entry) => {
    resolved = true;
    return entry;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(resolved).toBe(false);
  held[3]!.release();
  const next = await waiting;
  expect(next.app).toBe(held[3]!.app);
});

test("action pool shares a busy instance", async () => {
  const { bundle } = fakeBundle();
  const pool = new InstancePool(bundle, false, failOnError);
  const a = await pool.acquire();
  const b = await pool.acquire();
  expect(b.app).toBe(a.app);
});
