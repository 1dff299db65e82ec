import { expect, type Page } from "@playwright/test";
import {
  inputFields,
  type Answers,
  type AnswerValue,
  type FormDefinition,
  type InputField,
} from "@intake/form-schema";

/** Option count above which a single choice renders as a select (`MAX_RADIO_OPTIONS` in @intake/ui). */
const MAX_RADIO_OPTIONS = 7;

/**
 * Fills one field the way a patient does: types into text inputs, picks
 * options by their visible label, ticks consent boxes.
 */
export async function fillField(page: Page, field: InputField, value: AnswerValue) {
  const control = page.locator(`[name="${field.id}"]`);
  switch (field.type) {
    case "singleChoice": {
      if (field.options.length > MAX_RADIO_OPTIONS) {
        await control.selectOption(String(value));
        return;
      }
      const option = field.options.find((choice) => choice.value === value);
      await page
        .getByRole("group", { name: field.label })
        .getByLabel(option?.label ?? String(value), { exact: true })
        .check();
      return;
    }
    case "multipleChoice": {
      const group = page.getByRole("group", { name: field.label });
      for (const selected of value as string[]) {
        const option = field.options.find(
          (choice) => choice.value === selected,
        );
        await group
          .getByLabel(option?.label ?? selected, { exact: true })
          .check();
      }
      return;
    }
    case "yesNo":
      await page
        .getByRole("group", { name: field.label })
        .getByLabel(value ? "Yes" : "No", { exact: true })
        .check();
      return;
    case "consent":
      if (value === true) await control.check();
      return;
    default:
      await control.fill(String(value));
  }
}

/**
 * Fills every page of a published form with `answers`, clicks Next on each
 * page, the last included, and submits from the review step. Resolves to
 * the reference shown on the confirmation.
 */
export async function fillAndSubmit(
  page: Page,
  definition: FormDefinition,
  answers: Answers,
): Promise<string> {
  const answered = new Set(Object.keys(answers));
  for (const formPage of definition.pages) {
    await expect(
      page.getByRole("heading", { name: formPage.title }),
    ).toBeVisible();
    const fields = inputFields({ ...definition, pages: [formPage] });
    for (const field of fields) {
      const value = answers[field.id];
      if (answered.has(field.id) && value !== undefined) {
        await fillField(page, field, value);
      }
    }
    await page.getByRole("button", { name: "Next", exact: true }).click();
  }
  await expect(
    page.getByRole("heading", { name: "Review your answers" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Thank you, your answers were sent" }),
  ).toBeVisible();
  const reference = page
    .getByText("Your reference", { exact: true })
    .locator("xpath=following-sibling::*[1]");
  return (await reference.textContent())?.trim() ?? "";
}
