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

test("unpublish after a failed client load", async ({ page }) => {
  // The Convex client library arrives in its own chunk after hydration.
  // Its fetches fail until the phone is back online, retries included.
  let online = false;
  let failedLoads = 0;
  await page.route("**/_next/static/chunks/**", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!online && body.includes("Attempting reconnect in")) {
      failedLoads += 1;
      await route.abort("internetdisconnected");
      return;
    }
    await route.fulfill({ response, body });
  });
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  // The page records the view once hydrated and warns when that fails,
  // which it does only after the chunk loader gave up.
  const viewFailed = page.waitForEvent("console", (message) =>
    message.text().startsWith("Recording a view"),
  );
  await page.goto(form.path);
  await waitForHydration(page);
  await viewFailed;
  expect(failedLoads).toBeGreaterThan(0);
  online = true;

  // The first answer records the visit's start, which loads the client.
  await page.getByRole("textbox", { name: /First name/ }).fill("Ana");
  await expect.poll(() => draftKeys(page)).toHaveLength(1);
  await staff.mutation(api.forms.unpublish, { formId: form.formId });

  await expect(
    page.getByRole("heading", { name: "This form is closed" }),
  ).toBeVisible();
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
