import { authTables } from "@convex-dev/auth/server";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import {
  answersValidator,
  auditActionValidator,
  definitionValidator,
  formStatusValidator,
  roleValidator,
} from "./lib/validators";

export default defineSchema({
  ...authTables,

  clinics: defineTable({
    name: v.string(),
    createdBy: v.id("users"),
  }),

  /** Membership of a user in a clinic; at most one row per pair. */
  members: defineTable({
    clinicId: v.id("clinics"),
    userId: v.id("users"),
    role: roleValidator,
  })
    .index("by_userId", ["userId"])
    .index("by_clinicId_and_userId", ["clinicId", "userId"]),

  forms: defineTable({
    clinicId: v.id("clinics"),
    title: v.string(),
    /** Public address part, unique over all clinics: `/f/<slug>`. */
    slug: v.string(),
    /** The editable definition; publishing copies it into `formVersions`. */
    draft: definitionValidator,
    status: formStatusValidator,
    publishedVersion: v.union(v.number(), v.null()),
    publishedVersionId: v.union(v.id("formVersions"), v.null()),
    /**
     * Counts the saves of `draft`, so a stale editor's save is rejected.
     * Absent on forms created before it existed, which counts as 0.
     */
    draftRevision: v.optional(v.number()),
    /**
     * Milliseconds since the epoch of the last draft change, publish or
     * unpublish.
     */
    updatedAt: v.number(),
    /**
     * Days a submission is kept before the daily purge deletes it, from
     * 30 to 3650. Absent on forms created before every form had one, which
     * then keep submissions for `defaultRetentionDays`.
     */
    retentionDays: v.optional(v.number()),
  })
    .index("by_clinicId_and_updatedAt", ["clinicId", "updatedAt"])
    .index("by_slug", ["slug"])
    .index("by_retentionDays", ["retentionDays"]),

  /** Immutable snapshots of a form: inserted on publish, never patched. */
  formVersions: defineTable({
    formId: v.id("forms"),
    clinicId: v.id("clinics"),
    /** 1 for the first publish of a form, then counting up by one. */
    version: v.number(),
    definition: definitionValidator,
    publishedBy: v.id("users"),
    /** Milliseconds since the epoch. */
    publishedAt: v.number(),
  }).index("by_formId_and_version", ["formId", "version"]),

  submissions: defineTable({
    formId: v.id("forms"),
    clinicId: v.id("clinics"),
    /** The version the answers were validated against. */
    versionId: v.id("formVersions"),
    version: v.number(),
    visitorId: v.string(),
    /** Client-chosen key that makes a retried submit return the first result. */
    submissionKey: v.string(),
    /** Short code the patient can read out at the front desk. */
    reference: v.string(),
    answers: answersValidator,
    /** Milliseconds since the epoch. */
    submittedAt: v.number(),
    /** When a staff member marked it reviewed; absent until then. */
    reviewedAt: v.optional(v.number()),
    reviewedBy: v.optional(v.id("users")),
    /**
     * True while reviewed, absent otherwise, so the inbox indexes can
     * select one review state and still range over `submittedAt`.
     */
    reviewed: v.optional(v.literal(true)),
    /** The poster whose code brought the patient to the form, if any. */
    posterId: v.optional(v.id("posters")),
  })
    .index("by_submissionKey", ["submissionKey"])
    .index("by_formId_and_submittedAt", ["formId", "submittedAt"])
    // Rows without `reviewedAt` sort first, so `eq(undefined)` selects the
    // new submissions and `gte(0)` the reviewed ones.
    .index("by_formId_and_reviewedAt", ["formId", "reviewedAt"])
    .index("by_clinicId_and_reference", ["clinicId", "reference"])
    .index("by_clinicId_and_submittedAt", ["clinicId", "submittedAt"])
    .index("by_clinicId_and_reviewed_and_submittedAt", [
      "clinicId",
      "reviewed",
      "submittedAt",
    ])
    .index("by_formId_and_reviewed_and_submittedAt", [
      "formId",
      "reviewed",
      "submittedAt",
    ])
    .index("by_posterId_and_submittedAt", ["posterId", "submittedAt"])
    .index("by_posterId_and_reviewed_and_submittedAt", [
      "posterId",
      "reviewed",
      "submittedAt",
    ]),

  /** Outgoing email, stored instead of sent (see `outbox.ts`). */
  outbox: defineTable({
    to: v.string(),
    subject: v.string(),
    text: v.string(),
    /** The one-time code the message carries, shown on the outbox page. */
    code: v.optional(v.string()),
    /** Milliseconds since the epoch. */
    sentAt: v.number(),
  }),

  /** Links that let a person join a clinic (see `invites.ts`). */
  invites: defineTable({
    clinicId: v.id("clinics"),
    role: roleValidator,
    /** SHA-256 of the link's token, in hex. The token itself is not stored. */
    tokenHash: v.string(),
    /** The address the owner meant the link for. Accepting does not check it. */
    email: v.optional(v.string()),
    createdBy: v.id("users"),
    /** Milliseconds since the epoch, like the other times here. */
    createdAt: v.number(),
    expiresAt: v.number(),
    usedAt: v.optional(v.number()),
    usedBy: v.optional(v.id("users")),
    revokedAt: v.optional(v.number()),
  })
    .index("by_tokenHash", ["tokenHash"])
    .index("by_clinicId_and_createdAt", ["clinicId", "createdAt"]),

  /** A printed QR code of a form; its `code` is the `src` of its URL. */
  posters: defineTable({
    clinicId: v.id("clinics"),
    formId: v.id("forms"),
    /** 1 to 60 characters, unique among the form's active posters. */
    name: v.string(),
    /** 6 characters of lower-case base32, unique over all posters. */
    code: v.string(),
    /** Milliseconds since the epoch. */
    createdAt: v.number(),
    createdBy: v.id("users"),
    /** Archived posters leave the list but still count their visits. */
    archived: v.optional(v.boolean()),
  })
    .index("by_formId", ["formId"])
    .index("by_code", ["code"]),

  /**
   * One row per visitor per form, so visitors never write the same row.
   * It stores progress only, never answers. Times are milliseconds since
   * the epoch.
   */
  visits: defineTable({
    formId: v.id("forms"),
    clinicId: v.id("clinics"),
    visitorId: v.string(),
    /** The poster whose code the visitor's first request carried. */
    source: v.optional(v.id("posters")),
    firstSeenAt: v.number(),
    /** When the visitor gave a first answer. */
    startedAt: v.optional(v.number()),
    lastActiveAt: v.number(),
    /** Index from 0 of the page the visitor is on, out of `pageCount`. */
    pageIndex: v.number(),
    pageCount: v.number(),
    submittedAt: v.optional(v.number()),
  })
    .index("by_formId_and_visitorId", ["formId", "visitorId"])
    // Rows without `submittedAt` sort first, so `eq(undefined)` selects
    // the visits still open and `gte(0)` the submitted ones.
    .index("by_clinicId_and_submittedAt_and_lastActiveAt", [
      "clinicId",
      "submittedAt",
      "lastActiveAt",
    ]),

  /**
   * Who viewed, printed, exported or deleted submissions of a clinic. It
   * stores references and counts, never answers.
   */
  audit: defineTable({
    clinicId: v.id("clinics"),
    /** Absent for deletions by the retention purge. */
    actorId: v.optional(v.id("users")),
    action: auditActionValidator,
    submissionId: v.optional(v.id("submissions")),
    formId: v.optional(v.id("forms")),
    /** Short description such as a reference or a row count. */
    detail: v.optional(v.string()),
    /** Rows an export has returned so far, on "export" entries. */
    rowCount: v.optional(v.number()),
    /** Milliseconds since the epoch. */
    at: v.number(),
  }).index("by_clinicId_and_at", ["clinicId", "at"]),

  /**
   * Files a visitor uploaded for a form's file questions. A row without
   * `submissionId` is unattached, and a cron deletes those after 24 hours.
   */
  uploads: defineTable({
    formId: v.id("forms"),
    clinicId: v.id("clinics"),
    visitorId: v.string(),
    storageId: v.id("_storage"),
    /** The file name the browser reported, at most 255 characters. */
    name: v.optional(v.string()),
    /** Copied from `_storage` when registered. */
    contentType: v.string(),
    /** Size in bytes, copied from `_storage` when registered. */
    size: v.number(),
    /** Milliseconds since the epoch. */
    createdAt: v.number(),
    submissionId: v.optional(v.id("submissions")),
  })
    .index("by_storageId", ["storageId"])
    // Unattached rows sort first, so `eq(undefined)` with a `createdAt`
    // bound selects the stale ones.
    .index("by_submissionId_and_createdAt", ["submissionId", "createdAt"]),

  /**
   * Progress of the cleanup of files that were uploaded but never
   * registered: one row, absent before the first run.
   */
  fileSweeps: defineTable({
    /** `_creationTime` of the newest `_storage` file checked so far. */
    scannedUntil: v.number(),
  }),
});
