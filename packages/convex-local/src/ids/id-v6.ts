/**
 * Convex v6 document IDs, byte for byte as the Convex backend writes them:
 *
 *   [VInt(tableNumber)] [16-byte internal ID] [footer]
 *
 * The VInt stores 7 bits per byte, low bits first, with the high bit set on
 * every byte but the last. The footer is the Fletcher-16 checksum (both sums
 * mod 256) of the preceding bytes XOR the version (0), little-endian. The
 * whole is unpadded lowercase Crockford base32.
 */
import { createHash } from "node:crypto";
import { realDateNow } from "../runtime/global";
import { randomBytes } from "../runtime/random-pool";

import {
  base32Length,
  base32Value,
  decodeBase32,
  encodeBase32,
} from "./base32";

/** Byte length of the internal ID: 14 random bytes and a 2-byte day stamp. */
export const INTERNAL_ID_LENGTH = 16;

/** Largest table number, because the VInt is an unsigned 32-bit integer. */
export const MAX_TABLE_NUMBER = 0xffff_ffff;

/**
 * First table number for user tables. Numbers 1 to 10000 are reserved for
 * system tables, so a user table's VInt takes 2 bytes and its IDs are 32
 * characters long.
 */
export const FIRST_USER_TABLE_NUMBER = 10001;

const VERSION = 0;
const MAX_VINT_LENGTH = 5;
const FOOTER_LENGTH = 2;
const MIN_ID_LENGTH = base32Length(1 + INTERNAL_ID_LENGTH + FOOTER_LENGTH);
const MAX_ID_LENGTH = base32Length(
  MAX_VINT_LENGTH + INTERNAL_ID_LENGTH + FOOTER_LENGTH,
);
const MS_PER_DAY = 86_400_000;

/** The parts of a decoded ID. */
export type DecodedId = { tableNumber: number; internalId: Uint8Array };

/** Reason a string is not a v6 ID, listed in the order `parseId` checks. */
export type IdDecodeFailure =
  | "invalidLength"
  | "invalidBase32"
  | "invalidTableNumber"
  | "zeroTableNumber"
  | "invalidFooter"
  | "trailingBytes"
  | "notCanonical";

/** The outcome of `parseId`: the ID's parts, or why decoding failed. */
export type ParseIdResult =
  | ({ ok: true } & DecodedId)
  | { ok: false; reason: IdDecodeFailure; message: string };

/**
 * Encodes a table number and a 16-byte internal ID as a v6 ID string.
 * Throws a RangeError when the table number is not an integer from 1 to
 * 2^32 - 1 or the internal ID is not 16 bytes.
 */
export function encodeId(tableNumber: number, internalId: Uint8Array): string {
  if (
    !Number.isInteger(tableNumber) ||
    tableNumber < 1 ||
    tableNumber > MAX_TABLE_NUMBER
  ) {
    throw new RangeError(
      `Invalid table number ${tableNumber}: expected an integer from 1 to ${MAX_TABLE_NUMBER}`,
    );
  }
  if (internalId.length !== INTERNAL_ID_LENGTH) {
    throw new RangeError(
      `Invalid internal ID length ${internalId.length}: expected ${INTERNAL_ID_LENGTH} bytes`,
    );
  }
  const tableLength = vintLength(tableNumber);
  const bytes = new Uint8Array(
    tableLength + INTERNAL_ID_LENGTH + FOOTER_LENGTH,
  );
  writeVInt(bytes, tableNumber);
  bytes.set(internalId, tableLength);
  const bodyLength = tableLength + INTERNAL_ID_LENGTH;
  const footer = fletcher16(bytes.subarray(0, bodyLength)) ^ VERSION;
  bytes[bodyLength] = footer & 0xff;
  bytes[bodyLength + 1] = footer >> 8;
  return encodeBase32(bytes);
}

/**
 * Decodes a v6 ID and reports the first failed check. The checks run in this
 * order: the length (31 to 37 characters), the base32 characters, the table
 * number VInt, a nonzero table number, the checksum footer, and that every
 * byte was used. Last, the string must be the canonical encoding of its bytes.
 */
export function parseId(id: string): ParseIdResult {
  if (id.length < MIN_ID_LENGTH || id.length > MAX_ID_LENGTH) {
    return failure("invalidLength", `Invalid ID length ${id.length}`);
  }
  const bytes = decodeBase32(id);
  if (!(bytes instanceof Uint8Array)) {
    return failure(
      "invalidBase32",
      `Invalid character "${bytes.invalidChar}" at position ${bytes.position}`,
    );
  }

  const table = decodeVInt(bytes);
  if (table === null) {
    return failure("invalidTableNumber", "Invalid table number");
  }
  if (table.value === 0) {
    return failure("zeroTableNumber", "Invalid table number 0");
  }

  const bodyLength = table.length + INTERNAL_ID_LENGTH;
  if (bytes.length < bodyLength + FOOTER_LENGTH) {
    return failure("invalidLength", `Invalid ID length ${id.length}`);
  }
  const expectedFooter = fletcher16(bytes.subarray(0, bodyLength)) ^ VERSION;
  const footer = bytes[bodyLength]! | (bytes[bodyLength + 1]! << 8);
  if (footer !== expectedFooter) {
    return failure(
      "invalidFooter",
      `Invalid ID checksum ${footer} (expected ${expectedFooter})`,
    );
  }
  if (bytes.length !== bodyLength + FOOTER_LENGTH) {
    return failure("trailingBytes", `Invalid ID length ${id.length}`);
  }

  if (!isCanonical(id, bytes, table)) {
    return failure("notCanonical", "ID is not in canonical form");
  }
  const internalId = bytes.slice(table.length, bodyLength);
  return { ok: true, tableNumber: table.value, internalId };
}

/**
 * Reports whether `id` is what `encodeId` writes for its decoded bytes.
 * Leftover bits in the last base32 character, an extra character, or a
 * VInt with redundant continuation bytes or bits past 32 decode fine but
 * give a second spelling of one ID.
 */
function isCanonical(
  id: string,
  bytes: Uint8Array,
  table: { value: number; length: number },
): boolean {
  if (table.length !== vintLength(table.value)) return false;
  // The fifth VInt byte carries bits 28 to 31, and decoding drops higher ones.
  if (table.length === MAX_VINT_LENGTH && bytes[MAX_VINT_LENGTH - 1]! > 0x0f) {
    return false;
  }
  if (id.length !== base32Length(bytes.length)) return false;
  const leftoverBits = id.length * 5 - bytes.length * 8;
  return (base32Value(id, id.length - 1) & ((1 << leftoverBits) - 1)) === 0;
}

/** Decodes a v6 ID, or returns null when `id` is not a valid v6 ID. */
export function decodeId(id: string): DecodedId | null {
  const result = parseId(id);
  if (!result.ok) {
    return null;
  }
  return { tableNumber: result.tableNumber, internalId: result.internalId };
}

/** Reports whether `id` is a valid v6 ID in canonical form. */
export function isValidId(id: unknown): id is string {
  return typeof id === "string" && parseId(id).ok;
}

/**
 * Creates a new internal ID: 14 random bytes followed by the day number since
 * the Unix epoch (UTC) as a big-endian 16-bit integer. The day stamp
 * overflows in the year 2149, as it does in Convex. `nowMs` defaults to
 * the real clock, not the frozen clock of the function making the call.
 */
export function newInternalId(nowMs: number = realDateNow()): Uint8Array {
  const internalId = new Uint8Array(INTERNAL_ID_LENGTH);
  internalId.set(randomBytes(INTERNAL_ID_LENGTH - 2), 0);
  const day = Math.floor(nowMs / MS_PER_DAY) & 0xffff;
  internalId[14] = day >> 8;
  internalId[15] = day & 0xff;
  return internalId;
}

function failure(
  reason: IdDecodeFailure,
  detail: string,
): Extract<ParseIdResult, { ok: false }> {
  return { ok: false, reason, message: `Unable to decode ID: ${detail}` };
}

/** Returns the byte length of the VInt of `value`. */
function vintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 128)) {
    length++;
  }
  return length;
}

/** Writes the VInt of `value` at the start of `out`. */
function writeVInt(out: Uint8Array, value: number) {
  let rest = value;
  let i = 0;
  while (rest >= 0x80) {
    out[i++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
  }
  out[i] = rest;
}

/**
 * Reads the table number VInt at the start of `bytes`. Returns null when it
 * is truncated or longer than 5 bytes. Bits above 32 are dropped, which
 * only happens for non-canonical input that the round-trip check rejects.
 */
function decodeVInt(
  bytes: Uint8Array,
): { value: number; length: number } | null {
  let value = 0;
  for (let i = 0; i < MAX_VINT_LENGTH; i++) {
    const byte = bytes[i];
    if (byte === undefined) {
      return null;
    }
    value = (value | ((byte & 0x7f) << (i * 7))) >>> 0;
    if (byte < 0x80) {
      return { value, length: i + 1 };
    }
  }
  return null;
}

function fletcher16(bytes: Uint8Array): number {
  let sum1 = 0;
  let sum2 = 0;
  for (const byte of bytes) {
    sum1 = (sum1 + byte) & 0xff;
    sum2 = (sum2 + sum1) & 0xff;
  }
  return (sum2 << 8) | sum1;
}

/**
 * Parses a legacy bare internal ID, as `db.normalizeId` still accepts
 * (`InternalId::from_developer_str` in the Convex backend's
 * crates/value/src/document_id.rs). Up to 22 characters are a v5 ID: 16
 * bytes in unpadded base64url. Longer text is a v4 ID: 17 bytes in base62,
 * whose 15 random bytes are hashed to the 14 of a v5 ID. Returns null for
 * anything else.
 */
export function parseLegacyInternalId(text: string): Uint8Array | null {
  return text.length > 22 ? parseV4InternalId(text) : parseV5InternalId(text);
}

function parseV5InternalId(text: string): Uint8Array | null {
  if (text.length !== 22 || !/^[A-Za-z0-9_-]+$/.test(text)) {
    return null;
  }
  const bytes = Buffer.from(text, "base64url");
  if (bytes.length !== INTERNAL_ID_LENGTH) {
    return null;
  }
  // Two spellings differ only in the low 4 bits of the last character.
  if (bytes.toString("base64url") !== text) {
    return null;
  }
  return new Uint8Array(bytes);
}

const BASE62_ALPHABET =
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Byte length of a v4 internal ID: 15 random bytes and a 2-byte day stamp. */
const V4_INTERNAL_ID_LENGTH = 17;

/**
 * Parses a v4 internal ID. Its base62 form (the `base-62` Rust crate that
 * Convex used) reads the least significant digit first, and the number's
 * big-endian bytes start with a marker byte that is dropped. Convex keeps
 * the first 14 bytes of the SHA-256 of the random part and the day stamp.
 */
function parseV4InternalId(text: string): Uint8Array | null {
  let value = 0n;
  for (let i = text.length - 1; i >= 0; i--) {
    const digit = BASE62_ALPHABET.indexOf(text[i]!);
    if (digit === -1) return null;
    value = value * 62n + BigInt(digit);
  }
  const hex = value.toString(16);
  const bytes = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, "hex");
  if (bytes.length !== V4_INTERNAL_ID_LENGTH + 1) return null;
  const random = bytes.subarray(1, 16);
  const day = bytes.subarray(16, 18);
  const internalId = new Uint8Array(INTERNAL_ID_LENGTH);
  internalId.set(createHash("sha256").update(random).digest().subarray(0, 14));
  internalId.set(day, 14);
  return internalId;
}
