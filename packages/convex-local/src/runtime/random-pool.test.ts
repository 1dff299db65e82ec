import { expect, test } from "vitest";
import { randomBytes, randomUint32 } from "./random-pool";

test("hands out fresh bytes across pool refills", () => {
  const seen = new Set<string>();
  // 2,000 draws of 14 bytes use the 4 KiB pool several times over.
  for (let i = 0; i < 2000; i++) {
    const bytes = randomBytes(14);
    expect(bytes).toHaveLength(14);
    seen.add(Buffer.from(bytes).toString("hex"));
  }
  expect(seen.size).toBe(2000);
});

test("returned bytes do not change when the pool refills", () => {
  const first = randomBytes(16);
  const copy = Uint8Array.from(first);
  for (let i = 0; i < 600; i++) randomBytes(16);
  expect(first).toEqual(copy);
});

test("serves requests larger than the pool", () => {
  expect(randomBytes(10_000)).toHaveLength(10_000);
});

test("random integers are unsigned 32-bit and spread out", () => {
  const values = Array.from({ length: 1000 }, () => randomUint32());
  for (const value of values) {
    expect(Number.isInteger(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(2 ** 32);
  }
  expect(values.some((value) => value >= 2 ** 31)).toBe(true);
  expect(new Set(values).size).toBeGreaterThan(990);
});
