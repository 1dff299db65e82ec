import AxeBuilder from "@axe-core/playwright";
import { api } from "@intake/backend/api";
import { newPatientSampleAnswers } from "@intake/form-schema";
import { expect, test, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";

import { decodeQrDataUrl } from "../../../e2e/qr";
import { demo, stack } from "./stack";

/** Runs axe on the current page and expects no WCAG A or AA violations. */
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${stack.adminUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signed-out visitor goes to sign-in", async ({ page }) => {
  await page.goto(`${stack.adminUrl}/clinics/someClinic/forms`);

  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclinics%2FsomeClinic/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeFocused();
  await expectNoAxeViolations(page);
});

test("wrong password shows a clear error", async ({ page }) => {
  await signIn(page, demo.email, "not-the-password");

  await expect(page.getByRole("alert").first()).toHaveText(
    "Email or password is incorrect. Check both and try again.",
  );
});

test("new staff member publishes a form", async ({ page }) => {
  const email = `staff-${Date.now()}@example.test`;
  await page.goto(`${stack.adminUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-1");
  await page.getByRole("button", { name: "Create account" }).click();

  await page.getByLabel("Clinic name").fill("Harbour Physio");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(
    page.locator("#main").getByText("Harbour Physio", { exact: true }),
  ).toBeVisible();

  await page.getByRole("button", { name: "New form" }).click();
  await page.getByRole("button", { name: /New patient/ }).click();
  await expect(page.getByText("Draft")).toBeVisible();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Published version 1." }),
  ).toBeVisible();
  const link = page.getByRole("link", { name: /\/f\// });
  const href = await link.getAttribute("href");
  expect(href).toMatch(new RegExp(`^${stack.intakeUrl}/f/[a-z0-9-]+$`));
  const qr = page.getByRole("img", { name: /^QR code for / });
  expect(decodeQrDataUrl((await qr.getAttribute("src")) ?? "")).toBe(href);
  const retention = page.getByRole("region", { name: "Retention" });
  await expect(retention.getByLabel("Keep submissions for (days)")).toHaveValue(
    "365",
  );
  await expect(retention).toContainText(
    "Submissions older than 365 days are deleted daily.",
  );
  await expectNoAxeViolations(page);

  const convex = new ConvexHttpClient(stack.convexUrl);
  const demoForm = await convex.query(api.forms.getPublished, {
    slug: demo.formSlug,
  });
  await page.goto(
    `${stack.adminUrl}/clinics/other/forms/${demoForm?.formId ?? "missing"}`,
  );
  await expect(
    page.getByRole("alert").filter({ hasText: "This form was not found" }),
  ).toHaveText(/your account has no access to it\./);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${stack.adminUrl}/sign-in`);
});

test("inbox shows views and submissions live", async ({ page }) => {
  const convex = new ConvexHttpClient(stack.convexUrl);
  const form = await convex.query(api.forms.getPublished, {
    slug: demo.formSlug,
  });
  if (!form) throw new Error(`Seed form ${demo.formSlug} is not published.`);

  await signIn(page, demo.email, demo.password);
  await expect(
    page.locator("#main").getByText(demo.clinicName, { exact: true }),
  ).toBeVisible();
  await page.getByRole("link", { name: form.title }).click();
  const views = page.locator('dt:text-is("Views") + dd');
  await expect(views).toHaveText(/^\d+$/);
  const viewsBefore = Number(await views.textContent());

  const visitorId = `visitor-${Date.now()}`;
  await convex.mutation(api.views.record, { slug: demo.formSlug, visitorId });
  await expect(views).toHaveText(String(viewsBefore + 1));

  const { reference } = await convex.mutation(api.submissions.submit, {
    slug: demo.formSlug,
    versionId: form.versionId,
    visitorId,
    submissionKey: `key-${visitorId}`,
    answers: newPatientSampleAnswers,
  });
  const inbox = page.getByRole("region", { name: "Submissions" });
  await expect(
    page.getByRole("status").filter({ hasText: "New submission" }),
  ).toHaveText(`New submission, reference ${reference}.`);
  await expect(inbox.getByText(reference)).toBeVisible();

  await inbox.getByRole("button", { name: new RegExp(reference) }).click();
  const heading = page.getByRole("heading", {
    name: `Submission ${reference}`,
  });
  await expect(heading).toBeFocused();
  await expect(page.locator('dt:text-is("First name") + dd')).toHaveText(
    "Maria",
  );
  await expect(
    page.locator('dt:text-is("Do you smoke or vape?") + dd'),
  ).toHaveText("Never");
  await expectNoAxeViolations(page);
});
