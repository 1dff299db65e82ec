import type { DefinitionProblem, FieldErrors } from "@intake/form-schema";
import { ConvexError } from "convex/values";

/**
 * Payload of every `ConvexError` the backend throws for a user to see.
 * Clients branch on `kind`; `message` is for developers and logs.
 */
export type IntakeErrorData =
  | { kind: "unauthenticated"; message: string }
  | { kind: "forbidden"; message: string }
  | { kind: "notFound"; message: string }
  | { kind: "invalidArgument"; message: string; argument: string }
  | {
      kind: "invalidDefinition";
      message: string;
      problems: DefinitionProblem[];
    }
  | { kind: "invalidAnswers"; message: string; fieldErrors: FieldErrors }
  | {
      kind: "answersTooLarge";
      message: string;
      maxBytes: number;
      /** The largest answers, which the patient shortens to fit. */
      fieldErrors: FieldErrors;
    }
  | {
      kind: "invalidFile";
      message: string;
      /** The answer key of the file, like "card" or "pets.0.photo". */
      fieldId?: string;
      storageId: string;
    }
  | { kind: "formNotFound"; message: string }
  | {
      kind: "versionMismatch";
      message: string;
      /** The version a new submit must name, or null if none is live. */
      currentVersionId: string | null;
    }
  | {
      kind: "draftConflict";
      message: string;
      /** The draft revision stored now, which a new save must name. */
      currentRevision: number;
    }
  | {
      kind: "rateLimited";
      message: string;
      /** Milliseconds to wait before the same request can succeed. */
      retryAfterMs: number;
      /**
       * The limit that was reached: the calling visitor's own, or the one
       * shared by all visitors of the form.
       */
      scope: "visitor" | "form";
    }
  | { kind: "lastOwner"; message: string }
  | {
      kind: "inviteUnavailable";
      message: string;
      /** The reason the invite link no longer works. */
      reason: "expired" | "used" | "revoked";
    };

/** Every error kind the backend can throw. */
export type IntakeErrorKind = IntakeErrorData["kind"];

/** The payload of one error kind. */
export type IntakeErrorOf<K extends IntakeErrorKind> = Extract<
  IntakeErrorData,
  { kind: K }
>;

/** The list of kinds, for exhaustive client tables and tests. */
export const intakeErrorKinds = [
  "unauthenticated",
  "forbidden",
  "notFound",
  "invalidArgument",
  "invalidDefinition",
  "invalidAnswers",
  "answersTooLarge",
  "invalidFile",
  "formNotFound",
  "versionMismatch",
  "rateLimited",
  "draftConflict",
  "lastOwner",
  "inviteUnavailable",
] as const satisfies readonly IntakeErrorKind[];

/** Builds the `ConvexError` for a payload; callers `throw` the result. */
export function intakeError<Data extends IntakeErrorData>(
  data: Data,
): ConvexError<Data> {
  return new ConvexError(data);
}

/**
 * Returns the payload when `error` is a backend `ConvexError`, else null.
 * It checks the `Symbol.for("ConvexError")` marker that the `ConvexError`
 * class of `convex` 1.48 sets on every instance, so the check works on
 * errors from another copy of the package and needs no `instanceof`.
 */
export function getIntakeErrorData(error: unknown): IntakeErrorData | null {
  if (typeof error !== "object" || error === null) return null;
  if ((error as Record<symbol, unknown>)[Symbol.for("ConvexError")] !== true) {
    return null;
  }

  const data = (error as { data?: unknown }).data;
  if (typeof data !== "object" || data === null) return null;
  const kind = (data as { kind?: unknown }).kind;
  if (!(intakeErrorKinds as readonly unknown[]).includes(kind)) return null;
  return data as IntakeErrorData;
}

/** Type guard: true when `error` is a backend error of the given kind. */
export function isIntakeError<K extends IntakeErrorKind>(
  error: unknown,
  kind: K,
): error is ConvexError<IntakeErrorOf<K>> {
  return getIntakeErrorData(error)?.kind === kind;
}

/** Type guard: true when `error` is a backend `rateLimited` error. */
export function isRateLimitedError(
  error: unknown,
): error is ConvexError<IntakeErrorOf<"rateLimited">> {
  return isIntakeError(error, "rateLimited");
}
