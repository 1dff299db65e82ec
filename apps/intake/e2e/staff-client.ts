import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import type { FormDefinition } from "@intake/form-schema";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";

import { demo, urls } from "../../../scripts/lib/stack.mjs";

/** Signs in as the seeded demo staff member and returns the client. */
export async function signedInStaffClient(): Promise<ConvexHttpClient> {
  const client = new ConvexHttpClient(urls.api);
  const result = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email: demo.email, password: demo.password, flow: "signIn" },
  });
  const token = result.tokens?.token;
  if (!token) throw new Error("Demo staff sign-in returned no token");
  client.setAuth(token);
  return client;
}

/**
 * Signs up a new account with its own clinic, which is not the demo
 * clinic, and returns its email and password.
 */
export async function signUpOtherClinic(): Promise<{
  email: string;
  password: string;
}> {
  const email = `other-${Date.now()}@intake.test`;
  const password = "other-password-1";
  const client = new ConvexHttpClient(urls.api);
  const result = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email, password, flow: "signUp" },
  });
  const token = result.tokens?.token;
  if (!token) throw new Error("Sign-up returned no token");
  client.setAuth(token);
  await client.mutation(api.clinics.create, { name: "Other Clinic" });
  return { email, password };
}

/** A form published for one test: its id, slug and patient address. */
export interface PublishedTestForm {
  formId: Id<"forms">;
  slug: string;
  path: string;
  /** The draft revision that a later save or publish must name. */
  draftRevision: number;
}

/**
 * Creates a form in the demo clinic from a form-schema template, replaces
 * its draft with `edit(definition)` when given, publishes it and returns
 * its address. Each call makes a new form, so tests do not share answers.
 */
export async function publishTemplate(
  staff: ConvexHttpClient,
  templateId: string,
  edit?: (definition: FormDefinition) => FormDefinition,
): Promise<PublishedTestForm> {
  const [clinic] = await staff.query(api.clinics.listMine, {});
  if (!clinic) throw new Error("The demo staff member has no clinic");

  const formId = await staff.mutation(api.forms.createFromTemplate, {
    clinicId: clinic.clinicId,
    templateId,
  });
  const form = await staff.query(api.forms.get, { formId });
  let revision = form.draftRevision;
  if (edit) {
    const saved = await staff.mutation(api.forms.saveDraft, {
      formId,
      definition: edit(form.draft),
      revision,
    });
    if (saved.problems.length > 0) {
      throw new Error(
        `The edited draft cannot be published: ${JSON.stringify(saved.problems)}`,
      );
    }
    revision = saved.revision;
  }
  await staff.mutation(api.forms.publish, { formId, revision });
  const { slug } = form;
  return { formId, slug, path: `/f/${slug}`, draftRevision: revision };
}

/**
 * Replaces a form's draft with `edit(draft)` and publishes it as the next
 * version, with the draft revisions the server requires.
 */
export async function publishEditedDraft(
  staff: ConvexHttpClient,
  formId: Id<"forms">,
  edit: (definition: FormDefinition) => FormDefinition,
): Promise<void> {
  const form = await staff.query(api.forms.get, { formId });
  const saved = await staff.mutation(api.forms.saveDraft, {
    formId,
    definition: edit(form.draft),
    revision: form.draftRevision,
  });
  await staff.mutation(api.forms.publish, { formId, revision: saved.revision });
}

/**
 * Opens a form's newest submission the way the staff app does, through
 * the audited `submissions:open`, and returns its answers and file URLs.
 */
export async function openLatestSubmission(
  staff: ConvexHttpClient,
  formId: Id<"forms">,
) {
  const [row] = await staff.query(api.submissions.list, { formId, limit: 1 });
  if (!row) throw new Error("The form has no submission yet");
  return await staff.mutation(api.submissions.open, {
    submissionId: row.submissionId,
  });
}

/** Returns the answers of a form's newest submission. */
export async function latestAnswers(
  staff: ConvexHttpClient,
  formId: Id<"forms">,
) {
  return (await openLatestSubmission(staff, formId)).answers;
}

/** Opens a page of the staff app in `context`, signed in as demo staff. */
export async function signedInStaffPage(
  context: BrowserContext,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${urls.admin}/sign-in`);
  await page.getByLabel("Email").fill(demo.email);
  await page.getByLabel("Password").fill(demo.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}
