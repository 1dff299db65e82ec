import { newPatientTemplate } from "@intake/form-schema";
import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../convex/_generated/api";
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

/** A one-field form with its placeholder and pattern message in Spanish. */
function spanishHintsDefinition(patternMessage: string) {
  return {
    title: "Check-in",
    pages: [
      {
        id: "p1",
        title: "One",
        fields: [
          {
            type: "shortText",
            id: "zip",
            label: "ZIP code",
            placeholder: "12345",
            pattern: "[0-9]{5}",
            patternMessage: "Enter 5 digits.",
          },
        ],
      },
    ],
    translations: {
      es: { fields: { zip: { placeholder: "5 dígitos", patternMessage } } },
    },
  };
}

/** Builds an object of `count` copies of `value` keyed `${prefix}0`, `${prefix}1`, … */
function keyedTexts<T>(prefix: string, count: number, value: T) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${i}`, value]),
  );
}

/** Builds the check-in form with Spanish labels for `count` option values. */
function spanishOptionsDefinition(count: number) {
  const options = keyedTexts("o", count, "S");
  return {
    ...checkInDefinition,
    translations: { es: { fields: { fullName: { options } } } },
  };
}

async function createDraft() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Harbor Dental");
  const formId = await clinic.owner.mutation(api.forms.createFromTemplate, {
    clinicId: clinic.clinicId,
    templateId: "new-patient",
  });
  return { backend, ...clinic, formId };
}

describe("forms.createFromTemplate", () => {
  test("copies the template as a draft", async () => {
    const { owner, formId } = await createDraft();
    const form = await owner.query(api.forms.get, { formId });
    expect(form.status).toBe("draft");
    expect(form.publishedVersion).toBeNull();
    expect(form.draft).toEqual(newPatientTemplate.definition);
    expect(form.versions).toEqual([]);
  });

  test("uses the given title", async () => {
    const { owner, clinicId } = await createDraft();
    const formId = await owner.mutation(api.forms.createFromTemplate, {
      clinicId,
      templateId: "new-patient",
      title: "  Welcome packet ",
    });
    const form = await owner.query(api.forms.get, { formId });
    expect(form.title).toBe("Welcome packet");
    expect(form.draft.title).toBe("Welcome packet");
    expect(form.slug).toMatch(/^welcome-packet-[a-z2-9]{5}$/);
  });

  test("gives every form its own slug", async () => {
    const { owner, clinicId, formId } = await createDraft();
    const secondId = await owner.mutation(api.forms.createFromTemplate, {
      clinicId,
      templateId: "new-patient",
    });
    const first = await owner.query(api.forms.get, { formId });
    const second = await owner.query(api.forms.get, { formId: secondId });
    expect(first.slug).not.toBe(second.slug);
  });

  test("rejects an unknown template", async () => {
    const { owner, clinicId } = await createDraft();
    const error = await expectIntakeError(
      owner.mutation(api.forms.createFromTemplate, {
        clinicId,
        templateId: "no-such-template",
      }),
      "invalidArgument",
    );
    expect(error.argument).toBe("templateId");
  });
});

describe("forms.createBlank", () => {
  test("creates a draft that needs questions", async () => {
    const { owner, clinicId } = await createDraft();
    const formId = await owner.mutation(api.forms.createBlank, {
      clinicId,
      title: "Dental history",
    });
    const form = await owner.query(api.forms.get, { formId });
    expect(form.title).toBe("Dental history");
    expect(form.status).toBe("draft");

    const error = await expectIntakeError(
      publishLatestDraft(owner, formId),
      "invalidDefinition",
    );
    const codes = error.problems.map((problem) => problem.code);
    expect(codes).toContain("noInputFields");
  });

  test("rejects an empty title", async () => {
    const { owner, clinicId } = await createDraft();
    const error = await expectIntakeError(
      owner.mutation(api.forms.createBlank, { clinicId, title: " " }),
      "invalidArgument",
    );
    expect(error.argument).toBe("form title");
  });
});

describe("forms.saveDraft", () => {
  test("stores the draft and reports no problems", async () => {
    const { owner, formId } = await createDraft();
    const result = await saveLatestDraft(owner, formId, checkInDefinition);
    expect(result.problems).toEqual([]);
    const form = await owner.query(api.forms.get, { formId });
    expect(form.draft).toEqual(checkInDefinition);
    expect(form.title).toBe("Check-in");
  });

  test("stores a draft that cannot be published yet", async () => {
    const { owner, formId } = await createDraft();
    const draft = {
      title: "Check-in",
      pages: [
        {
          id: "p1",
          title: "One",
          fields: [
            { type: "shortText", id: "name", label: "Name" },
            { type: "shortText", id: "name", label: "Name again" },
          ],
        },
      ],
    };
    const result = await saveLatestDraft(owner, formId, draft);
    expect(result.problems.length).toBeGreaterThan(0);
    const form = await owner.query(api.forms.get, { formId });
    expect(form.draft).toEqual(draft);
  });

  test("stores a translated placeholder and pattern message", async () => {
    const { owner, formId } = await createDraft();
    const draft = spanishHintsDefinition("Escriba 5 dígitos.");
    const result = await saveLatestDraft(owner, formId, draft);
    expect(result.problems).toEqual([]);
    const form = await owner.query(api.forms.get, { formId });
    expect(form.draft).toEqual(draft);
  });

  test.each([
    {
      $description: "a translated pattern message over the length cap",
      definition: spanishHintsDefinition("x".repeat(201)),
    },
    {
      $description: "Spanish labels for 1025 options",
      definition: spanishOptionsDefinition(1025),
    },
    {
      $description: "Spanish labels for more options than a field has",
      definition: spanishOptionsDefinition(101),
    },
    {
      $description: "Spanish titles for more pages than a form has",
      definition: {
        ...checkInDefinition,
        translations: { es: { pages: keyedTexts("page", 51, { title: "P" }) } },
      },
    },
    {
      $description: "Spanish text for 1025 fields",
      definition: {
        ...checkInDefinition,
        translations: { es: { fields: keyedTexts("f", 1025, { label: "F" }) } },
      },
    },
    { $description: "a string", definition: "not a form" },
    { $description: "no pages", definition: { title: "Check-in" } },
    {
      $description: "an unknown field type",
      definition: {
        title: "Check-in",
        pages: [
          {
            id: "p1",
            title: "One",
            fields: [{ type: "video", id: "clip", label: "Clip" }],
          },
        ],
      },
    },
  ])("rejects $$description", async ({ definition }) => {
    const { owner, formId } = await createDraft();
    const error = await expectIntakeError(
      saveLatestDraft(owner, formId, definition),
      "invalidDefinition",
    );
    expect(error.problems.length).toBeGreaterThan(0);
    const form = await owner.query(api.forms.get, { formId });
    expect(form.draft).toEqual(newPatientTemplate.definition);
  });

  test("rejects a definition over the size cap", async () => {
    const { owner, formId } = await createDraft();
    const definition = { ...checkInDefinition, description: "x".repeat(3e5) };
    const error = await expectIntakeError(
      saveLatestDraft(owner, formId, definition),
      "invalidArgument",
    );
    expect(error.argument).toBe("definition");
  });
});

describe("forms.saveDraft revisions", () => {
  test("counts saves from revision 0", async () => {
    const { owner, formId } = await createDraft();
    const before = await owner.query(api.forms.get, { formId });
    expect(before.draftRevision).toBe(0);

    const first = await owner.mutation(api.forms.saveDraft, {
      formId,
      definition: checkInDefinition,
      revision: 0,
    });
    expect(first.revision).toBe(1);
    const second = await owner.mutation(api.forms.saveDraft, {
      formId,
      definition: { ...checkInDefinition, title: "Check-in 2" },
      revision: 1,
    });
    expect(second.revision).toBe(2);
    const after = await owner.query(api.forms.get, { formId });
    expect(after.draftRevision).toBe(2);
    expect(after.draft.title).toBe("Check-in 2");
  });

  test("rejects a stale revision", async () => {
    const { owner, formId } = await createDraft();
    await owner.mutation(api.forms.saveDraft, {
      formId,
      definition: checkInDefinition,
      revision: 0,
    });
    const error = await expectIntakeError(
      owner.mutation(api.forms.saveDraft, {
        formId,
        definition: { ...checkInDefinition, title: "Overwrite" },
        revision: 0,
      }),
      "draftConflict",
    );
    expect(error.currentRevision).toBe(1);
    const form = await owner.query(api.forms.get, { formId });
    expect(form.draft).toEqual(checkInDefinition);
    expect(form.draftRevision).toBe(1);
  });

  test("second editor sees the conflict", async () => {
    const { backend, owner, clinicId, formId } = await createDraft();
    const colleague = await backend.signUp("colleague@example.test");
    await backend.run(internal.members.addExisting, {
      clinicId,
      email: colleague.email,
      role: "staff",
    });
    const seen = await colleague.query(api.forms.get, { formId });

    await owner.mutation(api.forms.saveDraft, {
      formId,
      definition: checkInDefinition,
      revision: seen.draftRevision,
    });
    const error = await expectIntakeError(
      colleague.mutation(api.forms.saveDraft, {
        formId,
        definition: { ...seen.draft, title: "Colleague's title" },
        revision: seen.draftRevision,
      }),
      "draftConflict",
    );
    expect(error.currentRevision).toBe(seen.draftRevision + 1);
    const latest = await colleague.query(api.forms.get, { formId });
    const saved = await colleague.mutation(api.forms.saveDraft, {
      formId,
      definition: { ...latest.draft, title: "Colleague's title" },
      revision: latest.draftRevision,
    });
    expect(saved.revision).toBe(latest.draftRevision + 1);
  });

  test("rejects a missing revision", async () => {
    const { owner, formId } = await createDraft();
    await owner.mutation(api.forms.saveDraft, {
      formId,
      definition: checkInDefinition,
      revision: 0,
    });
    const error = await expectIntakeError(
      owner.mutation(api.forms.saveDraft, {
        formId,
        definition: { ...checkInDefinition, title: "Overwrite" },
      }),
      "draftConflict",
    );
    expect(error.currentRevision).toBe(1);
    const form = await owner.query(api.forms.get, { formId });
    expect(form.draft).toEqual(checkInDefinition);
    expect(form.draftRevision).toBe(1);
  });

  test("publish rejects a missing revision", async () => {
    const { backend, owner, formId } = await createDraft();
    const error = await expectIntakeError(
      owner.mutation(api.forms.publish, { formId }),
      "draftConflict",
    );
    expect(error.currentRevision).toBe(0);
    const form = await owner.query(api.forms.get, { formId });
    expect(form.status).toBe("draft");
    const versions = await backend.run(internal.testing.countFormVersions, {
      formId,
    });
    expect(versions).toBe(0);
  });

  test("publish rejects a stale revision", async () => {
    const { owner, formId } = await createDraft();
    await owner.mutation(api.forms.saveDraft, {
      formId,
      definition: checkInDefinition,
      revision: 0,
    });
    const error = await expectIntakeError(
      owner.mutation(api.forms.publish, { formId, revision: 0 }),
      "draftConflict",
    );
    expect(error.currentRevision).toBe(1);
    const result = await owner.mutation(api.forms.publish, {
      formId,
      revision: 1,
    });
    expect(result).toEqual({ version: 1 });
  });
});

describe("forms.get next version", () => {
  test("reports the draft of version 2", async () => {
    const { owner, formId } = await createDraft();
    const draft = await owner.query(api.forms.get, { formId });
    expect(draft.nextVersion).toBe(1);
    expect(draft.draftIsPublished).toBe(false);

    await publishLatestDraft(owner, formId);
    const published = await owner.query(api.forms.get, { formId });
    expect(published.nextVersion).toBe(2);
    expect(published.draftIsPublished).toBe(true);

    await saveLatestDraft(owner, formId, checkInDefinition);
    const edited = await owner.query(api.forms.get, { formId });
    expect(edited.nextVersion).toBe(2);
    expect(edited.draftIsPublished).toBe(false);
  });

  test("names who published each version", async () => {
    const { owner, formId } = await createDraft();
    await publishLatestDraft(owner, formId);
    const versions = await owner.query(api.versions.list, { formId });
    expect(versions).toHaveLength(1);
    expect(versions[0]?.publishedBy).toBe(owner.email);
  });
});

describe("forms.publish", () => {
  test("freezes version 1", async () => {
    const { owner, formId } = await createDraft();
    const result = await publishLatestDraft(owner, formId);
    expect(result).toEqual({ version: 1 });
    const form = await owner.query(api.forms.get, { formId });
    expect(form.status).toBe("published");
    expect(form.publishedVersion).toBe(1);
    expect(form.versions.map((row) => row.version)).toEqual([1]);
  });

  test("later edits leave the frozen version unchanged", async () => {
    const { owner, formId } = await createDraft();
    await publishLatestDraft(owner, formId);
    const before = await owner.query(api.forms.get, { formId });
    const versionId = before.publishedVersionId;
    if (versionId === null) throw new Error("Not published.");

    await saveLatestDraft(owner, formId, checkInDefinition);
    const frozen = await owner.query(api.versions.get, { versionId });
    expect(frozen.definition).toEqual(newPatientTemplate.definition);

    const result = await publishLatestDraft(owner, formId);
    expect(result).toEqual({ version: 2 });
    const after = await owner.query(api.forms.get, { formId });
    expect(after.versions.map((row) => row.version)).toEqual([2, 1]);
    const again = await owner.query(api.versions.get, { versionId });
    expect(again.definition).toEqual(newPatientTemplate.definition);
  });

  test("republishing an unchanged draft adds no version", async () => {
    const { owner, formId } = await createDraft();
    await publishLatestDraft(owner, formId);
    const result = await publishLatestDraft(owner, formId);
    expect(result).toEqual({ version: 1 });
    const versions = await owner.query(api.versions.list, { formId });
    expect(versions).toHaveLength(1);
  });

  test("rejects a draft with problems", async () => {
    const { backend, owner, formId } = await createDraft();
    await saveLatestDraft(owner, formId, { title: "", pages: [] });
    const error = await expectIntakeError(
      publishLatestDraft(owner, formId),
      "invalidDefinition",
    );
    expect(error.problems.length).toBeGreaterThan(0);
    const versions = await backend.run(internal.testing.countFormVersions, {
      formId,
    });
    expect(versions).toBe(0);
  });
});

describe("forms.publish problem kinds", () => {
  const yesNo = { type: "yesNo", id: "smoker", label: "Smoker" };
  const text = (id: string, extra: object = {}) => ({
    type: "shortText",
    id,
    label: id,
    ...extra,
  });
  const onePage = (...fields: object[]) => ({
    title: "Check-in",
    pages: [{ id: "p1", title: "One", fields }],
  });

  test.each([
    {
      $description: "duplicate field ids",
      definition: onePage(text("name"), text("name")),
      code: "duplicateFieldId",
    },
    {
      $description: "empty choice list",
      definition: onePage({
        type: "singleChoice",
        id: "pick",
        label: "Pick",
        options: [],
      }),
      code: "emptyOptions",
    },
    {
      $description: "empty label",
      definition: onePage(text("name", { label: " " })),
      code: "missingText",
    },
    {
      $description: "logic on a deleted field",
      definition: onePage(
        text("brand", {
          showIf: { field: "smoker", op: "equals", value: true },
        }),
      ),
      code: "unknownLogicField",
    },
    {
      $description: "a logic cycle",
      definition: onePage(
        text("first", { showIf: { field: "second", op: "isNotEmpty" } }),
        text("second", { showIf: { field: "first", op: "isNotEmpty" } }),
      ),
      code: "logicCycle",
    },
    {
      $description: "a translated placeholder the field lacks",
      definition: {
        ...onePage(text("name")),
        translations: { es: { fields: { name: { placeholder: "Ana" } } } },
      },
      code: "unknownTranslation",
    },
    {
      $description: "a logic value of the wrong type",
      definition: onePage(
        yesNo,
        text("brand", {
          showIf: { field: "smoker", op: "greaterThan", value: "x" },
        }),
      ),
      code: "invalidLogicValue",
    },
  ])("rejects $$description", async ({ definition, code }) => {
    const { backend, owner, formId } = await createDraft();
    const saved = await saveLatestDraft(owner, formId, definition);
    expect(saved.problems.map((problem) => problem.code)).toContain(code);

    const error = await expectIntakeError(
      publishLatestDraft(owner, formId),
      "invalidDefinition",
    );
    expect(error.problems.map((problem) => problem.code)).toContain(code);
    const versions = await backend.run(internal.testing.countFormVersions, {
      formId,
    });
    expect(versions).toBe(0);
  });
});

describe("forms.unpublish", () => {
  async function createLiveForm() {
    const backend = createTestBackend();
    const clinic = await createClinic(backend, "Harbor Dental");
    const form = await createPublishedForm(clinic.owner, clinic.clinicId);
    return { backend, ...clinic, form };
  }

  test("hides the form from patients", async () => {
    const { backend, owner, form } = await createLiveForm();
    const result = await owner.mutation(api.forms.unpublish, {
      formId: form.formId,
    });
    expect(result).toBeNull();

    const published = await backend.query(api.forms.getPublished, {
      slug: form.slug,
    });
    expect(published).toBeNull();
    const stored = await owner.query(api.forms.get, { formId: form.formId });
    expect(stored.status).toBe("unpublished");
    expect(stored.publishedVersion).toBeNull();
    expect(stored.publishedVersionId).toBeNull();
  });

  test("keeps versions and submissions", async () => {
    const { backend, owner, form } = await createLiveForm();
    const { submissionId } = await backend.mutation(api.submissions.submit, {
      slug: form.slug,
      versionId: form.versionId,
      visitorId: newToken("visitor"),
      submissionKey: newToken("key"),
      answers: checkInAnswers,
    });
    await owner.mutation(api.forms.unpublish, { formId: form.formId });

    const versions = await owner.query(api.versions.list, {
      formId: form.formId,
    });
    expect(versions.map((row) => row.versionId)).toEqual([form.versionId]);
    const frozen = await owner.query(api.versions.get, {
      versionId: form.versionId,
    });
    expect(frozen.definition).toEqual(checkInDefinition);
    const rows = await owner.query(api.submissions.list, {
      formId: form.formId,
    });
    expect(rows.map((row) => row.submissionId)).toEqual([submissionId]);
    const stored = await owner.mutation(api.submissions.open, { submissionId });
    expect(stored.answers).toEqual(checkInAnswers);
  });

  test("stops new submissions", async () => {
    const { backend, owner, clinicId, form } = await createLiveForm();
    await owner.mutation(api.forms.unpublish, { formId: form.formId });
    await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        slug: form.slug,
        versionId: form.versionId,
        visitorId: newToken("visitor"),
        submissionKey: newToken("key"),
        answers: checkInAnswers,
      }),
      "formNotFound",
    );
    const count = await backend.run(internal.testing.countClinicSubmissions, {
      clinicId,
    });
    expect(count).toBe(0);
  });

  test("republishing makes the next version live", async () => {
    const { backend, owner, form } = await createLiveForm();
    await owner.mutation(api.forms.unpublish, { formId: form.formId });
    const result = await publishLatestDraft(owner, form.formId);
    expect(result).toEqual({ version: 2 });

    const published = await backend.query(api.forms.getPublished, {
      slug: form.slug,
    });
    expect(published?.version).toBe(2);
    expect(published?.versionId).not.toBe(form.versionId);
    expect(published?.definition).toEqual(checkInDefinition);
    const stored = await owner.query(api.forms.get, { formId: form.formId });
    expect(stored.status).toBe("published");
    expect(stored.versions.map((row) => row.version)).toEqual([2, 1]);
  });

  test("leaves a draft form unchanged", async () => {
    const { owner, formId } = await createDraft();
    const before = await owner.query(api.forms.get, { formId });
    await owner.mutation(api.forms.unpublish, { formId });
    const after = await owner.query(api.forms.get, { formId });
    expect(after).toEqual(before);
  });

  test("twice is the same as once", async () => {
    const { owner, form } = await createLiveForm();
    await owner.mutation(api.forms.unpublish, { formId: form.formId });
    const before = await owner.query(api.forms.get, { formId: form.formId });
    await owner.mutation(api.forms.unpublish, { formId: form.formId });
    const after = await owner.query(api.forms.get, { formId: form.formId });
    expect(after).toEqual(before);
  });
});

describe("forms.getPublished", () => {
  test("returns the live version to anyone", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Harbor Dental");
    const form = await createPublishedForm(owner, clinicId);
    const published = await backend.query(api.forms.getPublished, {
      slug: form.slug,
    });
    expect(published).toEqual({
      formId: form.formId,
      slug: form.slug,
      versionId: form.versionId,
      version: 1,
      title: "Check-in",
      clinicName: "Harbor Dental",
      definition: checkInDefinition,
    });
  });

  test("returns null for a draft", async () => {
    const { backend, owner, formId } = await createDraft();
    const { slug } = await owner.query(api.forms.get, { formId });
    const published = await backend.query(api.forms.getPublished, { slug });
    expect(published).toBeNull();
  });

  test("returns null for an unknown slug", async () => {
    const backend = createTestBackend();
    const published = await backend.query(api.forms.getPublished, {
      slug: "no-such-form",
    });
    expect(published).toBeNull();
  });

  test.each(malformedSlugs)(
    "returns null for a slug $$description",
    async ({ slug }) => {
      const backend = createTestBackend();
      const published = await backend.query(api.forms.getPublished, { slug });
      expect(published).toBeNull();
    },
  );

  test("returns null for an upper-case live slug", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Harbor Dental");
    const form = await createPublishedForm(owner, clinicId);
    const published = await backend.query(api.forms.getPublished, {
      slug: form.slug.toUpperCase(),
    });
    expect(published).toBeNull();
  });

  test("hides draft edits until they are published", async () => {
    const { backend, owner, formId } = await createDraft();
    await publishLatestDraft(owner, formId);
    await saveLatestDraft(owner, formId, checkInDefinition);
    const { slug } = await owner.query(api.forms.get, { formId });
    const published = await backend.query(api.forms.getPublished, { slug });
    expect(published?.version).toBe(1);
    expect(published?.definition).toEqual(newPatientTemplate.definition);
  });
});

describe("forms.list", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // NOTE: a running backend stamps updatedAt with its own clock, which the
  // fake timers do not reach, so there the order relies on the two calls
  // landing in different milliseconds.
  test("lists most recently changed first", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T09:00:00Z"));
    const { owner, clinicId, formId } = await createDraft();
    vi.setSystemTime(new Date("2030-01-01T09:01:00Z"));
    const secondId = await owner.mutation(api.forms.createFromTemplate, {
      clinicId,
      templateId: "new-patient",
      title: "Second",
    });
    vi.setSystemTime(new Date("2030-01-01T09:02:00Z"));
    await saveLatestDraft(owner, formId, checkInDefinition);
    const forms = await owner.query(api.forms.list, { clinicId });
    expect(forms.map((form) => form.formId)).toEqual([formId, secondId]);
    expect(forms[0]).toMatchObject({
      title: "Check-in",
      status: "draft",
      publishedVersion: null,
    });
  });
});
