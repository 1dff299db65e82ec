import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";

import { decodeBase32, encodeBase32 } from "./base32";
import {
  FIRST_USER_TABLE_NUMBER,
  decodeId,
  encodeId,
  isValidId,
  newInternalId,
  parseId,
  parseLegacyInternalId,
} from "./id-v6";

/** Builds the Convex backend's stability-test internal ID, 251^(i+1) mod 256. */
function stabilityInternalId(): Uint8Array {
  const bytes = new Uint8Array(16);
  bytes[0] = 251;
  for (let i = 1; i < 16; i++) {
    bytes[i] = (bytes[i - 1]! * 251) & 0xff;
  }
  return bytes;
}

const SAMPLE_ID = "z43zp6c3e75gkmz1kfwj6mbbx5sw281h";

describe("encodeId", () => {
  test("matches backend sample for table 1017", () => {
    expect(encodeId(1017, stabilityInternalId())).toBe(SAMPLE_ID);
  });

  test.each([
    { tableNumber: 1, length: 31 },
    { tableNumber: 127, length: 31 },
    { tableNumber: 128, length: 32 },
    { tableNumber: FIRST_USER_TABLE_NUMBER, length: 32 },
    { tableNumber: 16383, length: 32 },
    { tableNumber: 16384, length: 34 },
    { tableNumber: 2 ** 21, length: 36 },
    { tableNumber: 2 ** 28, length: 37 },
    { tableNumber: 2 ** 32 - 1, length: 37 },
  ])("table $tableNumber gives length $length", ({ tableNumber, length }) => {
    const id = encodeId(tableNumber, newInternalId());
    expect(id).toHaveLength(length);
  });

  test.each([0, -1, 1.5, 2 ** 32, Number.NaN])(
    "rejects table number %s",
    (tableNumber) => {
      expect(() => encodeId(tableNumber, new Uint8Array(16))).toThrow(
        RangeError,
      );
    },
  );

  test("rejects short internal ID", () => {
    expect(() => encodeId(10001, new Uint8Array(15))).toThrow(RangeError);
  });
});

describe("decodeId", () => {
  test("decodes backend sample", () => {
    const decoded = decodeId(SAMPLE_ID);
    expect(decoded?.tableNumber).toBe(1017);
    expect(decoded?.internalId).toEqual(stabilityInternalId());
  });

  test.each([1, 127, 128, 10001, 16384, 2 ** 21, 2 ** 28, 2 ** 32 - 1])(
    "round trips table %i",
    (tableNumber) => {
      const internalId = newInternalId();
      const decoded = decodeId(encodeId(tableNumber, internalId));
      expect(decoded?.tableNumber).toBe(tableNumber);
      expect(decoded?.internalId).toEqual(internalId);
    },
  );

  test("round trips random IDs", () => {
    for (let i = 0; i < 500; i++) {
      const tableNumber = 1 + Math.floor(Math.random() * 0xffff_fffe);
      const internalId = newInternalId();
      const id = encodeId(tableNumber, internalId);
      const decoded = decodeId(id);
      expect(decoded?.tableNumber).toBe(tableNumber);
      expect(decoded?.internalId).toEqual(internalId);
    }
  });
});

describe("parseId", () => {
  /** Re-encodes bytes so only the later checks can fail. */
  function idFromBytes(bytes: number[]): string {
    return encodeBase32(Uint8Array.from(bytes));
  }

  function withFooter(body: number[]): number[] {
    let sum1 = 0;
    let sum2 = 0;
    for (const byte of body) {
      sum1 = (sum1 + byte) & 0xff;
      sum2 = (sum2 + sum1) & 0xff;
    }
    return [...body, sum1, sum2];
  }

  const internal = Array.from(stabilityInternalId());

  test.each([
    { description: "empty string", id: "", reason: "invalidLength" },
    {
      description: "30 characters",
      id: "0".repeat(30),
      reason: "invalidLength",
    },
    {
      description: "38 characters",
      id: "0".repeat(38),
      reason: "invalidLength",
    },
    {
      description: "uppercase letter",
      id: SAMPLE_ID.toUpperCase(),
      reason: "invalidBase32",
    },
    {
      description: "excluded letter u",
      id: `u${SAMPLE_ID.slice(1)}`,
      reason: "invalidBase32",
    },
    {
      description: "non-ASCII character",
      id: `é${SAMPLE_ID.slice(1)}`,
      reason: "invalidBase32",
    },
    {
      description: "VInt over 5 bytes",
      id: idFromBytes([
        0x81,
        0x81,
        0x81,
        0x81,
        0x81,
        0x01,
        ...internal.slice(0, 14),
      ]),
      reason: "invalidTableNumber",
    },
    {
      description: "zero table number",
      id: idFromBytes(withFooter([0, ...internal])),
      reason: "zeroTableNumber",
    },
    {
      description: "truncated body",
      id: idFromBytes([0xf9, 0x07, ...internal.slice(0, 15), 0]),
      reason: "invalidLength",
    },
    {
      description: "wrong checksum",
      id: `${SAMPLE_ID.slice(0, -1)}${SAMPLE_ID.endsWith("0") ? "1" : "0"}`,
      reason: "invalidFooter",
    },
    {
      description: "trailing byte",
      id: idFromBytes([...withFooter([0x0a, ...internal]), 0]),
      reason: "trailingBytes",
    },
    {
      description: "redundant VInt byte",
      id: idFromBytes(withFooter([0x8a, 0x00, ...internal])),
      reason: "notCanonical",
    },
    {
      description: "VInt bits past 32",
      id: idFromBytes(withFooter([0xff, 0xff, 0xff, 0xff, 0x1f, ...internal])),
      reason: "notCanonical",
    },
    {
      description: "backend non-canonical sample",
      id: "mz1xn7tymdnktmmzqy5xxhn7tjs2nkkfmtjjr",
      reason: "notCanonical",
    },
  ])("rejects $description", ({ id, reason }) => {
    const result = parseId(id);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.reason).toBe(reason);
  });

  test("accepts exactly what encodeId writes", () => {
    const alphabet = [..."0123456789abcdefghjkmnpqrstvwxyz"];
    const tableNumbers = [1, 127, 128, 10_001, 2 ** 21, 2 ** 28, 2 ** 32 - 1];
    for (const tableNumber of tableNumbers) {
      const id = encodeId(tableNumber, newInternalId());
      // Another last character changes padding bits or the checksum, and
      // one more character is one too many.
      const lastChanged = alphabet.map((char) => `${id.slice(0, -1)}${char}`);
      const extended = alphabet.map((char) => `${id}${char}`);
      const accepted = [...lastChanged, ...extended].filter(
        (candidate) => parseId(candidate).ok,
      );
      expect(accepted).toEqual([id]);
    }
  });

  test("rejects leftover bits in last character", () => {
    // Table 1 gives 19 bytes in 31 characters, so the last character carries
    // 3 padding bits that decoding drops.
    const id = encodeId(1, stabilityInternalId());
    const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    const last = alphabet.indexOf(id.at(-1)!);
    const changed = `${id.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(decodeBase32(changed)).toEqual(decodeBase32(id));
    const result = parseId(changed);
    expect(result.ok ? null : result.reason).toBe("notCanonical");
  });

  test("messages name the failure", () => {
    const result = parseId("abc");
    expect(result.ok ? "" : result.message).toBe(
      "Unable to decode ID: Invalid ID length 3",
    );
  });
});

describe("isValidId", () => {
  test.each([
    { value: SAMPLE_ID, expected: true },
    { value: encodeId(10001, newInternalId()), expected: true },
    { value: SAMPLE_ID.slice(1), expected: false },
    { value: 42, expected: false },
    { value: null, expected: false },
  ])("returns $expected for $value", ({ value, expected }) => {
    expect(isValidId(value)).toBe(expected);
  });
});

describe("newInternalId", () => {
  test("ends with big-endian day stamp", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    const day = Math.floor(now.getTime() / 86_400_000);
    const internalId = newInternalId(now.getTime());
    expect(internalId).toHaveLength(16);
    expect(internalId[14]).toBe(day >> 8);
    expect(internalId[15]).toBe(day & 0xff);
  });

  test("random part differs", () => {
    const first = newInternalId().subarray(0, 14);
    const second = newInternalId().subarray(0, 14);
    expect(first).not.toEqual(second);
  });
});

/**
 * Encodes bytes as the `base-62` Rust crate does: the bytes as a
 * big-endian number, written least significant digit first.
 */
function encodeBase62(bytes: number[]): string {
  const alphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let value = BigInt(`0x${Buffer.from(bytes).toString("hex")}`);
  let text = "";
  while (value > 0n) {
    text += alphabet[Number(value % 62n)];
    value /= 62n;
  }
  return text;
}

describe("parseLegacyInternalId", () => {
  test("accepts 16 bytes in base64url", () => {
    const internalId = stabilityInternalId();
    const text = Buffer.from(internalId).toString("base64url");
    expect(parseLegacyInternalId(text)).toEqual(internalId);
  });

  test("accepts a v4 base62 ID", () => {
    // 15 random bytes 1..15 and day 0x4e20, encoded and hashed outside
    // this code (Python int and hashlib) as the base-62 crate and Convex do.
    const internalId = parseLegacyInternalId("G0YdcF5U5cPKgI8wWTXWRIW");
    expect(internalId).not.toBeNull();
    expect(Buffer.from(internalId!).toString("hex")).toBe(
      "36030fcc7e566294905b49a720eb4e20",
    );
  });

  test("v4 ID matches an encoder", () => {
    const random = Uint8Array.from({ length: 15 }, (_, i) => 200 + i);
    const day = [0x01, 0x02];
    const text = encodeBase62([1, ...random, ...day]);
    const expected = createHash("sha256")
      .update(random)
      .digest()
      .subarray(0, 14);

    const internalId = parseLegacyInternalId(text);
    expect(text.length).toBeGreaterThan(22);
    expect(internalId).not.toBeNull();
    expect(Buffer.from(internalId!.subarray(0, 14))).toEqual(expected);
    expect([...internalId!.subarray(14)]).toEqual(day);
  });

  test.each([
    { description: "v6 ID", text: SAMPLE_ID },
    {
      description: "v4 ID of 16 bytes",
      text: encodeBase62([1, ...new Array<number>(16).fill(7)]),
    },
    { description: "v4 ID with a bad character", text: `${"A".repeat(22)}-` },
    { description: "padded base64", text: "AAAAAAAAAAAAAAAAAAAAAA==" },
    { description: "non-canonical last character", text: `${"A".repeat(21)}B` },
    { description: "standard base64 characters", text: `${"A".repeat(21)}+` },
  ])("rejects $description", ({ text }) => {
    expect(parseLegacyInternalId(text)).toBeNull();
  });
});
