import type { FormDefinition } from "@intake/form-schema";
import { expect, test } from "@playwright/test";

import { expectNoAxeViolations, waitForHydration } from "./patient-steps";
import {
  latestAnswers,
  publishTemplate,
  signedInStaffClient,
} from "./staff-client";

/**
 * Builds a short form whose second question and second page depend on
 * the first answer.
 */
function allergyForm(base: FormDefinition): FormDefinition {
  return {
    ...base,
    // The template's Spanish text names its own pages and fields.
    translations: undefined,
    title: "Allergy check",
    pages: [
      {
        id: "start",
        title: "Allergies",
        fields: [
          {
            type: "yesNo",
            id: "allergic",
            label: "Do you have allergies?",
            required: true,
          },
          {
            type: "longText",
            id: "allergies",
            label: "Which allergies?",
            required: true,
            showIf: { field: "allergic", op: "equals", value: true },
          },
          { type: "shortText", id: "name", label: "Your name", required: true },
        ],
      },
      {
        id: "reactions",
        title: "Reactions",
        showIf: { field: "allergic", op: "equals", value: true },
        fields: [
          { type: "shortText", id: "reaction", label: "Worst reaction" },
        ],
      },
      {
        id: "end",
        title: "Anything else",
        fields: [{ type: "longText", id: "notes", label: "Notes" }],
      },
    ],
  };
}

test("hidden answer is not submitted", async ({ page }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient", allergyForm);
  await page.goto(form.path);
  await waitForHydration(page);
  const allergies = page.getByRole("textbox", { name: /Which allergies/ });
  const group = page.getByRole("group", { name: /Do you have allergies/ });

  await expect(allergies).toHaveCount(0);
  await expect(
    page.getByRole("heading", { name: /^Page 1 of 2/ }),
  ).toBeVisible();
  await group.getByLabel("Yes", { exact: true }).check();
  await expect(allergies).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /^Page 1 of 3/ }),
  ).toBeVisible();
  await allergies.fill("Peanuts");
  await page.getByRole("textbox", { name: /Your name/ }).fill("Ana");
  await expectNoAxeViolations(page);

  await group.getByLabel("No", { exact: true }).check();
  await expect(allergies).toHaveCount(0);
  await expect(
    page.getByRole("heading", { name: /^Page 1 of 2/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: /^Page 2 of 2\s*Anything else/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await expect(
    page.getByRole("heading", { name: "Review your answers" }),
  ).toBeVisible();
  await expect(page.getByText("Peanuts")).toHaveCount(0);
  await expect(page.getByText("Which allergies?")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Thank you, your answers were sent" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  expect(await latestAnswers(staff, form.formId)).toEqual({
    allergic: false,
    name: "Ana",
  });
});
