import { api } from "@intake/backend/api";
import { newPatientSampleAnswers } from "@intake/form-schema";
import { expect, test, type Page } from "@playwright/test";

import { urls } from "../../../scripts/lib/stack.mjs";
import { fillPageFrom } from "./answer-filler";
import { waitForHydration } from "./patient-steps";
import {
  openLatestSubmission,
  publishTemplate,
  signedInStaffClient,
  signedInStaffPage,
} from "./staff-client";

const imageMarkup = '<img src=x onerror="window.__xss=1">';
const boldMarkup = "<b>bold</b>";

/** Answers with markup in a short text, a name and a long text. */
const answers = {
  ...newPatientSampleAnswers,
  firstName: imageMarkup,
  preferredName: boldMarkup,
  reasonForVisit: `${imageMarkup} ${boldMarkup}`,
};

/**
 * Expects the markup on `page` as literal text, with no element built from
 * it and no script run by it.
 */
async function expectMarkupAsText(page: Page, scope = page.locator("main")) {
  await expect(scope.getByText(imageMarkup).first()).toBeVisible();
  await expect(scope.getByText(boldMarkup).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("b", { hasText: /^bold$/ })).toHaveCount(0);
  expect(await page.evaluate(() => "__xss" in window)).toBe(false);
}

test("patient markup shows as text", async ({ page, context }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  await page.goto(form.path);
  await waitForHydration(page);

  const review = page.getByRole("heading", { name: "Review your answers" });
  while (!(await review.isVisible())) {
    await fillPageFrom(page, answers);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(
      page.getByRole("group", { name: "There is a problem" }),
    ).toHaveCount(0);
  }
  await expectMarkupAsText(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Thank you, your answers were sent" }),
  ).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("b", { hasText: /^bold$/ })).toHaveCount(0);
  expect(await page.evaluate(() => "__xss" in window)).toBe(false);

  const stored = await openLatestSubmission(staff, form.formId);
  expect(stored.answers.firstName).toBe(imageMarkup);
  expect(stored.answers.preferredName).toBe(boldMarkup);
  const [clinic] = await staff.query(api.clinics.listMine, {});

  const staffPage = await signedInStaffPage(context);
  await staffPage.goto(
    `${urls.admin}/clinics/${clinic!.clinicId}/submissions/${stored.submissionId}`,
  );
  await expect(staffPage.getByText(stored.reference).first()).toBeVisible();
  await expectMarkupAsText(staffPage);
});
