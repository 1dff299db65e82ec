import { api } from "@intake/backend/api";
import {
  inputFields,
  newPatientSampleAnswers,
  newPatientTemplate,
  type AnswerValue,
  type InputField,
} from "@intake/form-schema";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";

import { demo, urls } from "../../../scripts/lib/stack.mjs";
import {
  expectNoAxeViolations,
  formPath,
  waitForHydration,
} from "./patient-steps";
import {
  latestAnswers,
  openLatestSubmission,
  publishTemplate,
  signedInStaffClient,
  signedInStaffPage,
} from "./staff-client";

// Chromium orders the parts of a date input by locale: month, day, year.
test.use({ locale: "en-US", viewport: { width: 360, height: 740 } });

/** Tab presses allowed to reach one control before the test fails. */
const MAX_TABS = 40;

function isFocused(target: Locator) {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, key = "Tab") {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/**
 * Picks `target` in a radio group. Tab enters an unanswered group on its
 * first option, Space picks it and each arrow key moves the choice one
 * option on.
 */
async function chooseRadio(
  page: Page,
  radios: Locator,
  values: string[],
  target: string,
) {
  await tabTo(page, radios.first());
  await page.keyboard.press("Space");
  for (let index = 0; index < values.indexOf(target); index += 1) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(radios.and(page.locator(`[value="${target}"]`))).toBeChecked();
}

/** Answers one field of the demo form with the keyboard alone. */
async function typeAnswer(page: Page, field: InputField, value: AnswerValue) {
  const controls = page.locator(`main [name="${field.id}"]`);
  switch (field.type) {
    case "singleChoice": {
      const values = field.options.map((option) => option.value);
      await chooseRadio(page, controls, values, String(value));
      return;
    }
    case "yesNo":
      await chooseRadio(page, controls, ["yes", "no"], value ? "yes" : "no");
      return;
    case "multipleChoice":
      for (const option of value as string[]) {
        const box = controls.and(page.locator(`[value="${option}"]`));
        await tabTo(page, box);
        await page.keyboard.press("Space");
        await expect(box).toBeChecked();
      }
      return;
    case "consent":
      if (value !== true) return;
      await tabTo(page, controls);
      await page.keyboard.press("Space");
      await expect(controls).toBeChecked();
      return;
    case "date": {
      const [year, month, day] = String(value).split("-");
      await tabTo(page, controls);
      await page.keyboard.type(`${month}${day}${year}`);
      await expect(controls).toHaveValue(String(value));
      return;
    }
    default:
      await tabTo(page, controls);
      await page.keyboard.type(String(value));
      await expect(controls).toHaveValue(String(value));
  }
}

async function pressButton(page: Page, name: string, key = "Enter") {
  await tabTo(page, page.getByRole("button", { name, exact: true }));
  await page.keyboard.press(key);
}

test("demo form submits by keyboard", async ({ page }) => {
  const staff = await signedInStaffClient();
  const anonymous = new ConvexHttpClient(urls.api);
  const form = await anonymous.query(api.forms.getPublished, {
    slug: demo.formSlug,
  });
  if (!form) throw new Error(`Seed form ${demo.formSlug} is not published`);
  await page.goto(formPath);
  await waitForHydration(page);

  const pages = newPatientTemplate.definition.pages;
  for (const [index, formPage] of pages.entries()) {
    const heading = page.getByRole("heading", { name: formPage.title });
    await expect(heading).toContainText(`Page ${index + 1} of`);
    const fields = inputFields({
      ...newPatientTemplate.definition,
      pages: [formPage],
    });
    for (const field of fields) {
      const value = newPatientSampleAnswers[field.id];
      if (value !== undefined) await typeAnswer(page, field, value);
    }
    if (index === 0) {
      // Shift+Tab walks back to a field that is already answered.
      const firstName = page.getByRole("textbox", { name: /First name/ });
      await tabTo(page, firstName, "Shift+Tab");
      await expect(firstName).toHaveValue("Maria");
    }
    await pressButton(page, "Next");
  }

  const review = page.getByRole("heading", { name: "Review your answers" });
  await expect(review).toBeFocused();
  await pressButton(page, "Edit Preferred language");
  const language = page.getByRole("textbox", { name: /Preferred language/ });
  await expect(language).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(" and Spanish");
  for (let index = 0; index < pages.length; index += 1) {
    await pressButton(page, "Next");
  }
  await expect(review).toBeFocused();
  await expect(page.locator("main")).toContainText("English and Spanish");
  await pressButton(page, "Submit", "Space");

  await expect(
    page.getByRole("heading", { name: "Thank you, your answers were sent" }),
  ).toBeFocused();
  const { consentToReminders: _unticked, ...expected } =
    newPatientSampleAnswers;
  expect(await latestAnswers(staff, form.formId)).toEqual({
    ...expected,
    preferredLanguage: "English and Spanish",
    // The page stores ticked options in the order the form lists them.
    familyHistory: ["heartDisease", "diabetes"],
  });
});

test("signature completes by keyboard", async ({ page, context }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(
    staff,
    "consent-release",
    (definition) => ({
      ...definition,
      pages: definition.pages.filter((formPage) => formPage.id === "sign"),
    }),
  );
  await page.goto(form.path);
  await waitForHydration(page);

  const pad = page.getByRole("img", { name: "Signature pad" });
  const consent = page.getByRole("checkbox", { name: "I agree" });
  const typeInstead = page.getByRole("button", {
    name: "Type your name instead",
  });
  await tabTo(page, consent);
  await page.keyboard.press("Space");
  // Drawing needs a pointer, so the pad is not in the tab order and Tab
  // goes from the consent box past it, and past the disabled Clear button,
  // to the button that switches to typing.
  await page.keyboard.press("Tab");
  await expect(pad).not.toBeFocused();
  await expect(typeInstead).toBeFocused();
  await expect(page.getByText(/front desk/)).toHaveCount(0);

  // Unsigned, Next reports the signature. The summary link focuses the
  // pad, whose description names the typed way to sign.
  await pressButton(page, "Next");
  const summary = page.getByRole("group", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await tabTo(page, summary.getByRole("link", { name: /Signature/ }));
  await page.keyboard.press("Enter");
  await expect(pad).toBeFocused();
  await expect(pad).toHaveAccessibleDescription(/Type your name instead/);
  await page.keyboard.press("Tab");
  await expect(typeInstead).toBeFocused();
  await page.keyboard.press("Enter");

  const nameInput = page.getByRole("textbox", { name: "Type your full name" });
  await expect(nameInput).toBeFocused();
  await expect(pad).toHaveCount(0);
  await page.keyboard.type("Ana López");
  await expect(nameInput).toHaveValue("Ana López");
  await expect(page.getByText("Signed with your typed name.")).toBeVisible();
  await expect(page.getByTestId("typed-signature-preview")).toHaveText(
    "Ana López",
  );
  const signedOn = page.locator('main [name="signedOn"]');
  await tabTo(page, signedOn);
  await page.keyboard.type("11202026");
  await expect(signedOn).toHaveValue("2026-11-20");
  await expectNoAxeViolations(page);

  await pressButton(page, "Next");
  const review = page.getByRole("heading", { name: "Review your answers" });
  await expect(review).toBeFocused();
  await expect(page.locator("main")).toContainText(
    "Signed with typed name: Ana López",
  );
  await pressButton(page, "Submit", "Space");
  await expect(
    page.getByRole("heading", { name: "Thank you, your answers were sent" }),
  ).toBeFocused();

  const stored = await openLatestSubmission(staff, form.formId);
  expect(stored.answers).toEqual({
    consentToTreatment: true,
    signature: { typedName: "Ana López" },
    signedOn: "2026-11-20",
  });

  // Staff see the typed name, labelled as typed, on the submission's page.
  const [clinic] = await staff.query(api.clinics.listMine, {});
  const staffPage = await signedInStaffPage(context);
  await staffPage.goto(
    `${urls.admin}/clinics/${clinic!.clinicId}/submissions/${stored.submissionId}`,
  );
  const answer = staffPage.locator("dd", { hasText: "Typed signature" });
  await expect(answer).toContainText("Ana López");
  await expect(staffPage.getByRole("img", { name: "Signature" })).toHaveCount(
    0,
  );
});
