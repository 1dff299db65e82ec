import { expect, test, type Locator, type Page } from "@playwright/test";

import { signUpWithClinic } from "../../../e2e/staff";
import {
  addFieldByKeyboard,
  openBlankForm,
  outlineOrder,
  waitForSave,
} from "./builder-helpers";

const password = "correct-horse-battery";

function windowScroll(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
}

async function dragTo(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  if (!from) throw new Error("Drag source is not visible.");
  const startX = from.x + from.width / 2;
  const startY = from.y + from.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX, startY + 8, { steps: 4 });
  // The target is measured once the drag has started, because lifting the
  // source can move the outline under it. It is kept in document
  // coordinates, because @dnd-kit/core 6.3.1 scrolls the window while the
  // pointer is within 20% of the window's height from its top or bottom.
  const to = await target.boundingBox();
  if (!to) throw new Error("Drag target is not visible.");
  const scrollAtMeasure = await windowScroll(page);
  const endX = to.x + to.width / 2 + scrollAtMeasure.x;
  const endY = to.y + to.height / 2 + scrollAtMeasure.y;
  let scroll = scrollAtMeasure;
  await page.mouse.move(endX - scroll.x, endY - scroll.y, { steps: 20 });
  // A last small move lets the sortable list settle on the target after
  // its items have shifted out of the way.
  await page.mouse.move(endX - scroll.x, endY - scroll.y + 2, { steps: 2 });
  // The pointer follows the target until the window no longer scrolls
  // between two checks.
  await expect(async () => {
    const previousScroll = scroll;
    scroll = await windowScroll(page);
    await page.mouse.move(endX - scroll.x, endY - scroll.y + 2, { steps: 2 });
    expect(scroll).toEqual(previousScroll);
  }).toPass({ timeout: 10_000 });
  await page.mouse.up();
}

test("builds and republishes a form by keyboard", async ({ page }) => {
  await signUpWithClinic(page, "Keyboard Dental");
  await openBlankForm(page, "Dental check-in");

  await addFieldByKeyboard(page, "Page 1", "Short text", "Full name");
  const preview = page.getByTestId("phone-preview");
  await expect(preview.getByLabel("Full name")).toBeVisible();
  await addFieldByKeyboard(page, "Page 1", "Yes or no", "Do you smoke?");
  await addFieldByKeyboard(page, "Page 1", "Number", "Cigarettes per day");
  await expect(preview.getByText("Cigarettes per day")).toBeVisible();
  expect(await outlineOrder(page)).toEqual([
    ["Full name", "Do you smoke?", "Cigarettes per day"],
  ]);

  // Show "Cigarettes per day" only to smokers.
  const showIf = page.getByLabel("Show only when: on");
  await showIf.focus();
  await page.keyboard.press("Space");
  await page
    .getByLabel("Question", { exact: true })
    .selectOption({ label: "Do you smoke?" });
  await expect(page.getByLabel("Value", { exact: true })).toHaveValue("true");
  await expect(preview.getByText("Cigarettes per day")).toBeHidden();
  await preview.getByRole("radio", { name: "Yes" }).check();
  await expect(preview.getByText("Cigarettes per day")).toBeVisible();
  await preview.getByRole("radio", { name: "No" }).check();
  await expect(preview.getByText("Cigarettes per day")).toBeHidden();

  const moveUp = page.getByRole("button", { name: "Move Full name down" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  expect(await outlineOrder(page)).toEqual([
    ["Do you smoke?", "Full name", "Cigarettes per day"],
  ]);

  // The dnd-kit keyboard sensor: space picks up, arrows move, space drops.
  const announcer = page.locator('[id^="DndLiveRegion"]');
  await page.getByRole("button", { name: "Drag Full name" }).focus();
  await page.keyboard.press("Space");
  // The pick-up message is soon replaced by the position message.
  await expect(announcer).toHaveText(
    /^(Picked up Full name\.|Full name is over Full name\.)$/,
  );
  await page.keyboard.press("ArrowUp");
  await expect(announcer).toHaveText("Full name is over Do you smoke?.");
  await page.keyboard.press("Space");
  await expect
    .poll(() => outlineOrder(page))
    .toEqual([["Full name", "Do you smoke?", "Cigarettes per day"]]);

  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Published version 1." }),
  ).toBeVisible();
  await expect(page.getByTestId("version-label")).toHaveText(
    "Same as published version 1",
  );

  await page
    .getByRole("button", { name: "Edit Full name", exact: true })
    .click();
  await page.getByLabel("Question label").fill("Full legal name");
  await expect(page.getByTestId("version-label")).toHaveText(
    "Draft of version 2",
  );
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish version 2" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Published version 2." }),
  ).toBeVisible();

  await page.getByRole("link", { name: "Version history" }).click();
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(
    versions.getByRole("heading", { name: "Version 2" }),
  ).toBeVisible();
  await expect(versions.locator("li").first()).toContainText(
    'Field "Full legal name": label changed from "Full name" to "Full legal name".',
  );
  await expect(versions.locator("li").first()).toContainText("Published by");
  await expect(versions.locator("li").last()).toContainText(
    "First published version.",
  );
});

test("reorders fields and pages by drag and drop", async ({ page }) => {
  // A pointer drag needs its source and target on screen when it starts,
  // so the window is tall enough for both pages' fields.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await signUpWithClinic(page, "Pointer Physio");
  await openBlankForm(page, "Physio intake");
  await addFieldByKeyboard(page, "Page 1", "Short text", "Name");
  await addFieldByKeyboard(page, "Page 1", "Email", "Email address");
  await addFieldByKeyboard(page, "Page 1", "Date", "Date of birth");
  await page.getByRole("button", { name: "Add page" }).click();
  await page.getByLabel("Page 2 title", { exact: true }).fill("Health");

  await dragTo(
    page,
    page.getByRole("button", { name: "Drag Date of birth" }),
    page.getByRole("button", { name: "Drag Name" }),
  );
  await expect
    .poll(() => outlineOrder(page))
    .toEqual([["Date of birth", "Name", "Email address"], []]);

  await dragTo(
    page,
    page.getByRole("button", { name: "Drag Email address" }),
    page.getByText("No fields yet."),
  );
  await expect
    .poll(() => outlineOrder(page))
    .toEqual([["Date of birth", "Name"], ["Email address"]]);

  await dragTo(
    page,
    page.getByRole("button", { name: "Drag page Health" }),
    page.getByRole("button", { name: "Drag page Page 1" }),
  );
  await expect
    .poll(() => outlineOrder(page))
    .toEqual([["Email address"], ["Date of birth", "Name"]]);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.reload();
  await expect
    .poll(() => outlineOrder(page))
    .toEqual([["Email address"], ["Date of birth", "Name"]]);
});

test("shows problems and blocks publishing", async ({ page }) => {
  await signUpWithClinic(page, "Problem Clinic");
  await openBlankForm(page, "Broken form");
  const publish = page.getByRole("button", { name: "Publish version 1" });
  await expect(publish).toBeDisabled();
  await expect(
    page.getByText(/^Fix the 2 problems listed below/),
  ).toBeVisible();

  await addFieldByKeyboard(page, "Page 1", "Single choice", "Pick one");
  await page.getByRole("button", { name: "Remove Option 1" }).click();
  await page.getByRole("button", { name: "Remove Option 2" }).click();
  const problems = page.getByRole("list", { name: "Problems of this field" });
  await expect(problems).toContainText("Add at least one option.");
  await expect(
    page.getByRole("button", { name: "Pick one: Add at least one option." }),
  ).toBeVisible();

  await addFieldByKeyboard(page, "Page 1", "Short text", "Name");
  await page.getByLabel("Answer key").fill("singleChoice1");
  await expect(
    page.getByText('Another field already uses "singleChoice1".'),
  ).toBeVisible();
  await page.getByLabel("Question label").fill("");
  await expect(problems).toContainText("Enter a question label.");
  await expect(page.getByText("Fix the 2 problems listed below")).toBeVisible();
  await expect(publish).toBeDisabled();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Deleting a field that logic points at warns, then reports the logic.
  await addFieldByKeyboard(page, "Page 1", "Yes or no", "Smoker");
  await addFieldByKeyboard(page, "Page 1", "Short text", "Brand");
  await page.getByLabel("Show only when: on").check();
  await page
    .getByLabel("Question", { exact: true })
    .selectOption({ label: "Smoker" });
  let warning = "";
  page.once("dialog", (dialog) => {
    warning = dialog.message();
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Delete Smoker" }).click();
  await expect.poll(() => warning).toContain('The logic of "Brand"');
  await page.getByRole("button", { name: "Edit Brand", exact: true }).click();
  await expect(problems).toContainText(
    'Choose a question on this form, because no field has the id "yesNo1"',
  );
  await expect(page.getByText("Fix the 3 problems listed below")).toBeVisible();
  await expect(publish).toBeDisabled();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
});

test("second editor gets the conflict and keeps the change", async ({
  browser,
}) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  const email = await signUpWithClinic(pageA, "Shared Clinic");
  await openBlankForm(pageA, "Shared form");
  await addFieldByKeyboard(pageA, "Page 1", "Short text", "Name");
  await expect(pageA.getByTestId("save-status")).toHaveText("Saved");
  const editUrl = pageA.url();

  await pageB.goto(editUrl);
  await pageB.getByLabel("Email").fill(email);
  await pageB.getByLabel("Password").fill(password);
  await pageB.getByRole("button", { name: "Sign in" }).click();
  await expect(pageB).toHaveURL(editUrl);
  await pageB.getByRole("button", { name: "Edit Name", exact: true }).click();
  await pageA.getByRole("button", { name: "Edit Name", exact: true }).click();

  await second.setOffline(true);
  await pageB.getByLabel("Question label").fill("Name from B");
  await expect(pageB.getByTestId("save-status")).toContainText("Offline");
  await pageA.getByLabel("Question label").fill("Name from A");
  await waitForSave(pageA);
  await second.setOffline(false);

  await expect(
    pageB.getByRole("heading", { name: "Someone else saved this draft" }),
  ).toBeVisible();
  await expect(pageB.getByTestId("unsaved-changes")).toContainText(
    'label changed from "Name from A" to "Name from B"',
  );
  await pageB.getByRole("button", { name: "Load the latest draft" }).click();
  await expect(pageB.getByLabel("Question label")).toHaveValue("Name from A");
  await expect(
    pageB.getByRole("heading", { name: "Your unsaved change" }),
  ).toBeVisible();
  await expect(pageB.getByTestId("unsaved-changes")).toContainText(
    "Name from B",
  );
  await expect(pageB.getByTestId("save-status")).toHaveText("Saved");
  await expect(pageA.getByLabel("Question label")).toHaveValue("Name from A");

  await first.close();
  await second.close();
});
