import { z } from "zod";

import { inputFieldShape } from "./common";
import { LIMITS } from "./limits";

/** MIME types a file field accepts when `accept` is not set. */
export const DEFAULT_FILE_TYPES: readonly string[] = [
  "image/jpeg",
  "image/png",
  "image/heic",
  "application/pdf",
];

// A MIME type as in RFC 6838 section 4.2, or a whole top-level type like
// "image/*" as the HTML accept attribute allows.
const MIME_TYPE =
  /^[a-z0-9][a-z0-9!#$&^_.+-]*\/(?:\*|[a-z0-9][a-z0-9!#$&^_.+-]*)$/;

/** A MIME type in lowercase, like "image/png", or a wildcard like "image/*". */
export const mimeTypeSchema = z
  .string()
  .max(LIMITS.fileTokenLength)
  .regex(MIME_TYPE, { message: 'Use a lowercase MIME type like "image/png"' });

/** An uploaded file, such as a photo of an insurance card. */
export const fileFieldSchema = z.strictObject({
  type: z.literal("file"),
  ...inputFieldShape,
  /** Accepted MIME types. Defaults to `DEFAULT_FILE_TYPES`. */
  accept: z.array(mimeTypeSchema).max(LIMITS.fileTypes).optional(),
  /** Largest accepted size in bytes, at most and by default 10 MiB. */
  maxSizeBytes: z.int().min(1).max(LIMITS.fileSizeBytes).optional(),
  /** Opens the camera rather than the file picker on phones. */
  capture: z.boolean().optional(),
});

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
