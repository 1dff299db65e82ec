import { api } from "@intake/backend/api";
import { newPatientSampleAnswers } from "@intake/form-schema";
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

// submitPerVisitor in the backend's limits.ts allows 5 per 10 minutes.
const submissionsPerVisitor = 5;

test("visitor limit shows how long to wait", async ({ page }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  await page.goto(form.path);
  await waitForHydration(page);
  const visitorId = new URL(page.url()).pathname.split("/")[3];
  if (!visitorId) throw new Error(`No visitor id in ${page.url()}`);

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
