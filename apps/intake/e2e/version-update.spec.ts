import type { FormDefinition } from "@intake/form-schema";
import { expect, test } from "@playwright/test";

import {
  draftKeys,
  expectNoAxeViolations,
  waitForHydration,
} from "./patient-steps";
import {
  publishEditedDraft,
  publishTemplate,
  signedInStaffClient,
} from "./staff-client";

/**
 * Drops "preferredName", with its Spanish text, and turns "lastName" into
 * a long text field.
 */
function editPersonalPage(definition: FormDefinition): FormDefinition {
  const [first, ...rest] = definition.pages;
  if (first === undefined) throw new Error("The template has no pages");
  const fields = first.fields
    .filter((field) => field.id !== "preferredName")
    .map((field) =>
      field.id === "lastName" && field.type === "shortText"
        ? { ...field, type: "longText" as const }
        : field,
    );
  const spanish = definition.translations?.es;
  const { preferredName: _dropped, ...spanishFields } = spanish?.fields ?? {};
  return {
    ...definition,
    pages: [{ ...first, fields }, ...rest],
    ...(spanish === undefined
      ? {}
      : { translations: { es: { ...spanish, fields: spanishFields } } }),
  };
}

test("new version mid-fill keeps fitting answers", async ({ page }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  await page.goto(form.path);
  await waitForHydration(page);

  const firstName = page.getByRole("textbox", { name: /First name/ });
  const lastName = page.getByRole("textbox", { name: /Last name/ });
  await firstName.fill("Ana");
  await lastName.fill("Diaz");
  await page.getByRole("textbox", { name: /Preferred name/ }).fill("Annie");
  await expect.poll(() => draftKeys(page)).toHaveLength(1);
  const [oldKey] = await draftKeys(page);

  await publishEditedDraft(staff, form.formId, editPersonalPage);

  const status = page.getByRole("status").filter({
    hasText: "The clinic updated this form",
  });
  await expect(status).toBeVisible();
  await expect(firstName).toHaveValue("Ana");
  await expect(lastName).toHaveValue("");
  await expect(
    page.getByRole("textbox", { name: /Preferred name/ }),
  ).toHaveCount(0);
  await expectNoAxeViolations(page);

  await expect.poll(() => draftKeys(page)).not.toEqual([oldKey]);
  await page.reload();
  await waitForHydration(page);
  await expect(firstName).toHaveValue("Ana");
  expect(await draftKeys(page)).toHaveLength(1);
});

test("reload after a new version restores the draft", async ({ page }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  await page.goto(form.path);
  await waitForHydration(page);
  await page.getByRole("textbox", { name: /First name/ }).fill("Bea");
  await expect.poll(() => draftKeys(page)).toHaveLength(1);
  await page.close();

  await publishEditedDraft(staff, form.formId, editPersonalPage);

  const reopened = await page.context().newPage();
  await reopened.goto(form.path);
  await waitForHydration(reopened);
  await expect(
    reopened.getByRole("textbox", { name: /First name/ }),
  ).toHaveValue("Bea");
  await expect(
    reopened.getByRole("status").filter({ hasText: "updated this form" }),
  ).toBeVisible();
  await expectNoAxeViolations(reopened);
});
