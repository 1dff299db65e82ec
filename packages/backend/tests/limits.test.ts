import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import { rateLimits } from "../convex/limits";
import {
  checkInAnswers,
  createClinic,
  createPublishedForm,
  expectIntakeError,
  newToken,
} from "./fixtures";
import { createTestBackend } from "./harness";

async function createOpenForm() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Elm Surgery");
  const form = await createPublishedForm(clinic.owner, clinic.clinicId);
  return { backend, ...clinic, form };
}

describe("submissions.submit rate limit", () => {
  const perVisitor = rateLimits.submitPerVisitor.capacity;

  test("rejects a visitor past the limit", async () => {
    const { backend, owner, clinicId, form } = await createOpenForm();
    const submitAs = (visitorId: string) =>
      backend.mutation(api.submissions.submit, {
        slug: form.slug,
        versionId: form.versionId,
        visitorId,
        submissionKey: newToken("key"),
        answers: checkInAnswers,
      });
    const visitorId = newToken("visitor");
    for (let i = 0; i < perVisitor; i++) await submitAs(visitorId);

    const error = await expectIntakeError(submitAs(visitorId), "rateLimited");
    expect(error.scope).toBe("visitor");
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(
      rateLimits.submitPerVisitor.period,
    );
    const stored = await backend.run(internal.testing.countClinicSubmissions, {
      clinicId,
    });
    expect(stored).toBe(perVisitor);
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.submissions).toBe(perVisitor);

    await submitAs(newToken("visitor"));
    const after = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(after.submissions).toBe(perVisitor + 1);
  });

  // The per-form limit is sharded, so it may reject a little before or
  // after its capacity. Each submit comes from a new visitor, so only the
  // per-form limit can reject one.
  test("names the form limit", { timeout: 120_000 }, async () => {
    const { backend, form } = await createOpenForm();
    const { capacity, rate, period } = rateLimits.submitPerForm;
    const startedAt = Date.now();
    let accepted = 0;
    let rejection: unknown = null;
    while (rejection === null && accepted < 2 * capacity) {
      try {
        await backend.mutation(api.submissions.submit, {
          slug: form.slug,
          versionId: form.versionId,
          visitorId: newToken("visitor"),
          submissionKey: newToken("key"),
          answers: checkInAnswers,
        });
        accepted++;
      } catch (error) {
        rejection = error;
      }
    }
    const refilled = Math.ceil(((Date.now() - startedAt) * rate) / period);

    const error = await expectIntakeError(
      Promise.reject(rejection),
      "rateLimited",
    );
    expect(error.scope).toBe("form");
    expect(error.message).not.toContain(form.slug);
    expect(accepted).toBeLessThanOrEqual(capacity + refilled);
  });

  test("returns a repeated key past the limit", async () => {
    const { backend, form } = await createOpenForm();
    const visitorId = newToken("visitor");
    const args = {
      slug: form.slug,
      versionId: form.versionId,
      visitorId,
      submissionKey: newToken("key"),
      answers: checkInAnswers,
    };
    const first = await backend.mutation(api.submissions.submit, args);
    for (let i = 1; i < perVisitor; i++) {
      await backend.mutation(api.submissions.submit, {
        ...args,
        submissionKey: newToken("key"),
      });
    }
    const repeated = await backend.mutation(api.submissions.submit, args);
    expect(repeated).toEqual(first);
  });

  test("takes no token on invalid answers", async () => {
    const { backend, owner, form } = await createOpenForm();
    const args = {
      slug: form.slug,
      versionId: form.versionId,
      visitorId: newToken("visitor"),
      answers: checkInAnswers,
    };
    for (let i = 0; i < perVisitor; i++) {
      await expectIntakeError(
        backend.mutation(api.submissions.submit, {
          ...args,
          submissionKey: newToken("key"),
          answers: { ...checkInAnswers, privacy: false },
        }),
        "invalidAnswers",
      );
    }
    await backend.mutation(api.submissions.submit, {
      ...args,
      submissionKey: newToken("key"),
    });
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.submissions).toBe(1);
  });
});

describe("views.record rate limit", () => {
  const { capacity, rate, period } = rateLimits.viewPerVisitor;

  // The bucket regains a token every period / rate ms, so a slow backend
  // may accept a few views beyond the capacity before it rejects one.
  test("rejects a visitor past the limit", async () => {
    const { backend, owner, form } = await createOpenForm();
    const visitorId = newToken("visitor");
    const startedAt = Date.now();
    let accepted = 0;
    let rejection: unknown = null;
    while (rejection === null && accepted < 2 * capacity) {
      try {
        await backend.mutation(api.views.record, {
          slug: form.slug,
          visitorId,
        });
        accepted++;
      } catch (error) {
        rejection = error;
      }
    }
    const refilled = Math.ceil(((Date.now() - startedAt) * rate) / period);

    const error = await expectIntakeError(
      Promise.reject(rejection),
      "rateLimited",
    );
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(period);
    expect(accepted).toBeGreaterThanOrEqual(capacity);
    expect(accepted).toBeLessThanOrEqual(capacity + refilled);
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.views).toBe(accepted);

    await backend.mutation(api.views.record, {
      slug: form.slug,
      visitorId: newToken("visitor"),
    });
    const after = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(after.views).toBe(accepted + 1);
  });
});
