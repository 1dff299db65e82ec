import {
  getTemplate,
  newPatientSampleAnswers,
  templateSampleAnswers,
  type Answers,
} from "@intake/form-schema";
import { expect, test, type Page } from "@playwright/test";

import { fillPageFrom } from "./answer-filler";
import {
  expectNoAxeViolations,
  fillCurrentPage,
  formPath,
  waitForHydration,
} from "./patient-steps";
import { publishTemplate, signedInStaffClient } from "./staff-client";

test.use({ viewport: { width: 360, height: 740 } });

const reviewHeading = "Review your answers";
const sentHeading = "Thank you, your answers were sent";

/**
 * Scans the first page empty and again with its error summary, then fills
 * each page from `answers`, scans it and moves on. Scans the review step
 * and the confirmation. Returns the titles of the pages it passed through.
 */
async function scanEveryStep(page: Page, answers: Answers) {
  await waitForHydration(page);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(
    page.getByRole("group", { name: "There is a problem" }),
  ).toBeFocused();
  await expectNoAxeViolations(page);

  const titles: string[] = [];
  const review = page.getByRole("heading", { name: reviewHeading });
  while (!(await review.isVisible())) {
    const heading = page.getByRole("heading", { name: /^Page \d+ of \d+/ });
    await expect(heading).toContainText(`Page ${titles.length + 1} of`);
    const title = (await heading.textContent()) ?? "";
    titles.push(title.replace(/^Page \d+ of \d+/, ""));
    await fillPageFrom(page, answers);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(
      page.getByRole("group", { name: "There is a problem" }),
    ).toHaveCount(0);
  }

  await expect(review).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("heading", { name: sentHeading })).toBeFocused();
  await expectNoAxeViolations(page);
  return titles;
}

test("demo form steps pass axe", async ({ page }) => {
  await page.goto(formPath);

  const titles = await scanEveryStep(page, newPatientSampleAnswers);

  const template = getTemplate("new-patient");
  expect(titles).toEqual(template?.definition.pages.map((p) => p.title));
});

for (const templateId of [
  "medical-history",
  "consent-release",
  "vet-new-client",
]) {
  test(`${templateId} steps pass axe`, async ({ page }) => {
    const staff = await signedInStaffClient();
    const form = await publishTemplate(staff, templateId);
    await page.goto(form.path);

    const titles = await scanEveryStep(page, templateSampleAnswers(templateId));

    const template = getTemplate(templateId);
    expect(titles).toEqual(template?.definition.pages.map((p) => p.title));
  });
}

test("kiosk confirmation passes axe", async ({ page }) => {
  await page.goto("/kiosk/new-patient-demo");
  await page.getByRole("button", { name: "Tap to start" }).click();
  const review = page.getByRole("heading", { name: reviewHeading });
  await expect(page.getByRole("heading", { name: /^Page 1 of/ })).toBeVisible();
  while (!(await review.isVisible())) {
    await fillCurrentPage(page);
    await page.getByRole("button", { name: "Next", exact: true }).click();
  }
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();

  await expect(page.getByRole("heading", { name: sentHeading })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("static patient pages pass axe", async ({ page }) => {
  await page.goto("/kiosk-closed");
  await expect(
    page.getByRole("heading", { name: "Kiosk closed" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});
