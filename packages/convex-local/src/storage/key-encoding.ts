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

/**
 * Writes one key into a scratch buffer that every key shares, because
 * encoding is synchronous, and copies it out at the end.
 */
class ByteWriter {
  private static scratch = Buffer.allocUnsafe(256);
  private buffer = ByteWriter.scratch;
  private length = 0;

  private reserve(bytes: number) {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(
      Math.max(this.buffer.length * 2, this.length + bytes),
    );
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
    ByteWriter.scratch = grown;
  }

  byte(value: number) {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  bytes(values: Uint8Array) {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  /** Writes bytes with 0x00 escaped as 0x00 0xff, then a 0x00 0x01 terminator. */
  escaped(values: Uint8Array) {
    this.reserve(values.length * 2 + 2);
    for (const value of values) {
      this.buffer[this.length++] = value;
      if (value === 0) this.buffer[this.length++] = 0xff;
    }
    this.buffer[this.length++] = 0x00;
    this.buffer[this.length++] = 0x01;
  }

  /** Writes a string as escaped UTF-8, like `escaped`. */
  escapedString(value: string) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.reserve(value.length * 3);
    const start = this.length;
    const written = this.buffer.write(value, start, "utf8");
    if (this.buffer.subarray(start, start + written).includes(0)) {
      this.escaped(Buffer.from(this.buffer.subarray(start, start + written)));
      return;
    }
    this.length += written;
    this.reserve(2);
    this.buffer[this.length++] = 0x00;
    this.buffer[this.length++] = 0x01;
  }

  result(): Buffer {
    const key = Buffer.allocUnsafe(this.length);
    this.buffer.copy(key, 0, 0, this.length);
    return key;
  }
}

const eightBytes = new DataView(new ArrayBuffer(8));
const eightBytesView = new Uint8Array(eightBytes.buffer);

function writeFloat(writer: ByteWriter, value: number) {
  eightBytes.setFloat64(0, value, false);
  const bytes = eightBytesView;
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
    // Flipping the sign bit maps two's complement onto unsigned order.
    eightBytes.setBigUint64(0, BigInt.asUintN(64, value) ^ (1n << 63n), false);
    writer.bytes(eightBytesView);
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
    writer.escapedString(value);
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
      writer.escapedString(key);
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
