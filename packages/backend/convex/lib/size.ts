/** Returns the UTF-8 size in bytes of `value` serialized as JSON. */
export function byteLength(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}
