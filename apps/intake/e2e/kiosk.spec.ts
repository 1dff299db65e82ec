import { api } from "@intake/backend/api";
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations, fillCurrentPage } from "./patient-steps";
import { publishTemplate, signedInStaffClient } from "./staff-client";

const kioskPath = "/kiosk/new-patient-demo";
const staff = { email: "demo@intake.test", password: "demo-password-1" };

async function startSession(page: Page) {
  await page.getByRole("button", { name: "Tap to start" }).click();
  await expect(page.getByRole("heading", { name: /^Page 1 of/ })).toBeVisible();
}

/** Fills every page with sample answers and submits from the review. */
async function fillAndSubmit(page: Page) {
  while (
    !(await page
      .getByRole("heading", { name: "Review your answers" })
      .isVisible())
  ) {
    await fillCurrentPage(page);
    await page.getByRole("button", { name: "Next", exact: true }).click();
  }
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Thank you, your answers were sent" }),
  ).toBeVisible();
}

async function storageKeys(page: Page) {
  return page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
}

function firstName(page: Page) {
  return page.getByRole("textbox", { name: /First name/ });
}

test("kiosk patients get fresh sessions", async ({ page }) => {
  await page.goto(`${kioskPath}?confirmation=2000`);
  await startSession(page);
  // Browser autofill would keep what one patient typed for the next.
  const tokens = await page
    .locator("main")
    .locator(
      "input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea",
    )
    .evaluateAll((controls) =>
      controls.map((control) => control.getAttribute("autocomplete")),
    );
  expect(tokens.length).toBeGreaterThan(0);
  expect(new Set(tokens)).toEqual(new Set(["off"]));
  await firstName(page).fill("Ana");
  await fillAndSubmit(page);

  await expect(
    page.getByRole("button", { name: "Tap to start" }),
  ).toBeVisible();
  await expect(page.getByText("Thank you, your answers were sent")).toHaveCount(
    0,
  );
  expect(page.url()).not.toContain("Ana");
  expect(await storageKeys(page)).toEqual({ local: [], session: [] });
  expect(await page.context().cookies()).toEqual([]);

  await startSession(page);
  await expect(firstName(page)).toHaveValue("");
  await expect(page.locator("main")).not.toContainText("Ana");
  await fillAndSubmit(page);
  await page.getByRole("button", { name: "Done" }).click();

  await expect(
    page.getByRole("button", { name: "Tap to start" }),
  ).toBeFocused();
  expect(await storageKeys(page)).toEqual({ local: [], session: [] });
});

test("kiosk countdown wipes answers", async ({ page }) => {
  await page.goto(`${kioskPath}?idle=2000&countdown=3000`);
  await startSession(page);
  await firstName(page).fill("Bea");

  const dialog = page.getByRole("alertdialog", {
    name: "Are you still there?",
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("timer")).toHaveText(/^[1-3] s$/);
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(dialog).toBeHidden();
  await expect(firstName(page)).toHaveValue("Bea");

  await expect(dialog).toBeVisible();
  await expect(page.getByRole("button", { name: "Tap to start" })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.locator("body")).not.toContainText("Bea");
  expect(await storageKeys(page)).toEqual({ local: [], session: [] });

  await startSession(page);
  await expect(firstName(page)).toHaveValue("");
});

test("kiosk session ends when unpublished", async ({ page }) => {
  const staffClient = await signedInStaffClient();
  const form = await publishTemplate(staffClient, "new-patient");
  await page.goto(`/kiosk/${form.slug}`);
  await startSession(page);
  await firstName(page).fill("Ana");

  await staffClient.mutation(api.forms.unpublish, { formId: form.formId });
  await expect(
    page.getByRole("heading", { name: "This form is closed" }),
  ).toBeVisible();

  // The next patient starts at the welcome screen, not on the last
  // patient's page.
  await staffClient.mutation(api.forms.publish, {
    formId: form.formId,
    revision: form.draftRevision,
  });
  await expect(
    page.getByRole("button", { name: "Tap to start" }),
  ).toBeVisible();
  await expect(firstName(page)).toHaveCount(0);
});

test("kiosk exit needs staff credentials", async ({ page }) => {
  await page.goto(kioskPath);
  await page.getByRole("button", { name: "Exit kiosk" }).click();
  const dialog = page.getByRole("dialog", { name: "Exit kiosk" });
  await dialog.getByLabel("Staff email").fill(staff.email);
  await dialog.getByLabel("Password").fill("wrong-password-1");
  await dialog.getByRole("button", { name: "Exit kiosk" }).click();

  await expect(dialog.getByRole("alert")).toHaveText(
    "The email or password is incorrect. Check both and try again.",
  );
  await expect(page).toHaveURL(new RegExp(`${kioskPath}$`));

  await dialog.getByLabel("Password").fill(staff.password);
  await dialog.getByRole("button", { name: "Exit kiosk" }).click();

  await expect(
    page.getByRole("heading", { name: "Kiosk closed" }),
  ).toBeVisible();
  expect(await storageKeys(page)).toEqual({ local: [], session: [] });
});

test("kiosk screens pass axe", async ({ page }) => {
  await page.goto(`${kioskPath}?idle=1000&countdown=60000`);
  await expect(
    page.getByRole("button", { name: "Tap to start" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Exit kiosk" }).click();
  await expect(page.getByRole("dialog", { name: "Exit kiosk" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Cancel" }).click();

  await startSession(page);
  await expect(
    page.getByRole("alertdialog", { name: "Are you still there?" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
