import { expect } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import {
  getIntakeErrorData,
  type IntakeErrorKind,
  type IntakeErrorOf,
} from "../convex/lib/errors";
import type { TestBackend, TestUser } from "./harness";

/** A one-page form whose answers the tests know by heart. */
export const checkInDefinition = {
  title: "Check-in",
  pages: [
    {
      id: "about",
      title: "About you",
      fields: [
        {
          type: "shortText",
          id: "fullName",
          label: "Full name",
          required: true,
        },
        { type: "email", id: "email", label: "Email" },
        {
          type: "number",
          id: "age",
          label: "Age",
          min: 0,
          max: 130,
          integer: true,
        },
        {
          type: "consent",
          id: "privacy",
          label: "I agree to the privacy notice",
          required: true,
        },
      ],
    },
  ],
};

/** Answers that `checkInDefinition` accepts. */
export const checkInAnswers = {
  fullName: "Ada Lovelace",
  email: "ada@example.com",
  age: 36,
  privacy: true,
};

/** Slugs that no form can have, for the public functions' input checks. */
export const malformedSlugs = [
  { $description: "empty", slug: "" },
  { $description: "upper case", slug: "New-Patient" },
  { $description: "with a space", slug: "new patient" },
  { $description: "a path", slug: "../new-patient" },
  { $description: "with a trailing dash", slug: "new-patient-" },
  { $description: "65 characters", slug: "a".repeat(65) },
  { $description: "2 MiB", slug: "a".repeat(2 * 1024 * 1024) },
];

let keyCounter = 0;

/** Returns a new token that passes the visitor id and key format check. */
export function newToken(prefix = "token"): string {
  keyCounter += 1;
  return `${prefix}-${keyCounter.toString().padStart(8, "0")}`;
}

/** A clinic with one owner. */
export interface ClinicFixture {
  owner: TestUser;
  clinicId: Id<"clinics">;
}

/** Signs up an owner and creates their clinic. */
export async function createClinic(
  backend: TestBackend,
  name: string,
): Promise<ClinicFixture> {
  const slugName = name.toLowerCase().replace(/[^a-z]+/g, "-");
  const owner = await backend.signUp(`${slugName}@clinic.test`);
  const clinicId = await owner.mutation(api.clinics.create, { name });
  return { owner, clinicId };
}

/** A published form and the ids a patient's page holds. */
export interface PublishedFormFixture {
  formId: Id<"forms">;
  slug: string;
  versionId: Id<"formVersions">;
  /** The draft revision after publishing, which a next save must name. */
  draftRevision: number;
}

/**
 * Saves `definition` as a form's draft, naming the revision stored now,
 * like an editor who just loaded the form.
 */
export async function saveLatestDraft(
  user: TestUser,
  formId: Id<"forms">,
  definition: unknown,
) {
  const { draftRevision } = await user.query(api.forms.get, { formId });
  return await user.mutation(api.forms.saveDraft, {
    formId,
    definition,
    revision: draftRevision,
  });
}

/** Publishes a form's draft, naming the revision stored now. */
export async function publishLatestDraft(user: TestUser, formId: Id<"forms">) {
  const { draftRevision } = await user.query(api.forms.get, { formId });
  return await user.mutation(api.forms.publish, {
    formId,
    revision: draftRevision,
  });
}

/** Creates a form in the clinic, saves `definition` and publishes it. */
export async function createPublishedForm(
  staff: TestUser,
  clinicId: Id<"clinics">,
  definition: unknown = checkInDefinition,
): Promise<PublishedFormFixture> {
  const formId = await staff.mutation(api.forms.createFromTemplate, {
    clinicId,
    templateId: "new-patient",
  });
  await saveLatestDraft(staff, formId, definition);
  await publishLatestDraft(staff, formId);
  const form = await staff.query(api.forms.get, { formId });
  if (form.publishedVersionId === null) throw new Error("Not published.");
  return {
    formId,
    slug: form.slug,
    versionId: form.publishedVersionId,
    draftRevision: form.draftRevision,
  };
}

/**
 * Awaits `call`, expects it to throw the backend error `kind` and returns
 * the error payload.
 */
export async function expectIntakeError<K extends IntakeErrorKind>(
  call: Promise<unknown>,
  kind: K,
): Promise<IntakeErrorOf<K>> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected a "${kind}" error`).not.toBeNull();
  const data = getIntakeErrorData(error);
  expect(data?.kind).toBe(kind);
  return data as IntakeErrorOf<K>;
}
