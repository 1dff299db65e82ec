import { describe, expect, test } from "vitest";
import { api, components } from "../convex/_generated/api";
import {
  checkInAnswers,
  createClinic,
  createPublishedForm,
  expectIntakeError,
  malformedSlugs,
  newToken,
} from "./fixtures";
import { createTestBackend } from "./harness";

async function createOpenForm() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Oak Vets");
  const form = await createPublishedForm(clinic.owner, clinic.clinicId);
  return { backend, ...clinic, form };
}

describe("views.record", () => {
  test.each([1, 7, 40])("counts %i views exactly", async (views) => {
    const { backend, owner, form } = await createOpenForm();
    const visitorId = newToken("visitor");
    for (let i = 0; i < views; i++) {
      await backend.mutation(api.views.record, { slug: form.slug, visitorId });
    }
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.views).toBe(views);
  });

  test("counts concurrent views exactly", async () => {
    const { backend, owner, form } = await createOpenForm();
    await Promise.all(
      Array.from({ length: 25 }, () =>
        backend.mutation(api.views.record, {
          slug: form.slug,
          visitorId: newToken("visitor"),
        }),
      ),
    );
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.views).toBe(25);
  });

  test("counts on the views:<formId> key", async () => {
    const { backend, form } = await createOpenForm();
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
    });
    const count = await backend.run(components.shardedCounter.public.count, {
      name: `views:${form.formId}`,
    });
    expect(count).toBe(1);
  });

  test("keeps forms apart", async () => {
    const { backend, owner, clinicId, form } = await createOpenForm();
    const other = await createPublishedForm(owner, clinicId);
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
    });
    const stats = await owner.query(api.stats.forForm, {
      formId: other.formId,
    });
    expect(stats.views).toBe(0);
  });

  test("rejects an unpublished form", async () => {
    const { backend, owner, clinicId } = await createOpenForm();
    const draftId = await owner.mutation(api.forms.createFromTemplate, {
      clinicId,
      templateId: "new-patient",
    });
    const draft = await owner.query(api.forms.get, { formId: draftId });
    await expectIntakeError(
      backend.mutation(api.views.record, {
        slug: draft.slug,
        visitorId: newToken("visitor"),
      }),
      "formNotFound",
    );
    const stats = await owner.query(api.stats.forForm, { formId: draftId });
    expect(stats.views).toBe(0);
  });

  test("names a well-formed unknown slug", async () => {
    const { backend } = await createOpenForm();
    const error = await expectIntakeError(
      backend.mutation(api.views.record, {
        slug: "no-such-form",
        visitorId: newToken("visitor"),
      }),
      "formNotFound",
    );
    expect(error.message).toContain('"no-such-form"');
  });

  test.each(malformedSlugs)(
    "rejects a slug $$description unechoed",
    async ({ slug }) => {
      const { backend } = await createOpenForm();
      const error = await expectIntakeError(
        backend.mutation(api.views.record, {
          slug,
          visitorId: newToken("visitor"),
        }),
        "formNotFound",
      );
      expect(error.message.length).toBeLessThan(200);
      expect(error.message).not.toContain(`"${slug}"`);
    },
  );

  test("rejects a malformed visitor id", async () => {
    const { backend, form } = await createOpenForm();
    await expectIntakeError(
      backend.mutation(api.views.record, { slug: form.slug, visitorId: "x" }),
      "invalidArgument",
    );
  });
});

describe("stats.forForm", () => {
  test("counts stored submissions only", async () => {
    const { backend, owner, form } = await createOpenForm();
    const args = {
      slug: form.slug,
      versionId: form.versionId,
      visitorId: newToken("visitor"),
      submissionKey: newToken("key"),
      answers: checkInAnswers,
    };
    await backend.mutation(api.submissions.submit, args);
    await backend.mutation(api.submissions.submit, args);
    await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        ...args,
        submissionKey: newToken("key"),
        answers: { ...checkInAnswers, privacy: false },
      }),
      "invalidAnswers",
    );
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.views).toBe(0);
    expect(stats.submissions).toBe(1);
  });
});
