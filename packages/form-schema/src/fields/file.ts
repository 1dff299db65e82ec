import { z } from "zod";

import { inputFieldShape } from "./common";
import { LIMITS } from "./limits";

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
