import { v } from "convex/values";

/** A member's role in a clinic. Owners also manage the member list. */
export const roleValidator = v.union(v.literal("owner"), v.literal("staff"));

/**
 * Publication state of a form, as listed to staff. `unpublished` is a form
 * that had a live version until staff took it offline; its versions stay.
 */
export const formStatusValidator = v.union(
  v.literal("draft"),
  v.literal("published"),
  v.literal("unpublished"),
);

/** Review state a staff inbox filters submissions by. */
export const reviewFilterValidator = v.union(
  v.literal("all"),
  v.literal("new"),
  v.literal("reviewed"),
);

/** What a staff member did to submissions, as the audit log records it. */
export const auditActionValidator = v.union(
  v.literal("view"),
  v.literal("print"),
  v.literal("export"),
  v.literal("delete"),
);

/**
 * A form definition, stored as an opaque value because its shape belongs
 * to `@intake/form-schema`: drafts are parsed with `formDefinitionSchema`
 * on save, and `validateDefinition` must pass before a version is frozen.
 */
export const definitionValidator = v.any();

/** One answer value, matching `AnswerValue` in `@intake/form-schema`. */
export const answerValueValidator = v.union(
  v.string(),
  v.number(),
  v.boolean(),
  v.array(v.string()),
);

/** Answers keyed by field id, matching `Answers` in `@intake/form-schema`. */
export const answersValidator = v.record(v.string(), answerValueValidator);
