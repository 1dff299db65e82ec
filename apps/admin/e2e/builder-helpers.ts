import { expect, type Page } from "@playwright/test";

/** Creates a blank form from the forms page and waits for the builder. */
export async function openBlankForm(page: Page, title: string) {
  await page.getByRole("button", { name: "New form" }).click();
  await page.getByLabel("Title (optional)").fill(title);
  await page.getByRole("button", { name: /Blank form/ }).click();
  await expect(page).toHaveURL(/\/forms\/[^/]+\/edit$/);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

/** Adds a field of the type named in the picker, using only the keyboard. */
export async function addFieldByKeyboard(
  page: Page,
  pageTitle: string,
  typeName: string,
  label: string,
) {
  const picker = page.getByLabel("New field type").first();
  await picker.focus();
  await picker.selectOption({ label: typeName });
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("button", { name: `Add field to ${pageTitle}` }),
  ).toBeFocused();
  await page.keyboard.press("Enter");
  const labelInput = page.getByLabel("Question label");
  await labelInput.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(label);
}

/** Waits for the builder to save a change it has just started saving. */
export async function waitForSave(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("Saving…");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

/** Returns the field labels of the builder outline, page by page. */
export function outlineOrder(page: Page): Promise<string[][]> {
  return page
    .getByRole("list", { name: "Pages" })
    .locator(":scope > li")
    .evaluateAll((pages) =>
      pages.map((item) =>
        Array.from(item.querySelectorAll("[data-field-id]")).map(
          (row) =>
            row.querySelector("button[aria-pressed] span")?.textContent ?? "",
        ),
      ),
    );
}
