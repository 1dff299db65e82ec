import { api, internal } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import {
  checkInAnswers,
  createClinic,
  createPublishedForm,
  newToken,
} from "./fixtures";
import { createTestBackend, type TestBackend } from "./harness";

/** Milliseconds in one day. */
export const dayMs = 24 * 60 * 60 * 1000;

/**
 * A clinic with an owner, a staff member, two published forms and a
 * second clinic whose owner must see nothing of the first.
 */
export async function createInboxWorld() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Harbour Dental");
  const other = await createClinic(backend, "Hilltop Vets");
  const staff = await backend.signUp("staff@harbour.test");
  await backend.run(internal.members.addExisting, {
    clinicId: clinic.clinicId,
    email: staff.email,
    role: "staff",
  });
  const formA = await createPublishedForm(clinic.owner, clinic.clinicId);
  const formB = await createPublishedForm(clinic.owner, clinic.clinicId);
  return { backend, ...clinic, other, staff, formA, formB };
}

/** What `createInboxWorld` returns. */
export type InboxWorld = Awaited<ReturnType<typeof createInboxWorld>>;

/** Submits `checkInAnswers` to a published form as a new visitor. */
export async function submitOne(
  backend: TestBackend,
  form: { slug: string; versionId: Id<"formVersions"> },
  answers: Record<string, unknown> = checkInAnswers,
) {
  return await backend.mutation(api.submissions.submit, {
    slug: form.slug,
    versionId: form.versionId,
    visitorId: newToken("visitor"),
    submissionKey: newToken("key"),
    answers: answers as typeof checkInAnswers,
  });
}

/**
 * Inserts `count` submissions sent one minute apart, the first at
 * `firstSubmittedAt`, without the submit rate limits.
 */
export async function seedSubmissions(
  backend: TestBackend,
  formId: Id<"forms">,
  count: number,
  firstSubmittedAt: number,
) {
  await backend.run(internal.inboxSeed.insertSubmissions, {
    formId,
    count,
    firstSubmittedAt,
    stepMs: 60_000,
    answers: checkInAnswers,
  });
}

/** Polls `check` every 50 ms until it returns true or 10 s pass. */
export async function waitUntil(check: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("Timed out after 10 s.");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
