import type { ConvexHttpClient } from "convex/browser";
import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import {
  checkInAnswers,
  createClinic,
  createPublishedForm,
  newToken,
} from "./fixtures";
import { createTestBackend } from "./harness";
import { newLocalClient } from "./harness/convex-local";

// Only a running backend overlaps transactions, so only it shows that the
// sharded counters and per-visitor rows count every concurrent visitor.
// Each visitor has its own client because one client sends its
// mutations one after another.
const clientCount = 30;
const submitterCount = 8;

function newClients(count: number): Promise<ConvexHttpClient[]> {
  return Promise.all(Array.from({ length: count }, () => newLocalClient()));
}

async function createFormWithPoster() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Willow Clinic");
  const form = await createPublishedForm(clinic.owner, clinic.clinicId);
  const posterId = await clinic.owner.mutation(api.posters.create, {
    formId: form.formId,
    name: "Front door",
  });
  const [poster] = await clinic.owner.query(api.posters.list, {
    formId: form.formId,
  });
  if (poster === undefined) throw new Error("No poster.");
  return { ...clinic, form, posterId, code: poster.code };
}

describe("visits concurrency", () => {
  test("counts 30 clients viewing and starting", async () => {
    const { owner, clinicId, form, posterId, code } =
      await createFormWithPoster();
    const clients = await newClients(clientCount);
    await Promise.all(
      clients.map(async (client) => {
        const visitorId = newToken("visitor");
        await client.mutation(api.views.record, {
          slug: form.slug,
          visitorId,
          source: code,
        });
        await client.mutation(api.visits.start, {
          slug: form.slug,
          visitorId,
          source: code,
        });
      }),
    );

    const total = await owner.query(api.stats.forForm, { formId: form.formId });
    expect(total.views).toBe(clientCount);
    expect(total.visitors).toBe(clientCount);
    expect(total.starts).toBe(clientCount);
    const poster = await owner.query(api.stats.forForm, {
      formId: form.formId,
      posterId,
    });
    expect(poster.views).toBe(clientCount);
    expect(poster.starts).toBe(clientCount);
    expect(poster.daily.at(-1)?.starts).toBe(clientCount);
    const desk = await owner.query(api.visits.frontDesk, { clinicId });
    expect(desk.open).toHaveLength(clientCount);
  });

  // Eight, not 30: the per-form submit limit has 4 shards, and 30
  // overlapping submits can exhaust the retries on its rows.
  test("counts 8 clients submitting", async () => {
    const { owner, form, posterId, code } = await createFormWithPoster();
    const clients = await newClients(submitterCount);
    await Promise.all(
      clients.map(async (client) => {
        const visitorId = newToken("visitor");
        await client.mutation(api.visits.start, {
          slug: form.slug,
          visitorId,
          source: code,
        });
        await client.mutation(api.submissions.submit, {
          slug: form.slug,
          versionId: form.versionId,
          visitorId,
          submissionKey: newToken("key"),
          answers: checkInAnswers,
        });
      }),
    );

    const rows = await owner.query(api.stats.byPoster, { formId: form.formId });
    expect(rows[0]?.posterId).toBe(posterId);
    expect(rows[0]?.starts).toBe(submitterCount);
    expect(rows[0]?.submissions).toBe(submitterCount);
    expect(rows[0]?.completionRate).toBe(1);
  });
});
