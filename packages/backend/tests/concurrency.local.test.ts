import type { ConvexHttpClient } from "convex/browser";
import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import {
  checkInAnswers,
  createClinic,
  createPublishedForm,
  newToken,
} from "./fixtures";
import { createTestBackend } from "./harness";
import { newLocalClient } from "./harness/convex-local";

// convex-test runs one transaction at a time, so only a running backend
// can show how these mutations behave when their transactions overlap.
// Each client is its own ConvexHttpClient because one client sends its
// mutations one after another.
const clientCount = 30;

function newClients(count: number): Promise<ConvexHttpClient[]> {
  return Promise.all(Array.from({ length: count }, () => newLocalClient()));
}

async function createOpenForm() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Birch Clinic");
  const form = await createPublishedForm(clinic.owner, clinic.clinicId);
  return { backend, ...clinic, form };
}

describe("views.record concurrency", () => {
  test.each([1, 3])(
    "counts 30 clients with %i views each",
    async (viewsPerClient) => {
      const { owner, form } = await createOpenForm();
      const clients = await newClients(clientCount);
      await Promise.all(
        clients.map(async (client) => {
          const visitorId = newToken("visitor");
          for (let i = 0; i < viewsPerClient; i++) {
            await client.mutation(api.views.record, {
              slug: form.slug,
              visitorId,
            });
          }
        }),
      );
      const stats = await owner.query(api.stats.forForm, {
        formId: form.formId,
      });
      expect(stats.views).toBe(clientCount * viewsPerClient);
    },
  );
});

describe("submissions.submit concurrency", () => {
  test("stores one submission per key", async () => {
    const { backend, owner, clinicId, form } = await createOpenForm();
    const args = {
      slug: form.slug,
      versionId: form.versionId,
      visitorId: newToken("visitor"),
      submissionKey: newToken("key"),
      answers: checkInAnswers,
    };
    const clients = await newClients(clientCount);
    const results = await Promise.all(
      clients.map((client) => client.mutation(api.submissions.submit, args)),
    );

    const first = results[0];
    for (const result of results) expect(result).toEqual(first);
    const stored = await backend.run(internal.testing.countClinicSubmissions, {
      clinicId,
    });
    expect(stored).toBe(1);
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.submissions).toBe(1);
  });

  test("stores every distinct key once", async () => {
    const { backend, owner, clinicId, form } = await createOpenForm();
    const clients = await newClients(clientCount);
    const results = await Promise.all(
      clients.map((client) =>
        client.mutation(api.submissions.submit, {
          slug: form.slug,
          versionId: form.versionId,
          visitorId: newToken("visitor"),
          submissionKey: newToken("key"),
          answers: checkInAnswers,
        }),
      ),
    );

    const ids = new Set(results.map((result) => result.submissionId));
    expect(ids.size).toBe(clientCount);
    const references = new Set(results.map((result) => result.reference));
    expect(references.size).toBe(clientCount);
    const stored = await backend.run(internal.testing.countClinicSubmissions, {
      clinicId,
    });
    expect(stored).toBe(clientCount);
    const stats = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(stats.submissions).toBe(clientCount);
  });
});
