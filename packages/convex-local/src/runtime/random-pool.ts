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
  const start = take(length);
  return pool.slice(start, start + length);
}

/** Returns a random unsigned 32-bit integer. */
export function randomUint32(): number {
  const i = take(4);
  return (
    ((pool[i]! << 24) |
      (pool[i + 1]! << 16) |
      (pool[i + 2]! << 8) |
      pool[i + 3]!) >>>
    0
  );
}

/** Reserves `length` unused bytes of the pool and returns their offset. */
function take(length: number): number {
  if (used + length > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const start = used;
  used += length;
  return start;
}
