import type { FormDefinition } from "@intake/form-schema";
import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import { exportColumns, submissionCsvRow } from "../convex/lib/csv";
import {
  createClinic,
  createPublishedForm,
  expectIntakeError,
  newToken,
} from "./fixtures";
import { createTestBackend } from "./harness";

/** A one-page consent form whose signature is required. */
const signedDefinition = {
  title: "Consent",
  pages: [
    {
      id: "sign",
      title: "Sign",
      fields: [
        {
          type: "signature",
          id: "patientSignature",
          label: "Signature",
          required: true,
        },
      ],
    },
  ],
};

async function createSignedForm() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Harbour Dental");
  const form = await createPublishedForm(
    clinic.owner,
    clinic.clinicId,
    signedDefinition,
  );
  const submit = (signature: unknown) =>
    backend.mutation(api.submissions.submit, {
      slug: form.slug,
      versionId: form.versionId,
      visitorId: newToken("visitor"),
      submissionKey: newToken("key"),
      answers: { patientSignature: signature } as never,
    });
  const storedCount = () =>
    backend.run(internal.testing.countClinicSubmissions, {
      clinicId: clinic.clinicId,
    });
  return { ...clinic, form, submit, storedCount };
}

describe("typed signature submit", () => {
  test("stores a typed signature", async () => {
    const { owner, submit } = await createSignedForm();
    const signature = { typedName: "María José Núñez" };
    const result = await submit(signature);

    const stored = await owner.mutation(api.submissions.open, {
      submissionId: result.submissionId,
    });
    expect(stored.answers).toEqual({ patientSignature: signature });
  });

  test("exports a typed signature as text", async () => {
    const { owner, clinicId, form, submit } = await createSignedForm();
    await submit({ typedName: "Ana López" });

    const exported = await owner.mutation(api.inbox.exportPage, {
      clinicId,
      formId: form.formId,
      paginationOpts: { numItems: 10, cursor: null },
    });
    const [row] = exported.page;
    expect(row?.answers).toEqual({
      patientSignature: { typedName: "Ana López" },
    });
    const csv = submissionCsvRow(
      { ...row!, answers: row!.answers },
      exportColumns([signedDefinition as FormDefinition]),
      new Map(),
    );
    expect(csv).toContain(",Typed signature: Ana López\r\n");
  });

  test.each([
    { $description: "a blank name", typedName: "   ", code: "required" },
    {
      $description: "a name over 100 characters",
      typedName: "a".repeat(101),
      code: "tooLong",
    },
    {
      $description: "a right-to-left override",
      typedName: "Ana\u202ELopez",
      code: "invalidFormat",
    },
    {
      $description: "a line feed",
      typedName: "Ana\nLopez",
      code: "invalidFormat",
    },
    { $description: "no letter", typedName: "1234", code: "invalidFormat" },
  ])("rejects $$description", async ({ typedName, code }) => {
    const { submit, storedCount } = await createSignedForm();
    const error = await expectIntakeError(
      submit({ typedName }),
      "invalidAnswers",
    );
    expect(Object.keys(error.fieldErrors)).toEqual(["patientSignature"]);
    expect(error.fieldErrors.patientSignature?.code).toBe(code);
    expect(await storedCount()).toBe(0);
  });

  test("rejects a typed name beside strokes", async () => {
    const { submit, storedCount } = await createSignedForm();
    const error = await expectIntakeError(
      submit({ typedName: "Ana", width: 10, height: 10, strokes: [[1, 1]] }),
      "invalidAnswers",
    );
    expect(error.fieldErrors.patientSignature?.code).toBe("invalidType");
    expect(await storedCount()).toBe(0);
  });
});
