import { compareValues, type Value } from "convex/values";
import { describe, expect, test } from "vitest";
import {
  encodeKey,
  encodeValue,
  keySuccessor,
  prefixEnd,
} from "../../src/storage/key-encoding";

const bytes = (...values: number[]) => new Uint8Array(values).buffer;

/** Values of every type, including the edge cases of each. */
const VALUES: (Value | undefined)[] = [
  undefined,
  null,
  -(2n ** 63n),
  -1n,
  0n,
  1n,
  2n ** 63n - 1n,
  -Infinity,
  -1.5,
  -0,
  0,
  Number.MIN_VALUE,
  1,
  2.5,
  Infinity,
  NaN,
  false,
  true,
  "",
  "\u0000",
  "a",
  "a\u0000b",
  "ab",
  "b",
  "é",
  "😀",
  bytes(),
  bytes(0),
  bytes(0, 0),
  bytes(1),
  bytes(255),
  [],
  [null],
  [1, 2],
  [1, 2, 3],
  [2],
  ["a"],
  {},
  { a: 1 },
  { a: 1, b: 2 },
  { a: 2 },
  { b: 0 },
];

function sign(n: number) {
  return Math.sign(n);
}

describe("key encoding", () => {
  test("byte order matches compareValues", () => {
    for (const a of VALUES) {
      for (const b of VALUES) {
        const expected = sign(compareValues(a, b));
        const actual = sign(Buffer.compare(encodeValue(a), encodeValue(b)));
        expect(actual, `${String(a)} vs ${String(b)}`).toBe(expected);
      }
    }
  });

  test("escapes zero bytes in strings", () => {
    expect([...encodeValue("a\u0000b")]).toEqual([
      0x06, 0x61, 0x00, 0xff, 0x62, 0x00, 0x01,
    ]);
  });

  test("keys survive later encodings", () => {
    const long = encodeValue("x".repeat(1000));
    const copy = Buffer.from(long);
    encodeValue("y".repeat(5000));
    encodeKey([1, "z"]);
    expect(long).toEqual(copy);
    expect(long.length).toBe(1 + 1000 + 2);
  });

  test("tuples order field by field", () => {
    const low = encodeKey(["a", 2]);
    const high = encodeKey(["ab", 1]);
    expect(Buffer.compare(low, high)).toBe(-1);
    expect(Buffer.compare(encodeKey(["a"]), low)).toBe(-1);
  });

  test("prefix end bounds extensions", () => {
    const prefix = encodeKey(["name"]);
    const extended = encodeKey(["name", { deep: [1, "x"] }, true]);
    const next = encodeKey(["namf"]);
    expect(Buffer.compare(extended, prefixEnd(prefix))).toBe(-1);
    expect(Buffer.compare(prefixEnd(prefix), next)).toBe(-1);
  });

  test("successor is the next key", () => {
    const key = encodeKey(["k", 1]);
    expect(Buffer.compare(key, keySuccessor(key))).toBe(-1);
    expect(Buffer.compare(keySuccessor(key), encodeKey(["k", 1, null]))).toBe(
      -1,
    );
  });
});
