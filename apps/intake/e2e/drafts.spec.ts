import { expect, test } from "@playwright/test";

import {
  draftKeys,
  fillCurrentPage,
  formPath,
  pageCount,
  waitForHydration,
} from "./patient-steps";

test("typed answers survive a reload", async ({ page, context }) => {
  await page.goto(formPath);
  await waitForHydration(page);
  const firstName = page.getByRole("textbox", { name: /First name/ });

  await firstName.fill("Ana");
  await expect.poll(() => draftKeys(page)).toHaveLength(1);
  await page.reload();
  await waitForHydration(page);

  await expect(firstName).toHaveValue("Ana");
  expect(page.url()).not.toContain("Ana");

  await page.close();
  const reopened = await context.newPage();
  await reopened.goto(formPath);
  await waitForHydration(reopened);
  await expect(
    reopened.getByRole("textbox", { name: /First name/ }),
  ).toHaveValue("Ana");
});

test("submitted form leaves no draft", async ({ page }) => {
  await page.goto(formPath);
  await waitForHydration(page);
  const pages = await pageCount(page);
  for (let index = 0; index < pages; index += 1) {
    await fillCurrentPage(page);
    await page.getByRole("button", { name: "Next" }).click();
  }
  await expect(
    page.getByRole("heading", { name: "Review your answers" }),
  ).toBeFocused();
  expect(await draftKeys(page)).toHaveLength(1);

  await page.getByRole("button", { name: "Submit" }).click();
  await expect(
    page.getByRole("heading", { name: /answers were sent/ }),
  ).toBeVisible();
  await page.reload();
  await waitForHydration(page);

  await expect(page.getByRole("textbox", { name: /First name/ })).toHaveValue(
    "",
  );
  expect(await draftKeys(page)).toEqual([]);
});

test("edit on review opens the field", async ({ page }) => {
  await page.goto(formPath);
  await waitForHydration(page);
  const pages = await pageCount(page);
  for (let index = 0; index < pages; index += 1) {
    await fillCurrentPage(page);
    await page.getByRole("button", { name: "Next" }).click();
  }

  await page.getByRole("button", { name: "Edit First name" }).click();

  await expect(page.getByRole("textbox", { name: /First name/ })).toBeFocused();
  await expect(page.getByRole("heading", { name: /Page 1 of/ })).toBeVisible();
});
