import AxeBuilder from "@axe-core/playwright";
import { api } from "@intake/backend/api";
import { newPatientSampleAnswers } from "@intake/form-schema";
import { expect, test, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";

import { publishNewForm, submitThroughApi } from "./clinic-helpers";
import { stack } from "./stack";

/** Runs axe on the current page and expects no WCAG A or AA violations. */
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

test("staff unpublishes and republishes a form", async ({ page }) => {
  const { href, slug } = await publishNewForm(page, /New patient/);
  const convex = new ConvexHttpClient(stack.convexUrl);

  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  const confirmation = page.getByRole("group", {
    name: "Unpublish this form?",
  });
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Published · version 1")).toBeVisible();
  expect(await convex.query(api.forms.getPublished, { slug })).not.toBeNull();

  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(
    confirmation.getByRole("button", { name: "Unpublish form" }),
  ).toBeFocused();
  await expectNoAxeViolations(page);
  await confirmation.getByRole("button", { name: "Unpublish form" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Unpublished." }),
  ).toHaveText("Unpublished. Patients can no longer open this form.");
  await expect(page.getByText("Unpublished", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /\/f\// })).toHaveCount(0);
  expect(await convex.query(api.forms.getPublished, { slug })).toBeNull();

  const patient = await page.context().newPage();
  await patient.goto(href);
  await expect(patient).toHaveTitle("Form not found");
  await patient.close();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Published version 2." }),
  ).toBeVisible();
  await expect(page.getByText("Published · version 2")).toBeVisible();
  const live = await convex.query(api.forms.getPublished, { slug });
  expect(live?.version).toBe(2);
});

test("staff marks a submission reviewed", async ({ page }) => {
  const { slug } = await publishNewForm(page, /New patient/);
  const reference = await submitThroughApi(slug, newPatientSampleAnswers);
  const inbox = page.getByRole("region", { name: "Submissions" });
  const row = inbox.getByRole("button", { name: new RegExp(reference) });
  await expect(row).toContainText("New");

  await row.click();
  await expect(
    page.getByRole("heading", { name: `Submission ${reference}` }),
  ).toBeFocused();
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "marked reviewed" }),
  ).toHaveText(`Submission ${reference} marked reviewed.`);
  await expect(row).toContainText("Reviewed");
  const markNew = page.getByRole("button", { name: "Mark as new" });
  await expect(markNew).toBeVisible();
  await expectNoAxeViolations(page);

  await inbox.getByLabel("New", { exact: true }).check();
  await expect(row).toHaveCount(0);
  await expect(inbox.getByText("No new submissions.")).toBeVisible();
  await inbox.getByLabel("Reviewed", { exact: true }).check();
  await expect(row).toBeVisible();

  await markNew.click();
  await expect(
    page.getByRole("status").filter({ hasText: "marked as new" }),
  ).toHaveText(`Submission ${reference} marked as new.`);
  await expect(row).toHaveCount(0);
  await inbox.getByLabel("New", { exact: true }).check();
  await expect(row).toContainText("New");
  await expect(
    page.getByRole("button", { name: "Mark reviewed" }),
  ).toBeVisible();
});
