// Zod-free, so the answer validator can check files without bundling zod.
import { LIMITS } from "./limits";

/** MIME types a file field accepts when `accept` is not set. */
export const DEFAULT_FILE_TYPES: readonly string[] = [
  "image/jpeg",
  "image/png",
  "image/heic",
  "application/pdf",
];

/** Returns the MIME types a file field accepts. */
export function acceptedFileTypes(field: {
  accept?: readonly string[];
}): readonly string[] {
  return field.accept ?? DEFAULT_FILE_TYPES;
}

/**
 * Returns the largest size in bytes a file field accepts. The 10 MiB cap
 * holds even for a definition that skipped schema validation.
 */
export function maxFileSizeBytes(field: { maxSizeBytes?: number }): number {
  const size = field.maxSizeBytes ?? LIMITS.fileSizeBytes;
  return Math.min(size, LIMITS.fileSizeBytes);
}

/**
 * Checks whether `contentType` matches one of the accepted types. MIME types
 * compare case-insensitively, and parameters such as "; charset=utf-8" are
 * ignored.
 */
export function isAcceptedFileType(
  accept: readonly string[],
  contentType: string,
): boolean {
  const essence = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  const slash = essence.indexOf("/");
  if (slash <= 0) {
    return false;
  }
  const topLevel = essence.slice(0, slash);
  return accept.some((type) => {
    const allowed = type.toLowerCase();
    return allowed === essence || allowed === `${topLevel}/*`;
  });
}
