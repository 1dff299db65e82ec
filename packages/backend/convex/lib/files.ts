import {
  acceptedFileTypes,
  fileAnswerEntries,
  isAcceptedFileType,
  maxFileSizeBytes,
  type FileField,
  type FormDefinition,
} from "@intake/form-schema";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { intakeError } from "./errors";

/** The widest file rules of a form: any accepted type, the largest size. */
export type FileLimits = { accept: string[]; maxSizeBytes: number };

/**
 * Returns the union of accepted types and the largest size over the form's
 * file fields, group items included, or null when it has no file field.
 */
export function formFileLimits(definition: FormDefinition): FileLimits | null {
  const fields: FileField[] = [];
  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (field.type === "file") {
        fields.push(field);
      }
      if (field.type === "group") {
        for (const itemField of field.fields) {
          if (itemField.type === "file") fields.push(itemField);
        }
      }
    }
  }
  if (fields.length === 0) return null;
  const accept = new Set(fields.flatMap((field) => acceptedFileTypes(field)));
  const maxSizeBytes = Math.max(...fields.map(maxFileSizeBytes));
  return { accept: [...accept], maxSizeBytes };
}

/** Builds the `invalidFile` error for a storage id. */
export function invalidFileError(
  storageId: string,
  message: string,
  fieldId?: string,
) {
  return intakeError({
    kind: "invalidFile",
    message,
    storageId,
    ...(fieldId === undefined ? {} : { fieldId }),
  });
}

/** Loads the upload row of a storage id, or null. */
export async function findUpload(
  ctx: QueryCtx,
  storageId: Id<"_storage">,
): Promise<Doc<"uploads"> | null> {
  return await ctx.db
    .query("uploads")
    .withIndex("by_storageId", (q) => q.eq("storageId", storageId))
    .unique();
}

/**
 * Checks every file answer of a submission and returns the upload rows to
 * attach. Each file must be registered for this form and visitor, not yet
 * attached, used once, still stored, and have the content type and size
 * that `_storage` records, which the answer's field must accept. Throws
 * `invalidFile` naming the answer key otherwise.
 */
export async function requireSubmittedFiles(
  ctx: MutationCtx,
  formId: Id<"forms">,
  visitorId: string,
  definition: FormDefinition,
  answers: Record<string, unknown>,
): Promise<Doc<"uploads">[]> {
  const uploads: Doc<"uploads">[] = [];
  const seen = new Set<string>();
  for (const { key, field, answer } of fileAnswerEntries(definition, answers)) {
    const fail = (message: string) =>
      invalidFileError(answer.storageId, message, key);

    const storageId = ctx.db.system.normalizeId("_storage", answer.storageId);
    if (storageId === null) {
      throw fail("This is not an uploaded file. Upload the file again.");
    }
    if (seen.has(storageId)) {
      throw fail("The same file is attached twice. Upload each file once.");
    }
    seen.add(storageId);

    const upload = await findUpload(ctx, storageId);
    // Another visitor's or form's upload gets the same message as an
    // unknown one, so a storage id reveals nothing.
    if (
      upload === null ||
      upload.formId !== formId ||
      upload.visitorId !== visitorId
    ) {
      throw fail("This file was not uploaded for this form. Upload it again.");
    }
    if (upload.submissionId !== undefined) {
      throw fail(
        "This file belongs to an earlier submission. Upload it again.",
      );
    }
    const stored = await ctx.db.system.get(storageId);
    if (stored === null) {
      throw fail("This file is no longer stored. Upload it again.");
    }
    const storedType = (stored.contentType ?? "").toLowerCase();
    if (
      storedType !== answer.contentType.toLowerCase() ||
      stored.size !== answer.size
    ) {
      throw fail(
        "The file's type or size differs from the uploaded file. Upload it again.",
      );
    }
    if (
      !isAcceptedFileType(acceptedFileTypes(field), storedType) ||
      stored.size > maxFileSizeBytes(field)
    ) {
      throw fail("This question does not accept this file. Choose another.");
    }
    uploads.push(upload);
  }
  return uploads;
}
