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

/** A postal address answer, matching `AddressAnswer`. */
export const addressAnswerValidator = v.object({
  line1: v.string(),
  line2: v.optional(v.string()),
  city: v.string(),
  region: v.string(),
  postalCode: v.string(),
});

/** A drawn signature answer, matching `SignatureAnswer`. */
export const signatureAnswerValidator = v.object({
  width: v.number(),
  height: v.number(),
  strokes: v.array(v.array(v.number())),
});

/** A typed signature answer, matching `TypedSignatureAnswer`. */
export const typedSignatureAnswerValidator = v.object({
  typedName: v.string(),
});

/**
 * An uploaded file answer, matching `FileAnswer`. The storage id is a plain
 * string here, and `submissions:submit` checks it against the uploads table.
 */
export const fileAnswerValidator = v.object({
  storageId: v.string(),
  name: v.string(),
  contentType: v.string(),
  size: v.number(),
});

/** An answer inside a group item, matching `ItemAnswerValue`. */
export const itemAnswerValueValidator = v.union(
  v.string(),
  v.number(),
  v.boolean(),
  v.array(v.string()),
  addressAnswerValidator,
  signatureAnswerValidator,
  typedSignatureAnswerValidator,
  fileAnswerValidator,
);

/** One answer value, matching `AnswerValue` in `@intake/form-schema`. */
export const answerValueValidator = v.union(
  v.string(),
  v.number(),
  v.boolean(),
  v.array(v.string()),
  addressAnswerValidator,
  signatureAnswerValidator,
  typedSignatureAnswerValidator,
  fileAnswerValidator,
  v.array(v.record(v.string(), itemAnswerValueValidator)),
);

/** Answers keyed by field id, matching `Answers` in `@intake/form-schema`. */
export const answersValidator = v.record(v.string(), answerValueValidator);
