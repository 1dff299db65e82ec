import { getTemplate } from "@intake/form-schema";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { signUpWithClinic } from "../../../e2e/staff";
import {
  addFieldByKeyboard,
  openBlankForm,
  outlineOrder,
  waitForSave,
} from "./builder-helpers";

/** Turns on "Show only when" for the selected field, testing `source`. */
async function showOnlyWhen(page: Page, source: string) {
  await page.getByLabel("Show only when: on").check();
  await page
    .getByLabel("Question", { exact: true })
    .selectOption({ label: source });
}

test("logic cycle blocks publishing", async ({ page }) => {
  await signUpWithClinic(page, "Cycle Clinic");
  await openBlankForm(page, "Cycle form");
  await addFieldByKeyboard(page, "Page 1", "Yes or no", "Has insurance");
  await addFieldByKeyboard(page, "Page 1", "Yes or no", "Has referral");
  await showOnlyWhen(page, "Has insurance");
  await expect(
    page.getByRole("heading", { name: /problems? to fix before publishing/ }),
  ).toHaveCount(0);

  await page
    .getByRole("button", { name: "Edit Has insurance", exact: true })
    .click();
  await showOnlyWhen(page, "Has referral");
  const problems = page.getByRole("region", {
    name: "1 problem to fix before publishing",
  });
  await expect(problems).toContainText(
    /Change one of these conditions, because their visibility depends on itself: "yesNo(1|2)" → "yesNo(1|2)" → "yesNo(1|2)"\./,
  );
  const publish = page.getByRole("button", { name: "Publish version 1" });
  await expect(publish).toBeDisabled();
  await expect(
    page.getByText("Fix the problem listed below to publish."),
  ).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // The form page publishes without the builder's check: the server
  // rejects the cycle and no version is made.
  await page.getByRole("link", { name: "Back to the form" }).click();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const failure = page
    .getByRole("alert")
    .filter({ hasText: "Could not publish the form" });
  await expect(failure).toContainText(
    "Could not publish the form: the form has 1 problem to fix first.",
  );
  await expect(failure.getByRole("listitem")).toHaveText([
    /visibility depends on itself/,
  ]);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /\/f\// })).toHaveCount(0);
  await page.getByRole("link", { name: "Version history" }).click();
  await expect(
    page.getByText("This form has no published versions yet."),
  ).toBeVisible();
});

test("duplicates a field with its rules", async ({ page }) => {
  await signUpWithClinic(page, "Copy Clinic");
  await openBlankForm(page, "Copy form");
  await addFieldByKeyboard(page, "Page 1", "Short text", "Member number");
  await page.getByRole("checkbox", { name: "Required", exact: true }).check();
  await page.getByLabel("Maximum length").fill("8");
  await addFieldByKeyboard(page, "Page 1", "Email", "Email");

  await page.getByRole("button", { name: "Duplicate Member number" }).click();
  expect(await outlineOrder(page)).toEqual([
    ["Member number", "Member number (copy)", "Email"],
  ]);
  await expect(
    page.getByRole("button", { name: "Edit Member number (copy)" }),
  ).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Question label")).toHaveValue(
    "Member number (copy)",
  );
  await expect(page.getByLabel("Answer key")).toHaveValue("shortText2");
  await expect(
    page.getByRole("checkbox", { name: "Required", exact: true }),
  ).toBeChecked();
  await expect(page.getByLabel("Maximum length")).toHaveValue("8");
  const preview = page.getByTestId("phone-preview");
  await expect(preview.getByLabel(/^Member number \(copy\)/)).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.reload();
  await expect
    .poll(() => outlineOrder(page))
    .toEqual([["Member number", "Member number (copy)", "Email"]]);
});

test("preview enforces edited answer rules", async ({ page }) => {
  await signUpWithClinic(page, "Rules Clinic");
  await openBlankForm(page, "Rules form");
  const preview = page.getByTestId("phone-preview");

  await addFieldByKeyboard(page, "Page 1", "Short text", "Member number");
  await page.getByLabel("Maximum length").fill("6");
  const memberNumber = preview.getByRole("textbox", { name: "Member number" });
  await memberNumber.fill("12345678");
  await expect(memberNumber).toHaveAttribute("aria-invalid", "true");
  await expect(memberNumber).toHaveAccessibleDescription(
    /Shorten this to 6 characters or fewer\. It has 8 now\./,
  );
  await page.getByLabel("Maximum length").fill("10");
  await expect(memberNumber).not.toHaveAttribute("aria-invalid", "true");
  await expect(preview.getByText(/Shorten this/)).toHaveCount(0);

  await addFieldByKeyboard(page, "Page 1", "Number", "Age");
  await page.getByLabel("Minimum", { exact: true }).fill("0");
  await page.getByLabel("Maximum", { exact: true }).fill("120");
  const age = preview.getByRole("textbox", { name: "Age" });
  await age.fill("130");
  await expect(age).toHaveAccessibleDescription(
    /Enter a number from 0 to 120\./,
  );
  await age.fill("45");
  await expect(age).not.toHaveAttribute("aria-invalid", "true");
  await waitForSave(page);

  // The saved draft carries the rules, so they survive a reload.
  await page.reload();
  await page.getByRole("button", { name: "Edit Age", exact: true }).click();
  await expect(page.getByLabel("Maximum", { exact: true })).toHaveValue("120");
});

test("edits Spanish placeholder and pattern message", async ({
  page,
  browser,
}) => {
  await signUpWithClinic(page, "Spanish Clinic");
  await openBlankForm(page, "Spanish form");
  await addFieldByKeyboard(page, "Page 1", "Short text", "ZIP code");
  await page.getByLabel("Pattern", { exact: true }).fill("[0-9]{5}");
  await page
    .getByLabel("Pattern message", { exact: true })
    .fill("Enter 5 digits.");
  await page.getByLabel("Placeholder", { exact: true }).fill("12345");

  const spanishPlaceholder = page.getByLabel("Placeholder in Spanish");
  const spanishMessage = page.getByLabel("Pattern message in Spanish");
  await spanishPlaceholder.fill("5 dígitos");
  await spanishMessage.fill("Escriba 5 dígitos.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // The saved draft carries the translation, so it survives a reload.
  await page.reload();
  await page
    .getByRole("button", { name: "Edit ZIP code", exact: true })
    .click();
  await expect(spanishPlaceholder).toHaveValue("5 dígitos");
  await expect(spanishMessage).toHaveValue("Escriba 5 dígitos.");

  // A translation of a placeholder the field no longer has is a problem.
  await page.getByLabel("Placeholder", { exact: true }).fill("");
  const problems = page.getByRole("list", { name: "Problems of this field" });
  await expect(problems).toContainText("sets no English placeholder");
  await page.getByLabel("Placeholder", { exact: true }).fill("12345");
  await expect(problems).toHaveCount(0);

  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const patient = await publishAndOpenInSpanish(page, browser);
  const zip = patient.getByRole("textbox", { name: /^ZIP code/ });
  await expect(zip).toHaveAttribute("placeholder", "5 dígitos");
  await expect(
    patient.getByRole("button", { name: "Siguiente" }),
  ).toBeEnabled();
  await zip.fill("abc");
  await patient.getByRole("button", { name: "Siguiente" }).click();
  await expect(zip).toHaveAccessibleDescription(/Escriba 5 dígitos\./);
  await expect(patient.getByText("Enter 5 digits.")).toHaveCount(0);
  await patient.context().close();
});

test("edits Spanish titles and option labels", async ({ page, browser }) => {
  await signUpWithClinic(page, "Options Clinic");
  await openBlankForm(page, "Options form");
  await addFieldByKeyboard(page, "Page 1", "Single choice", "Visit type");
  await page.getByLabel("Label in Spanish").fill("Tipo de visita");
  await page.getByLabel('Option "Option 1" in Spanish').fill("Primera vez");
  await page.getByLabel('Option "Option 2" in Spanish').fill("Seguimiento");
  await page.getByText("Spanish title and page titles").click();
  await page.getByLabel("Form title in Spanish").fill("Formulario de opciones");
  await page.getByLabel("Page 1 title in Spanish").fill("Su visita");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // The Spanish label of a removed option stays until it is cleared, and
  // blocks publishing meanwhile.
  await page.getByRole("button", { name: "Remove Option 2" }).click();
  const problems = page.getByRole("list", { name: "Problems of this field" });
  await expect(problems).toContainText('no option has the value "option2"');
  await page.getByLabel('Option value "option2" in Spanish').fill("");
  await expect(problems).toHaveCount(0);

  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const patient = await publishAndOpenInSpanish(page, browser);
  await expect(patient).toHaveTitle(/^Formulario de opciones · /);
  await expect(
    patient.getByRole("heading", { name: "Su visita" }),
  ).toBeVisible();
  const group = patient.getByRole("group", { name: /^Tipo de visita/ });
  await expect(group.getByRole("radio", { name: "Primera vez" })).toBeVisible();
  await expect(group.getByRole("radio")).toHaveCount(1);
  await patient.context().close();
});

test("accented option value skips Spanish", async ({ page }) => {
  await signUpWithClinic(page, "Accent Clinic");
  await openBlankForm(page, "Accent form");
  await addFieldByKeyboard(page, "Page 1", "Single choice", "Agree");
  await page.getByLabel("Option 1 stored value").fill("sí");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Spanish option labels are stored keyed by the option's value, and a
  // Convex field name must be printable ASCII that does not start with $.
  await expect(page.getByLabel('Option "Option 1" in Spanish')).toHaveCount(0);
  await expect(
    page.getByText('The stored value "sí" cannot carry a Spanish label'),
  ).toBeVisible();
  await page.getByLabel('Option "Option 2" in Spanish').fill("No");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
});

/**
 * Publishes the open draft as version 1 and opens the form on a phone
 * whose browser prefers Spanish.
 */
async function publishAndOpenInSpanish(page: Page, browser: Browser) {
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Published version 1." }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Back to the form" }).click();
  const formUrl = await page
    .getByRole("link", { name: /\/f\// })
    .getAttribute("href");
  if (formUrl === null) throw new Error("The form page links no /f/ address.");

  const phone = await browser.newContext({
    locale: "es-MX",
    viewport: { width: 360, height: 740 },
  });
  const patient = await phone.newPage();
  await patient.goto(formUrl);
  return patient;
}

test("starts a form from a template", async ({ page }) => {
  const template = getTemplate("medical-history");
  if (template === undefined) throw new Error("No medical-history template.");
  await signUpWithClinic(page, "Template Clinic");
  await page.getByRole("button", { name: "New form" }).click();
  await page
    .getByRole("list", { name: "Templates" })
    .getByRole("button", { name: template.name })
    .click();
  await expect(
    page.getByRole("heading", { name: template.name, level: 1 }),
  ).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Edit form" }).click();
  await expect(page.getByTestId("version-label")).toHaveText(
    "Draft of version 1",
  );
  await expect
    .poll(() => outlineOrder(page))
    .toEqual(
      template.definition.pages.map((formPage) =>
        formPage.fields.map((field) => field.label || field.id),
      ),
    );
  const firstPage = template.definition.pages[0];
  await expect(
    page.getByTestId("phone-preview").getByRole("heading", {
      name: firstPage?.title,
    }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Published version 1." }),
  ).toBeVisible();
});
