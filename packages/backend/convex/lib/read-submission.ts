import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { requireClinicDoc } from "./access";
import { writeAudit } from "./audit";
import { findUpload } from "./files";
import { answerStorageIds } from "./submission-files";
import { answersValidator, definitionValidator } from "./validators";

/**
 * A submission without its answers: what live queries may return to
 * staff, because reading it writes no audit entry.
 */
export const submissionMetadataValidator = v.object({
  submissionId: v.id("submissions"),
  formId: v.id("forms"),
  versionId: v.id("formVersions"),
  version: v.number(),
  posterId: v.union(v.id("posters"), v.null()),
  reference: v.string(),
  submittedAt: v.number(),
  reviewedAt: v.union(v.number(), v.null()),
});

/**
 * A submission with its answers, the definition of the version it
 * answered and a download URL per stored file (null once the file is
 * gone), as the audited reads return it.
 */
export const openedSubmissionValidator = v.object({
  ...submissionMetadataValidator.fields,
  answers: answersValidator,
  definition: definitionValidator,
  files: v.array(
    v.object({ storageId: v.string(), url: v.union(v.string(), v.null()) }),
  ),
});

/** Returns the fields of `submissionMetadataValidator` of a row. */
export function submissionMetadata(row: Doc<"submissions">) {
  return {
    submissionId: row._id,
    formId: row.formId,
    versionId: row.versionId,
    version: row.version,
    posterId: row.posterId ?? null,
    reference: row.reference,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt ?? null,
  };
}

/**
 * Checks that the caller is staff of the submission's clinic, records
 * `action` in the audit log in the same transaction and returns the
 * submission with its answers. Throws `unauthenticated` for anonymous
 * callers and `notFound` for missing submissions and other clinics', and
 * then writes no entry.
 */
export async function readSubmissionAudited(
  ctx: MutationCtx,
  submissionId: Id<"submissions">,
  action: "view" | "print",
) {
  const { userId, doc: row } = await requireClinicDoc(
    ctx,
    submissionId,
    `Submission ${submissionId}`,
  );
  await writeAudit(ctx, {
    clinicId: row.clinicId,
    actorId: userId,
    action,
    submissionId: row._id,
    formId: row.formId,
    detail: `Submission ${row.reference}`,
  });

  const version = await ctx.db.get(row.versionId);
  return {
    ...submissionMetadata(row),
    answers: row.answers,
    definition: version?.definition ?? null,
    files: await fileUrls(ctx, row),
  };
}

/** Returns a URL for each file of the submission's answers. */
async function fileUrls(ctx: MutationCtx, row: Doc<"submissions">) {
  const files = [];
  for (const storageId of answerStorageIds(row.answers)) {
    const upload = await findUpload(ctx, storageId);
    const attached = upload !== null && upload.submissionId === row._id;
    const url = attached ? await ctx.storage.getUrl(storageId) : null;
    files.push({ storageId, url });
  }
  return files;
}
