import { api } from "@intake/backend/api";
import {
  newPatientSampleAnswers,
  type Field,
  type FormDefinition,
} from "@intake/form-schema";
import { expect, test } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { randomUUID } from "node:crypto";

import { urls } from "../../../scripts/lib/stack.mjs";
import {
  draftKeys,
  expectNoAxeViolations,
  fillCurrentPage,
  pageCount,
  waitForHydration,
} from "./patient-steps";
import { publishTemplate, signedInStaffClient } from "./staff-client";

// submitPerVisitor in the backend's limits.ts allows 5 per 10 minutes,
// and uploadPerVisitor 30 upload URLs per 10 minutes.
const submissionsPerVisitor = 5;
const uploadsPerVisitor = 30;

/** A 1 x 1 PNG image. */
const cardPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Keeps only the template's insurance card question, always shown. */
function cardOnly(definition: FormDefinition): FormDefinition {
  const fields: Field[] = definition.pages.flatMap((page) => page.fields);
  const card = fields.find((field) => field.id === "insuranceCard");
  if (card === undefined) throw new Error("The template has no card field");
  const { showIf: _shown, ...alwaysShown } = card;
  return {
    title: definition.title,
    pages: [{ id: "card", title: "Insurance", fields: [alwaysShown] }],
  };
}

/** Returns the visitor id that the page put in its address. */
function visitorIdOf(url: string): string {
  const visitorId = new URL(url).pathname.split("/")[3];
  if (!visitorId) throw new Error(`No visitor id in ${url}`);
  return visitorId;
}

test("visitor limit shows how long to wait", async ({ page }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  await page.goto(form.path);
  await waitForHydration(page);
  const visitorId = visitorIdOf(page.url());

  const patient = new ConvexHttpClient(urls.api);
  const published = await patient.query(api.forms.getPublished, {
    slug: form.slug,
  });
  if (!published) throw new Error(`Form ${form.slug} is not published`);
  for (let index = 0; index < submissionsPerVisitor; index += 1) {
    await patient.mutation(api.submissions.submit, {
      slug: form.slug,
      versionId: published.versionId,
      visitorId,
      submissionKey: randomUUID(),
      answers: newPatientSampleAnswers,
    });
  }

  const pages = await pageCount(page);
  for (let index = 0; index < pages; index += 1) {
    await fillCurrentPage(page);
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByRole("button", { name: "Submit" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "Too many forms" });
  await expect(alert).toHaveText(
    /^Too many forms were sent from this device\. Wait (a minute|\d+ minutes), then submit again\.$/,
  );
  await expect(alert).toBeFocused();
  await expect(
    page.getByRole("heading", { name: "Review your answers" }),
  ).toBeVisible();
  expect(await draftKeys(page)).toHaveLength(1);
  await expectNoAxeViolations(page);
});

test("upload limit shows how long to wait", async ({ page }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "vet-new-client", cardOnly);
  await page.goto(form.path);
  await waitForHydration(page);
  const visitorId = visitorIdOf(page.url());

  const patient = new ConvexHttpClient(urls.api);
  for (let index = 0; index < uploadsPerVisitor; index += 1) {
    await patient.mutation(api.uploads.generateUploadUrl, {
      slug: form.slug,
      visitorId,
    });
  }
  await page.getByLabel(/Photo of the insurance card/).setInputFiles({
    name: "card.png",
    mimeType: "image/png",
    buffer: cardPng,
  });

  await expect(
    page.getByText(
      /^Too many files were uploaded from this device\. Wait (a minute|\d+ minutes), then choose the file again\.$/,
    ),
  ).toBeVisible();
  await expect(page.getByText(/^Chosen: card\.png/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
