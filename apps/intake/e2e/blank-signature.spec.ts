import { api } from "@intake/backend/api";
import {
  templateSampleAnswers,
  type FormDefinition,
} from "@intake/form-schema";
import { expect, test } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { randomUUID } from "node:crypto";

import { urls } from "../../../scripts/lib/stack.mjs";
import {
  openLatestSubmission,
  publishTemplate,
  signedInStaffClient,
  signedInStaffPage,
} from "./staff-client";

/** Makes every field of the consent form with the id `signature` optional. */
function optionalSignature(definition: FormDefinition): FormDefinition {
  return {
    ...definition,
    pages: definition.pages.map((page) => ({
      ...page,
      fields: page.fields.map((field) =>
        field.id === "signature" ? { ...field, required: false } : field,
      ),
    })),
  };
}

test("blank optional signature reads not answered", async ({ context }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(
    staff,
    "consent-release",
    optionalSignature,
  );
  const patient = new ConvexHttpClient(urls.api);
  const published = await patient.query(api.forms.getPublished, {
    slug: form.slug,
  });
  if (!published) throw new Error(`Form ${form.slug} is not published.`);
  // A pad without strokes passes validation as no answer, and the backend
  // stores it as sent.
  const visitorId = `visitor-${randomUUID()}`;
  await patient.mutation(api.submissions.submit, {
    slug: form.slug,
    versionId: published.versionId,
    visitorId,
    submissionKey: `key-${visitorId}`,
    answers: {
      ...templateSampleAnswers("consent-release"),
      signature: { width: 300, height: 100, strokes: [] },
    },
  });
  const { submissionId } = await openLatestSubmission(staff, form.formId);
  const [clinic] = await staff.query(api.clinics.listMine, {});

  const page = await signedInStaffPage(context);
  await page.goto(
    `${urls.admin}/clinics/${clinic?.clinicId}/submissions/${submissionId}`,
  );
  const row = page
    .getByRole("term")
    .filter({ hasText: /^Signature$/ })
    .locator("xpath=..");
  await expect(row.getByRole("definition")).toHaveText("Not answered");
  await expect(row.getByRole("img", { name: "Signature" })).toHaveCount(0);
});
