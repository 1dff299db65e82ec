import { api } from "@intake/backend/api";
import { expect, test } from "@playwright/test";

import {
  draftKeys,
  expectNoAxeViolations,
  waitForHydration,
} from "./patient-steps";
import { publishTemplate, signedInStaffClient } from "./staff-client";

test("unpublish while filling keeps the draft", async ({ page }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  await page.goto(form.path);
  await waitForHydration(page);

  await page.getByRole("textbox", { name: /First name/ }).fill("Ana");
  await expect.poll(() => draftKeys(page)).toHaveLength(1);
  await staff.mutation(api.forms.unpublish, { formId: form.formId });

  const heading = page.getByRole("heading", { name: "This form is closed" });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByText(/stopped taking answers/)).toBeVisible();
  await expect(page.getByText(/still saved in this browser/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: /First name/ })).toHaveCount(
    0,
  );
  const drafts = await page.evaluate(() =>
    Object.entries(localStorage)
      .filter(([key]) => key.startsWith("intake:draft:"))
      .map(([, value]) => value),
  );
  expect(drafts).toHaveLength(1);
  expect(JSON.parse(drafts[0]!).answers).toMatchObject({ firstName: "Ana" });
  await expectNoAxeViolations(page);

  // Republishing makes a new version, and the draft's answers move to it.
  await staff.mutation(api.forms.publish, {
    formId: form.formId,
    revision: form.draftRevision,
  });
  await expect(
    page.getByRole("status").filter({ hasText: "updated this form" }),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: /First name/ })).toHaveValue(
    "Ana",
  );
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByRole("heading", { name: /^Page 1 of/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /First name/ })).toHaveValue(
    "Ana",
  );
});

test("missing pages pass axe", async ({ page }) => {
  const unknownForm = await page.goto("/f/no-such-form");
  expect(unknownForm?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { name: "Form not found" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  const unknownPage = await page.goto("/no/such/page");
  expect(unknownPage?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { name: "Page not found" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
