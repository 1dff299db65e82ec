/**
 * Encodes a Convex timestamp (nanoseconds since the epoch) as the protocol's
 * EncodedTS: base64 of the u64 in 8 little-endian bytes.
 */
export function encodeTs(ts: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(ts);
  return bytes.toString("base64");
}

/**
 * Decodes an EncodedTS. Throws when the text is not base64 of exactly
 * 8 bytes.
 */
export function decodeTs(encoded: string): bigint {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
    throw new Error(`Invalid timestamp "${encoded}": expected base64 text`);
  }
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length !== 8) {
    throw new Error(
      `Invalid timestamp "${encoded}": expected 8 bytes, found ${bytes.length}`,
    );
  }
  return bytes.readBigUInt64LE();
}
