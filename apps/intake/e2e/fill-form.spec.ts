import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The published demo form that the backend's `seed:demo` action creates.
const formPath = "/f/new-patient-demo";

/** Sample answers per input kind that pass the demo form's rules. */
const sampleText: Record<string, string> = {
  email: "ana@example.com",
  tel: "555 123 4567",
  date: "1985-04-23",
};

/**
 * Answers every control on the current page the way a patient would. It
 * types into text boxes and picks the first option of each radio group,
 * checkbox group and select.
 */
async function fillCurrentPage(page: Page) {
  const controls = page.locator("main").locator("input, textarea, select");
  const answeredGroups = new Set<string>();

  for (const control of await controls.all()) {
    const tag = await control.evaluate((element) => element.tagName);
    const type = (await control.getAttribute("type")) ?? "";
    const name = (await control.getAttribute("name")) ?? "";

    if (tag === "SELECT") {
      const first = await control
        .locator("option")
        .nth(1)
        .getAttribute("value");
      await control.selectOption(first ?? "");
    } else if (type === "radio" || type === "checkbox") {
      if (answeredGroups.has(name)) continue;
      answeredGroups.add(name);
      await control.check();
    } else if (tag === "TEXTAREA") {
      await control.fill("None");
    } else {
      const numeric = (await control.getAttribute("inputmode")) !== null;
      await control.fill(sampleText[type] ?? (numeric ? "42" : "Test"));
    }
  }
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
}

async function waitForHydration(page: Page) {
  await expect(page.locator("button[type=submit]")).toBeEnabled();
}

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

  const submit = page.getByRole("button", { name: "Submit" });
  while (!(await submit.isVisible())) {
    await fillCurrentPage(page);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(
      page.getByRole("group", { name: "There is a problem" }),
    ).toHaveCount(0);
  }
  await fillCurrentPage(page);
  await submit.dblclick();

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
