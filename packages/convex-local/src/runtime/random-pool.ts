import { randomFillSync } from "node:crypto";

const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let used = POOL_BYTES;

/**
 * Returns `length` cryptographically random bytes. They come from a pool
 * refilled 4 KiB at a time, because every call of a function takes a few
 * (a request ID, a seed, document IDs) and each trip to the system's
 * random source costs more than the bytes.
 */
export function randomBytes(length: number): Uint8Array {
  if (length > POOL_BYTES) return randomFillSync(new Uint8Array(length));
  if (used + length > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.slice(used, used + length);
  used += length;
  return bytes;
}

/** Returns a random unsigned 32-bit integer. */
export function randomUint32(): number {
  const bytes = randomBytes(4);
  return (
    ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0
  );
}
