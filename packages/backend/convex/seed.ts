import { createAccount } from "@convex-dev/auth/server";
import { newPatientTemplate } from "@intake/form-schema";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalAction, internalMutation } from "./_generated/server";
import { publishDraft } from "./versions";

/** Demo data that local development, screenshots and end-to-end tests use. */
export const demoData = {
  clinicName: "Maple Street Family Clinic",
  email: "demo@intake.test",
  password: "demo-password-1",
  slug: "new-patient-demo",
} as const;

const demoResultValidator = v.object({
  userId: v.id("users"),
  clinicId: v.id("clinics"),
  formId: v.id("forms"),
  slug: v.string(),
});

type DemoResult = typeof demoResultValidator.type;

/**
 * Creates the demo clinic, its staff account and its published new-patient
 * form. Running it again changes nothing and returns the same ids.
 */
export const demo = internalAction({
  args: {},
  returns: demoResultValidator,
  handler: async (ctx): Promise<DemoResult> => {
    // An existing account with the same password is returned unchanged.
    const { user } = await createAccount(ctx, {
      provider: "password",
      account: { id: demoData.email, secret: demoData.password },
      profile: { email: demoData.email },
    });
    return await ctx.runMutation(internal.seed.ensureDemoClinic, {
      userId: user._id,
    });
  },
});

/**
 * Creates whatever part of the demo clinic and form is missing, and
 * publishes the form once, when it has no version yet.
 */
export const ensureDemoClinic = internalMutation({
  args: { userId: v.id("users") },
  returns: demoResultValidator,
  handler: async (ctx, args): Promise<DemoResult> => {
    const existing = await ctx.db
      .query("forms")
      .withIndex("by_slug", (q) => q.eq("slug", demoData.slug))
      .unique();

    let clinicId: Id<"clinics">;
    let formId: Id<"forms">;
    if (existing === null) {
      clinicId = await ctx.db.insert("clinics", {
        name: demoData.clinicName,
        createdBy: args.userId,
      });
      formId = await ctx.db.insert("forms", {
        clinicId,
        title: newPatientTemplate.definition.title,
        slug: demoData.slug,
        draft: newPatientTemplate.definition,
        status: "draft",
        publishedVersion: null,
        publishedVersionId: null,
        updatedAt: Date.now(),
      });
    } else {
      clinicId = existing.clinicId;
      formId = existing._id;
    }

    const member = await ctx.db
      .query("members")
      .withIndex("by_clinicId_and_userId", (q) =>
        q.eq("clinicId", clinicId).eq("userId", args.userId),
      )
      .unique();
    if (member === null) {
      await ctx.db.insert("members", {
        clinicId,
        userId: args.userId,
        role: "owner",
      });
    }

    // Only a form that was never published gets its first version: staff
    // may have unpublished the demo form or left a draft half-edited, and a
    // restart must not publish it behind their back.
    const form = await ctx.db.get(formId);
    const firstVersion = await ctx.db
      .query("formVersions")
      .withIndex("by_formId_and_version", (q) => q.eq("formId", formId))
      .first();
    if (form !== null && firstVersion === null) {
      await publishDraft(ctx, form, args.userId);
    }
    return { userId: args.userId, clinicId, formId, slug: demoData.slug };
  },
});
