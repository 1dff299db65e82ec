import { authTables } from "@convex-dev/auth/server";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import {
  answersValidator,
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
     * Milliseconds since the epoch of the last draft change, publish or
     * unpublish.
     */
    updatedAt: v.number(),
  })
    .index("by_clinicId_and_updatedAt", ["clinicId", "updatedAt"])
    .index("by_slug", ["slug"]),

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
  })
    .index("by_submissionKey", ["submissionKey"])
    .index("by_formId_and_submittedAt", ["formId", "submittedAt"])
    // Rows without `reviewedAt` sort first, so `eq(undefined)` selects the
    // new submissions and `gte(0)` the reviewed ones.
    .index("by_formId_and_reviewedAt", ["formId", "reviewedAt"])
    .index("by_clinicId_and_reference", ["clinicId", "reference"]),

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
});
