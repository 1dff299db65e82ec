import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// The published demo form that the backend's `seed:demo` action creates.
export const formPath = "/f/new-patient-demo";

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
export async function fillCurrentPage(page: Page) {
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

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
}

export async function waitForHydration(page: Page) {
  await expect(page.locator("button[type=submit]")).toBeEnabled();
}

/** Reads the page count from the "Page 1 of N" heading of the first page. */
export async function pageCount(page: Page): Promise<number> {
  const heading = page.getByRole("heading", { name: /^Page 1 of \d+/ });
  const text = (await heading.textContent()) ?? "";
  const match = /Page 1 of (\d+)/.exec(text);
  if (!match) throw new Error(`No page count in heading "${text}"`);
  return Number(match[1]);
}

/** Keys of the answer drafts that the page keeps in localStorage. */
export async function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith("intake:draft:")),
  );
}
