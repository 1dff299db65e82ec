import { describe, expect, test } from "vitest";
import { api, components } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { rateLimits } from "../convex/limits";
import {
  checkInAnswers,
  checkInDefinition,
  createClinic,
  createPublishedForm,
  expectIntakeError,
  newToken,
} from "./fixtures";
import { createTestBackend, type TestBackend } from "./harness";

/** `checkInDefinition` with two more pages, for page progress. */
const threePageDefinition = {
  ...checkInDefinition,
  pages: [
    ...checkInDefinition.pages,
    {
      id: "visit",
      title: "Your visit",
      fields: [{ type: "shortText", id: "reason", label: "Reason" }],
    },
    {
      id: "notes",
      title: "Notes",
      fields: [{ type: "longText", id: "notes", label: "Notes" }],
    },
  ],
};

async function createOpenForm() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Cedar Clinic");
  const form = await createPublishedForm(
    clinic.owner,
    clinic.clinicId,
    threePageDefinition,
  );
  const posterId = await clinic.owner.mutation(api.posters.create, {
    formId: form.formId,
    name: "Front door",
  });
  const [poster] = await clinic.owner.query(api.posters.list, {
    formId: form.formId,
  });
  if (poster === undefined) throw new Error("No poster.");
  return { backend, ...clinic, form, posterId, code: poster.code };
}

function submitArgs(
  slug: string,
  versionId: Id<"formVersions">,
  visitorId: string,
) {
  return {
    slug,
    versionId,
    visitorId,
    submissionKey: newToken("key"),
    answers: checkInAnswers,
  };
}

function counterValue(backend: TestBackend, name: string) {
  return backend.run(components.shardedCounter.public.count, { name });
}

describe("views.record with visits", () => {
  test("counts a visitor once", async () => {
    const { backend, owner, form } = await createOpenForm();
    const visitorId = newToken("visitor");
    for (let i = 0; i < 3; i++) {
      await backend.mutation(api.views.record, { slug: form.slug, visitorId });
    }
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
    });
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.views).toBe(4);
    expect(stats.visitors).toBe(2);
  });

  test("counts a poster's views", async () => {
    const { backend, owner, form, posterId, code } = await createOpenForm();
    const visitorId = newToken("visitor");
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId,
      source: code,
    });
    // A reload without the code still belongs to the poster.
    await backend.mutation(api.views.record, { slug: form.slug, visitorId });
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
    });

    const poster = await owner.query(api.stats.forForm, {
      formId: form.formId,
      posterId,
    });
    expect(poster.views).toBe(2);
    expect(poster.visitors).toBe(1);
    const total = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(total.views).toBe(3);
    expect(total.visitors).toBe(2);
  });

  test.each([
    { $description: "unknown", code: "zzzzzz" },
    { $description: "malformed", code: "../FRONT" },
  ])("counts an $$description code without a poster", async ({ code }) => {
    const { backend, owner, form, posterId } = await createOpenForm();
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
      source: code,
    });
    const total = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(total.views).toBe(1);
    const poster = await owner.query(api.stats.forForm, {
      formId: form.formId,
      posterId,
    });
    expect(poster.views).toBe(0);
  });

  test("ignores another form's code", async () => {
    const { backend, owner, clinicId, form, code } = await createOpenForm();
    const other = await createPublishedForm(owner, clinicId);
    await backend.mutation(api.views.record, {
      slug: other.slug,
      visitorId: newToken("visitor"),
      source: code,
    });
    const rows = await owner.query(api.stats.byPoster, { formId: form.formId });
    expect(rows[0]?.views).toBe(0);
    const total = await owner.query(api.stats.forForm, {
      formId: other.formId,
    });
    expect(total.views).toBe(1);
  });

  test("writes the daily UTC keys", async () => {
    const { backend, form, posterId, code } = await createOpenForm();
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
      source: code,
    });
    const day = new Date().toISOString().slice(0, 10);
    for (const name of [
      `views:${form.formId}:d:${day}`,
      `views:${form.formId}:${posterId}`,
      `views:${form.formId}:${posterId}:d:${day}`,
      `visitors:${form.formId}`,
    ]) {
      expect(await counterValue(backend, name), name).toBe(1);
    }
  });
});

describe("visits.start", () => {
  test("counts one start per visitor", async () => {
    const { backend, owner, form, posterId, code } = await createOpenForm();
    const visitorId = newToken("visitor");
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId,
      source: code,
    });
    for (let i = 0; i < 3; i++) {
      await backend.mutation(api.visits.start, { slug: form.slug, visitorId });
    }
    const poster = await owner.query(api.stats.forForm, {
      formId: form.formId,
      posterId,
    });
    expect(poster.starts).toBe(1);
    const total = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(total.starts).toBe(1);
    expect(total.visitors).toBe(1);
  });

  test("counts a visitor without a view", async () => {
    const { backend, owner, form, posterId, code } = await createOpenForm();
    await backend.mutation(api.visits.start, {
      slug: form.slug,
      visitorId: newToken("visitor"),
      source: code,
    });
    const poster = await owner.query(api.stats.forForm, {
      formId: form.formId,
      posterId,
    });
    expect(poster.visitors).toBe(1);
    expect(poster.starts).toBe(1);
    expect(poster.views).toBe(0);
  });

  test("rejects an unpublished form", async () => {
    const { backend, owner, clinicId } = await createOpenForm();
    const draftId = await owner.mutation(api.forms.createFromTemplate, {
      clinicId,
      templateId: "new-patient",
    });
    const draft = await owner.query(api.forms.get, { formId: draftId });
    await expectIntakeError(
      backend.mutation(api.visits.start, {
        slug: draft.slug,
        visitorId: newToken("visitor"),
      }),
      "formNotFound",
    );
  });

  test("rejects a malformed visitor id", async () => {
    const { backend, form } = await createOpenForm();
    await expectIntakeError(
      backend.mutation(api.visits.start, { slug: form.slug, visitorId: "x" }),
      "invalidArgument",
    );
  });

  // The bucket regains a token every period / rate ms, so a slow backend
  // may accept a few calls beyond the capacity before it rejects one.
  test("rejects a visitor past the limit", async () => {
    const { capacity, rate, period } = rateLimits.visitPerVisitor;
    const { backend, form } = await createOpenForm();
    const visitorId = newToken("visitor");
    const startedAt = Date.now();
    let accepted = 0;
    let rejection: unknown = null;
    while (rejection === null && accepted < 2 * capacity) {
      try {
        await backend.mutation(api.visits.start, {
          slug: form.slug,
          visitorId,
        });
        accepted++;
      } catch (error) {
        rejection = error;
      }
    }
    const refilled = Math.ceil(((Date.now() - startedAt) * rate) / period);

    await expectIntakeError(Promise.reject(rejection), "rateLimited");
    expect(accepted).toBeGreaterThanOrEqual(capacity);
    expect(accepted).toBeLessThanOrEqual(capacity + refilled);
  });
});

describe("visits.progress", () => {
  test("moves the front desk row", async () => {
    const { backend, owner, clinicId, form } = await createOpenForm();
    const visitorId = newToken("visitor");
    await backend.mutation(api.visits.start, { slug: form.slug, visitorId });
    await backend.mutation(api.visits.progress, {
      slug: form.slug,
      visitorId,
      pageIndex: 2,
      pageCount: 3,
    });
    const desk = await owner.query(api.visits.frontDesk, { clinicId });
    expect(desk.open).toHaveLength(1);
    expect(desk.open[0]?.pageIndex).toBe(2);
    expect(desk.open[0]?.pageCount).toBe(3);
  });

  test.each([
    { $description: "index at the count", pageIndex: 3, pageCount: 3 },
    { $description: "negative index", pageIndex: -1, pageCount: 3 },
    { $description: "fractional index", pageIndex: 0.5, pageCount: 3 },
    { $description: "count above the form's", pageIndex: 0, pageCount: 4 },
    { $description: "zero count", pageIndex: 0, pageCount: 0 },
  ])("rejects a $$description", async ({ pageIndex, pageCount }) => {
    const { backend, form } = await createOpenForm();
    await expectIntakeError(
      backend.mutation(api.visits.progress, {
        slug: form.slug,
        visitorId: newToken("visitor"),
        pageIndex,
        pageCount,
      }),
      "invalidArgument",
    );
  });
});

describe("submissions.submit with visits", () => {
  test("counts the poster's submission", async () => {
    const { backend, owner, form, posterId, code } = await createOpenForm();
    const visitorId = newToken("visitor");
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId,
      source: code,
    });
    await backend.mutation(api.visits.start, { slug: form.slug, visitorId });
    await backend.mutation(
      api.submissions.submit,
      submitArgs(form.slug, form.versionId, visitorId),
    );

    const poster = await owner.query(api.stats.forForm, {
      formId: form.formId,
      posterId,
    });
    expect(poster.submissions).toBe(1);
    expect(poster.completionRate).toBe(1);
    const rows = await owner.query(api.stats.byPoster, { formId: form.formId });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.submissions).toBe(1);
    expect(rows[0]?.name).toBe("Front door");
  });

  test("records a direct submit's visit", async () => {
    const { backend, owner, clinicId, form } = await createOpenForm();
    await backend.mutation(
      api.submissions.submit,
      submitArgs(form.slug, form.versionId, newToken("visitor")),
    );
    const total = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(total.submissions).toBe(1);
    const desk = await owner.query(api.visits.frontDesk, { clinicId });
    expect(desk.recent).toHaveLength(1);
    expect(desk.recent[0]?.posterName).toBeNull();
  });

  test("starts a viewed visit on submit", async () => {
    const { backend, owner, form } = await createOpenForm();
    const visitorId = newToken("visitor");
    await backend.mutation(api.views.record, { slug: form.slug, visitorId });
    await backend.mutation(
      api.submissions.submit,
      submitArgs(form.slug, form.versionId, visitorId),
    );
    const total = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(total.starts).toBe(1);
    expect(total.completionRate).toBe(1);
  });

  test("moves the visit to recent", async () => {
    const { backend, owner, clinicId, form } = await createOpenForm();
    const visitorId = newToken("visitor");
    await backend.mutation(api.visits.start, { slug: form.slug, visitorId });
    const before = await owner.query(api.visits.frontDesk, { clinicId });
    expect(before.open).toHaveLength(1);
    expect(before.recent).toHaveLength(0);

    await backend.mutation(
      api.submissions.submit,
      submitArgs(form.slug, form.versionId, visitorId),
    );
    const after = await owner.query(api.visits.frontDesk, { clinicId });
    expect(after.open).toHaveLength(0);
    expect(after.recent).toHaveLength(1);
    expect(after.recent[0]?.formTitle).toBe("Check-in");
  });
});

describe("stats.forForm", () => {
  test("computes the completion rate", async () => {
    const { backend, owner, form } = await createOpenForm();
    const visitors = [newToken("visitor"), newToken("visitor")];
    for (const visitorId of visitors) {
      await backend.mutation(api.visits.start, { slug: form.slug, visitorId });
    }
    const empty = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(empty.completionRate).toBe(0);
    await backend.mutation(
      api.submissions.submit,
      submitArgs(form.slug, form.versionId, visitors[0] ?? ""),
    );
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.completionRate).toBe(0.5);
  });

  test("returns null rate before any start", async () => {
    const { owner, form } = await createOpenForm();
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.completionRate).toBeNull();
  });

  test("returns a daily series ending today", async () => {
    const { backend, owner, form } = await createOpenForm();
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
    });
    const stats = await owner.query(api.stats.forForm, {
      formId: form.formId,
      days: 7,
    });
    expect(stats.daily).toHaveLength(7);
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.daily[6]?.date).toBe(today);
    expect(stats.daily[6]?.views).toBe(1);
    expect(stats.daily[6]?.visitors).toBe(1);
    expect(stats.daily[0]?.views).toBe(0);
  });

  test.each([0, 91, 1.5])("rejects %s days", async (days) => {
    const { owner, form } = await createOpenForm();
    await expectIntakeError(
      owner.query(api.stats.forForm, { formId: form.formId, days }),
      "invalidArgument",
    );
  });

  test("rejects another form's poster", async () => {
    const { owner, clinicId, posterId } = await createOpenForm();
    const other = await createPublishedForm(owner, clinicId);
    await expectIntakeError(
      owner.query(api.stats.forForm, { formId: other.formId, posterId }),
      "notFound",
    );
  });
});

describe("visits.frontDesk", () => {
  test("leaves out viewers who never started", async () => {
    const { backend, owner, clinicId, form } = await createOpenForm();
    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
    });
    const desk = await owner.query(api.visits.frontDesk, { clinicId });
    expect(desk.open).toEqual([]);
  });

  test("names the poster", async () => {
    const { backend, owner, clinicId, form, code } = await createOpenForm();
    await backend.mutation(api.visits.start, {
      slug: form.slug,
      visitorId: newToken("visitor"),
      source: code,
    });
    const desk = await owner.query(api.visits.frontDesk, { clinicId });
    expect(desk.open[0]?.posterName).toBe("Front door");
    expect(desk.open[0]?.formTitle).toBe("Check-in");
  });

  test("rejects staff of another clinic", async () => {
    const { backend, clinicId } = await createOpenForm();
    const stranger = await createClinic(backend, "Pine Clinic");
    await expectIntakeError(
      stranger.owner.query(api.visits.frontDesk, { clinicId }),
      "forbidden",
    );
  });
});
