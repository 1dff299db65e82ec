import { expect, test } from "@playwright/test";

import {
  expectNoAxeViolations,
  fillCurrentPage,
  formPath,
  pageCount,
  waitForHydration,
} from "./patient-steps";

test.use({ viewport: { width: 360, height: 740 } });

test("form address gets a visitor id", async ({ page }) => {
  await page.goto(formPath);

  await expect(page).toHaveURL(/\/f\/new-patient-demo\/[0-9a-f-]{36}$/);
  const visitorUrl = page.url();
  await page.reload();
  await expect(page).toHaveURL(visitorUrl);
});

test("form fits a 360 px phone", async ({ page }) => {
  await page.goto(formPath);
  await waitForHydration(page);

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
});

test("empty page shows error summary", async ({ page }) => {
  await page.goto(formPath);
  await waitForHydration(page);

  await page.getByRole("button", { name: "Next" }).click();

  const summary = page.getByRole("group", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(
    page.getByRole("textbox", { name: /First name/ }),
  ).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
});

test("filled form submits once", async ({ page }) => {
  const submitCalls: string[] = [];
  page.on("websocket", (socket) => {
    socket.on("framesent", (frame) => {
      const text = typeof frame.payload === "string" ? frame.payload : "";
      if (text.includes('"submissions:submit"')) submitCalls.push(text);
    });
  });
  await page.goto(formPath);
  await waitForHydration(page);

  const pages = await pageCount(page);
  for (let index = 0; index < pages; index += 1) {
    await fillCurrentPage(page);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(
      page.getByRole("group", { name: "There is a problem" }),
    ).toHaveCount(0);
  }
  const review = page.getByRole("heading", { name: "Review your answers" });
  await expect(review).toBeFocused();
  await expect(page.getByRole("term").first()).toHaveText("First name");
  const reviewWidth = await page.evaluate(
    () => document.documentElement.scrollWidth,
  );
  expect(reviewWidth).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit" }).dblclick();

  const heading = page.getByRole("heading", { name: /answers were sent/ });
  await expect(heading).toBeFocused();
  await expect(page.getByText(/^[A-Z0-9]{6}$/)).toBeVisible();
  expect(submitCalls).toHaveLength(1);
  expect(page.url()).not.toContain("Test");
  await expectNoAxeViolations(page);
});

test("unknown form shows not found", async ({ page }) => {
  const response = await page.goto("/f/no-such-form");

  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { name: "Form not found" }),
  ).toBeVisible();
});
