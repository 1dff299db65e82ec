import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import { referenceAlphabet } from "../convex/lib/random";
import { maxAnswersBytes } from "../convex/submissions";
import {
  checkInAnswers,
  checkInDefinition,
  createClinic,
  createPublishedForm,
  expectIntakeError,
  malformedSlugs,
  newToken,
  publishLatestDraft,
  saveLatestDraft,
} from "./fixtures";
import { createTestBackend } from "./harness";

async function createOpenForm() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Riverside Physio");
  const form = await createPublishedForm(clinic.owner, clinic.clinicId);
  const submitArgs = (answers: Record<string, unknown> = checkInAnswers) => ({
    slug: form.slug,
    versionId: form.versionId,
    visitorId: newToken("visitor"),
    submissionKey: newToken("key"),
    answers: answers as typeof checkInAnswers,
  });
  // Other tests of the file may share the database, so this counts the
  // submissions of this test's clinic only.
  const storedCount = () =>
    backend.run(internal.testing.countClinicSubmissions, {
      clinicId: clinic.clinicId,
    });
  return { backend, ...clinic, form, submitArgs, storedCount };
}

const referencePattern = new RegExp(`^[${referenceAlphabet}]{6}$`);

describe("submissions.submit", () => {
  test("stores valid answers against the version", async () => {
    const { backend, owner, form, submitArgs } = await createOpenForm();
    const result = await backend.mutation(api.submissions.submit, submitArgs());
    expect(result.reference).toMatch(referencePattern);

    const stored = await owner.mutation(api.submissions.open, {
      submissionId: result.submissionId,
    });
    expect(stored.answers).toEqual(checkInAnswers);
    expect(stored.versionId).toBe(form.versionId);
    expect(stored.version).toBe(1);
    expect(stored.reference).toBe(result.reference);
    expect(stored.definition).toEqual(checkInDefinition);
  });

  test("returns the first result for a repeated key", async () => {
    const { backend, submitArgs, storedCount } = await createOpenForm();
    const args = submitArgs();
    const first = await backend.mutation(api.submissions.submit, args);
    const second = await backend.mutation(api.submissions.submit, {
      ...args,
      answers: { ...checkInAnswers, fullName: "Someone Else" },
    });
    expect(second).toEqual(first);
    expect(await storedCount()).toBe(1);
  });

  test("repeated key still works after republishing", async () => {
    const { backend, owner, form, submitArgs } = await createOpenForm();
    const args = submitArgs();
    const first = await backend.mutation(api.submissions.submit, args);
    await saveLatestDraft(owner, form.formId, {
      ...checkInDefinition,
      title: "Check-in v2",
    });
    await publishLatestDraft(owner, form.formId);
    const second = await backend.mutation(api.submissions.submit, args);
    expect(second).toEqual(first);
  });

  test("rejects a key used for another form", async () => {
    const { backend, owner, clinicId, submitArgs, storedCount } =
      await createOpenForm();
    const other = await createPublishedForm(owner, clinicId);
    const args = submitArgs();
    await backend.mutation(api.submissions.submit, args);
    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        ...args,
        slug: other.slug,
        versionId: other.versionId,
      }),
      "invalidArgument",
    );
    expect(error.argument).toBe("submissionKey");
    expect(await storedCount()).toBe(1);
  });

  test.each([
    {
      $description: "a missing required answer",
      answers: { email: "ada@example.com", privacy: true },
      field: "fullName",
      code: "required",
    },
    {
      $description: "a malformed email",
      answers: { ...checkInAnswers, email: "not-an-email" },
      field: "email",
      code: "invalidEmail",
    },
    {
      $description: "a number out of range",
      answers: { ...checkInAnswers, age: 400 },
      field: "age",
      code: "outOfRange",
    },
    {
      $description: "an unaccepted consent",
      answers: { ...checkInAnswers, privacy: false },
      field: "privacy",
      code: "notAccepted",
    },
    {
      $description: "an unknown field",
      answers: { ...checkInAnswers, shoeSize: "42" },
      field: "shoeSize",
      code: "unknownField",
    },
    {
      $description: "a wrongly typed answer",
      answers: { ...checkInAnswers, age: "thirty" },
      field: "age",
      code: "invalidType",
    },
  ])("rejects $$description", async ({ answers, field, code }) => {
    const { backend, submitArgs, storedCount } = await createOpenForm();
    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, submitArgs(answers)),
      "invalidAnswers",
    );
    expect(error.fieldErrors[field]?.code).toBe(code);
    expect(await storedCount()).toBe(0);
  });

  // Each shape would fail a strict `answers` argument validator, so these
  // check that the mutation itself reports the fields. Keys that Convex
  // values cannot carry, such as non-ASCII ones, are rejected by Convex
  // before the mutation runs, so they get no field errors.
  test.each([
    {
      $description: "null for a field",
      answers: { ...checkInAnswers, email: null },
      field: "email",
    },
    {
      $description: "a nested object",
      answers: { ...checkInAnswers, fullName: { first: "Ada" } },
      field: "fullName",
    },
    {
      $description: "an array of numbers",
      answers: { ...checkInAnswers, age: [36, 37] },
      field: "age",
    },
    {
      $description: "an array of objects for a text field",
      answers: { ...checkInAnswers, fullName: [{ a: 1 }] },
      field: "fullName",
    },
    {
      $description: "an empty key",
      answers: { ...checkInAnswers, "": "x" },
      field: "",
    },
    {
      $description: "a key with a dot",
      answers: { ...checkInAnswers, "full.name": "x" },
      field: "full.name",
    },
  ])("rejects $$description by field", async ({ answers, field }) => {
    const { backend, submitArgs, storedCount } = await createOpenForm();
    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, submitArgs(answers)),
      "invalidAnswers",
    );
    expect(error.fieldErrors[field]).toBeDefined();
    expect(await storedCount()).toBe(0);
  });

  test.each([
    { $description: "null", answers: null },
    { $description: "an array", answers: [checkInAnswers] },
    { $description: "a string", answers: "Ada Lovelace" },
  ])("rejects $$description as answers", async ({ answers }) => {
    const { backend, form, storedCount } = await createOpenForm();
    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        slug: form.slug,
        versionId: form.versionId,
        visitorId: newToken("visitor"),
        submissionKey: newToken("key"),
        answers,
      }),
      "invalidAnswers",
    );
    expect(error.fieldErrors.fullName?.code).toBe("invalidType");
    expect(await storedCount()).toBe(0);
  });

  test("rejects answers over the size cap", async () => {
    const { backend, submitArgs, storedCount } = await createOpenForm();
    const answers = {
      ...checkInAnswers,
      fullName: "x".repeat(maxAnswersBytes),
    };
    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, submitArgs(answers)),
      "answersTooLarge",
    );
    expect(error.maxBytes).toBe(maxAnswersBytes);
    expect(Object.keys(error.fieldErrors)).toEqual(["fullName"]);
    expect(error.fieldErrors.fullName?.code).toBe("tooLarge");
    expect(await storedCount()).toBe(0);
  });

  test("size error names answers until the rest fit", async () => {
    const { backend, submitArgs, storedCount } = await createOpenForm();
    const answers = {
      ...checkInAnswers,
      fullName: "a".repeat(200_000),
      email: "b".repeat(190_000),
      notes: "c".repeat(180_000),
      extra: "d".repeat(170_000),
    };
    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, submitArgs(answers)),
      "answersTooLarge",
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual([
      "email",
      "fullName",
    ]);
    expect(error.fieldErrors.email?.message).toContain(String(maxAnswersBytes));
    expect(await storedCount()).toBe(0);
  });

  test("size error of a non-object names nothing", async () => {
    const { backend, submitArgs, storedCount } = await createOpenForm();
    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        ...submitArgs(),
        answers: "x".repeat(
          maxAnswersBytes,
        ) as unknown as typeof checkInAnswers,
      }),
      "answersTooLarge",
    );
    expect(error.fieldErrors).toEqual({});
    expect(await storedCount()).toBe(0);
  });

  test("rejects an unknown slug", async () => {
    const { backend, submitArgs, storedCount } = await createOpenForm();
    await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        ...submitArgs(),
        slug: "no-such-form",
      }),
      "formNotFound",
    );
    expect(await storedCount()).toBe(0);
  });

  test.each(malformedSlugs)(
    "rejects a slug $$description unechoed",
    async ({ slug }) => {
      const { backend, submitArgs, storedCount } = await createOpenForm();
      const error = await expectIntakeError(
        backend.mutation(api.submissions.submit, { ...submitArgs(), slug }),
        "formNotFound",
      );
      expect(error.message.length).toBeLessThan(200);
      expect(error.message).not.toContain(`"${slug}"`);
      expect(await storedCount()).toBe(0);
    },
  );

  test("rejects an unpublished form", async () => {
    const { backend, owner, clinicId, form, submitArgs, storedCount } =
      await createOpenForm();
    const draftId = await owner.mutation(api.forms.createFromTemplate, {
      clinicId,
      templateId: "new-patient",
    });
    const draft = await owner.query(api.forms.get, { formId: draftId });
    await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        ...submitArgs(),
        slug: draft.slug,
        versionId: form.versionId,
      }),
      "formNotFound",
    );
    expect(await storedCount()).toBe(0);
  });

  test("rejects a stale version", async () => {
    const { backend, owner, form, submitArgs, storedCount } =
      await createOpenForm();
    await saveLatestDraft(owner, form.formId, {
      ...checkInDefinition,
      title: "Check-in v2",
    });
    await publishLatestDraft(owner, form.formId);
    const live = await owner.query(api.forms.get, { formId: form.formId });

    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, submitArgs()),
      "versionMismatch",
    );
    expect(error.currentVersionId).toBe(live.publishedVersionId);
    expect(await storedCount()).toBe(0);
  });

  test("rejects another form's version", async () => {
    const { backend, owner, clinicId, submitArgs } = await createOpenForm();
    const other = await createPublishedForm(owner, clinicId);
    await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        ...submitArgs(),
        versionId: other.versionId,
      }),
      "versionMismatch",
    );
  });

  test.each([
    { $description: "a short key", visitorId: "visitor-1", key: "abc" },
    {
      $description: "a key with spaces",
      visitorId: "visitor-1",
      key: "a b c d e f g h",
    },
    { $description: "an empty visitor id", visitorId: "", key: "key-00000001" },
  ])("rejects $$description", async ({ visitorId, key }) => {
    const { backend, submitArgs, storedCount } = await createOpenForm();
    await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        ...submitArgs(),
        visitorId,
        submissionKey: key,
      }),
      "invalidArgument",
    );
    expect(await storedCount()).toBe(0);
  });

  test("gives submissions distinct references", async () => {
    const { backend, submitArgs } = await createOpenForm();
    const references = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const result = await backend.mutation(
        api.submissions.submit,
        submitArgs(),
      );
      references.add(result.reference);
    }
    expect(references.size).toBe(20);
  });
});

describe("submissions.list", () => {
  test("lists newest first", async () => {
    const { backend, owner, form, submitArgs } = await createOpenForm();
    const first = await backend.mutation(api.submissions.submit, submitArgs());
    const second = await backend.mutation(
      api.submissions.submit,
      submitArgs({ ...checkInAnswers, fullName: "Grace Hopper" }),
    );
    const rows = await owner.query(api.submissions.list, {
      formId: form.formId,
    });
    expect(rows.map((row) => row.submissionId)).toEqual([
      second.submissionId,
      first.submissionId,
    ]);
    // Answers are read through the audited `open` mutation only.
    expect(rows[0]).not.toHaveProperty("answers");
    const opened = await owner.mutation(api.submissions.open, {
      submissionId: second.submissionId,
    });
    expect(opened.answers.fullName).toBe("Grace Hopper");
  });

  test("applies the limit", async () => {
    const { backend, owner, form, submitArgs } = await createOpenForm();
    for (let i = 0; i < 3; i++) {
      await backend.mutation(api.submissions.submit, submitArgs());
    }
    const rows = await owner.query(api.submissions.list, {
      formId: form.formId,
      limit: 2,
    });
    expect(rows).toHaveLength(2);
  });
});

describe("submissions.list by status", () => {
  /** Submits three times and marks the first and the third reviewed. */
  async function createReviewedMix() {
    const world = await createOpenForm();
    const { backend, owner, submitArgs } = world;
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const result = await backend.mutation(
        api.submissions.submit,
        submitArgs(),
      );
      ids.push(result.submissionId);
    }
    const [first, second, third] = ids as [
      (typeof ids)[number],
      (typeof ids)[number],
      (typeof ids)[number],
    ];
    for (const submissionId of [third, first]) {
      await owner.mutation(api.submissions.setReviewed, {
        submissionId,
        reviewed: true,
      });
      // Distinct `reviewedAt` milliseconds, so the review order is defined.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { ...world, first, second, third };
  }

  test("defaults to all, newest first", async () => {
    const { owner, form, first, second, third } = await createReviewedMix();
    const rows = await owner.query(api.submissions.list, {
      formId: form.formId,
    });
    expect(rows.map((row) => row.submissionId)).toEqual([third, second, first]);
  });

  test("all lists newest first", async () => {
    const { owner, form, first, second, third } = await createReviewedMix();
    const rows = await owner.query(api.submissions.list, {
      formId: form.formId,
      status: "all",
    });
    expect(rows.map((row) => row.submissionId)).toEqual([third, second, first]);
  });

  test("new lists unreviewed only", async () => {
    const { backend, owner, form, submitArgs, second } =
      await createReviewedMix();
    const fourth = await backend.mutation(api.submissions.submit, submitArgs());
    const rows = await owner.query(api.submissions.list, {
      formId: form.formId,
      status: "new",
    });
    expect(rows.map((row) => row.submissionId)).toEqual([
      fourth.submissionId,
      second,
    ]);
    expect(rows.every((row) => row.reviewedAt === null)).toBe(true);
  });

  test("reviewed lists latest review first", async () => {
    const { owner, form, first, third } = await createReviewedMix();
    const rows = await owner.query(api.submissions.list, {
      formId: form.formId,
      status: "reviewed",
    });
    expect(rows.map((row) => row.submissionId)).toEqual([first, third]);
    expect(rows.every((row) => typeof row.reviewedAt === "number")).toBe(true);
  });

  test("mark as new moves a row back", async () => {
    const { owner, form, first, second } = await createReviewedMix();
    await owner.mutation(api.submissions.setReviewed, {
      submissionId: first,
      reviewed: false,
    });
    const fresh = await owner.query(api.submissions.list, {
      formId: form.formId,
      status: "new",
    });
    expect(fresh.map((row) => row.submissionId)).toEqual([second, first]);
  });

  test("lists only the given form", async () => {
    const { backend, owner, clinicId, form, second } =
      await createReviewedMix();
    const other = await createPublishedForm(owner, clinicId);
    await backend.mutation(api.submissions.submit, {
      slug: other.slug,
      versionId: other.versionId,
      visitorId: newToken("visitor"),
      submissionKey: newToken("key"),
      answers: checkInAnswers,
    });
    const rows = await owner.query(api.submissions.list, {
      formId: form.formId,
      status: "new",
    });
    expect(rows.map((row) => row.submissionId)).toEqual([second]);
  });

  test("rejects an unknown status", async () => {
    const { owner, form } = await createOpenForm();
    const call = owner.query(api.submissions.list, {
      formId: form.formId,
      status: "archived" as "all",
    });
    await expect(call).rejects.toThrow(/archived/);
  });
});

describe("submissions.findByReference", () => {
  test("finds by reference in any case", async () => {
    const { backend, owner, clinicId, submitArgs } = await createOpenForm();
    const result = await backend.mutation(api.submissions.submit, submitArgs());
    const found = await owner.query(api.submissions.findByReference, {
      clinicId,
      reference: ` ${result.reference.toLowerCase()} `,
    });
    expect(found?.submissionId).toBe(result.submissionId);
    expect(found).not.toHaveProperty("answers");
  });

  test("returns null for an unknown reference", async () => {
    const { owner, clinicId } = await createOpenForm();
    const found = await owner.query(api.submissions.findByReference, {
      clinicId,
      reference: "ZZZZZZ",
    });
    expect(found).toBeNull();
  });

  test("ignores other clinics' references", async () => {
    const { backend, submitArgs } = await createOpenForm();
    const result = await backend.mutation(api.submissions.submit, submitArgs());
    const other = await createClinic(backend, "Other Clinic");
    const found = await other.owner.query(api.submissions.findByReference, {
      clinicId: other.clinicId,
      reference: result.reference,
    });
    expect(found).toBeNull();
  });
});

describe("submissions.setReviewed", () => {
  test("marks and unmarks a submission", async () => {
    const { backend, owner, submitArgs } = await createOpenForm();
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs(),
    );
    const fresh = await owner.query(api.submissions.summary, { submissionId });
    expect(fresh.reviewedAt).toBeNull();

    await owner.mutation(api.submissions.setReviewed, {
      submissionId,
      reviewed: true,
    });
    const reviewed = await owner.query(api.submissions.summary, {
      submissionId,
    });
    expect(reviewed.reviewedAt).toEqual(expect.any(Number));

    await owner.mutation(api.submissions.setReviewed, {
      submissionId,
      reviewed: false,
    });
    const reopened = await owner.query(api.submissions.summary, {
      submissionId,
    });
    expect(reopened.reviewedAt).toBeNull();
  });
});
