import type { Value } from "convex/values";
import { isCommitTsPlaceholder, MAX_COMMIT_TS } from "../runtime/commit-ts";

/**
 * Order-preserving binary encoding of Convex values for index keys.
 *
 * Comparing two encodings byte by byte (memcmp, as SQLite compares BLOBs)
 * gives the same result as `compareValues` from `convex/values`, across
 * types: undefined < null < int64 < float64 < boolean < string < bytes <
 * array < object. Every encoding is prefix-free, so the concatenation of
 * several encodings orders as the tuple of their values.
 */

const TAG_UNDEFINED = 0x01;
const TAG_NULL = 0x02;
const TAG_INT64 = 0x03;
const TAG_FLOAT64 = 0x04;
const TAG_BOOLEAN = 0x05;
const TAG_STRING = 0x06;
const TAG_BYTES = 0x07;
const TAG_ARRAY = 0x08;
const TAG_OBJECT = 0x09;
/** Ends an array or object; sorts before every tag. */
const END = 0x00;

/** Sorts after every encoded value, so `prefix + MAX_BYTE` bounds a prefix. */
export const MAX_BYTE = 0xff;

class ByteWriter {
  private chunks: number[] = [];

  byte(value: number) {
    this.chunks.push(value);
  }

  bytes(values: Uint8Array) {
    for (const value of values) this.chunks.push(value);
  }

  /** Writes bytes with 0x00 escaped as 0x00 0xff, then a 0x00 0x01 terminator. */
  escaped(values: Uint8Array) {
    for (const value of values) {
      this.chunks.push(value);
      if (value === 0) this.chunks.push(0xff);
    }
    this.chunks.push(0x00, 0x01);
  }

  result(): Buffer {
    return Buffer.from(this.chunks);
  }
}

function writeFloat(writer: ByteWriter, value: number) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, false);
  const bytes = new Uint8Array(view.buffer);
  // IEEE 754 bits order as integers once negative numbers are inverted
  // and positive numbers get their sign bit set.
  if ((bytes[0]! & 0x80) !== 0) {
    for (let i = 0; i < 8; i++) bytes[i] = ~bytes[i]! & 0xff;
  } else {
    bytes[0] = bytes[0]! | 0x80;
  }
  writer.bytes(bytes);
}

function writeValue(writer: ByteWriter, value: Value | undefined) {
  if (isCommitTsPlaceholder(value)) {
    // An unresolved commit timestamp sorts after every resolved one.
    writeValue(writer, MAX_COMMIT_TS);
  } else if (value === undefined) {
    writer.byte(TAG_UNDEFINED);
  } else if (value === null) {
    writer.byte(TAG_NULL);
  } else if (typeof value === "bigint") {
    writer.byte(TAG_INT64);
    const view = new DataView(new ArrayBuffer(8));
    // Flipping the sign bit maps two's complement onto unsigned order.
    view.setBigUint64(0, BigInt.asUintN(64, value) ^ (1n << 63n), false);
    writer.bytes(new Uint8Array(view.buffer));
  } else if (typeof value === "number") {
    writer.byte(TAG_FLOAT64);
    writeFloat(writer, value);
  } else if (typeof value === "boolean") {
    writer.byte(TAG_BOOLEAN);
    writer.byte(value ? 1 : 0);
  } else if (typeof value === "string") {
    writer.byte(TAG_STRING);
    // A lone surrogate would encode as U+FFFD, but `checkSyscallJson`
    // rejects the JSON arguments of syscalls that contain one.
    writer.escaped(Buffer.from(value, "utf8"));
  } else if (value instanceof ArrayBuffer) {
    writer.byte(TAG_BYTES);
    writer.escaped(new Uint8Array(value));
  } else if (Array.isArray(value)) {
    writer.byte(TAG_ARRAY);
    for (const item of value) writeValue(writer, item);
    writer.byte(END);
  } else if (typeof value === "object") {
    writer.byte(TAG_OBJECT);
    const record = value as Record<string, Value | undefined>;
    for (const key of Object.keys(record).sort(compareUtf8)) {
      writer.byte(TAG_STRING);
      writer.escaped(Buffer.from(key, "utf8"));
      writeValue(writer, record[key]);
    }
    writer.byte(END);
  } else {
    throw new Error(`Cannot encode a value of type ${typeof value} as a key`);
  }
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Encodes one value. */
export function encodeValue(value: Value | undefined): Buffer {
  const writer = new ByteWriter();
  writeValue(writer, value);
  return writer.result();
}

/** Encodes a tuple of values, as an index key over several fields. */
export function encodeKey(values: (Value | undefined)[]): Buffer {
  const writer = new ByteWriter();
  for (const value of values) writeValue(writer, value);
  return writer.result();
}

/** Returns the smallest key greater than every key that starts with `prefix`. */
export function prefixEnd(prefix: Buffer): Buffer {
  return Buffer.concat([prefix, Buffer.from([MAX_BYTE])]);
}

/** Returns the smallest key greater than `key` itself. */
export function keySuccessor(key: Buffer): Buffer {
  return Buffer.concat([key, Buffer.from([0])]);
}
