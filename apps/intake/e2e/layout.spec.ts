import {
  newPatientSampleAnswers,
  newPatientTemplate,
} from "@intake/form-schema";
import { expect, test, type Page } from "@playwright/test";

import { fillPageFrom } from "./answer-filler";
import { formPath, waitForHydration } from "./patient-steps";

/**
 * Doubles the root font size, as a phone's "larger text" setting does.
 * Chromium's own default font size is a profile preference that Playwright
 * cannot set for a launched browser, and CSS zoom would scale pixel widths
 * and the viewport too, which a text size setting leaves alone. The app's
 * type and spacing are in rem, so this scales them as the setting would.
 */
async function useLargerText(page: Page) {
  await page.addStyleTag({ content: ":root { font-size: 200% !important; }" });
  const rootSize = await page.evaluate(
    () => getComputedStyle(document.documentElement).fontSize,
  );
  expect(rootSize).toBe("32px");
}

/**
 * Expects the current step to fit the viewport's width: no horizontal
 * scrolling, and every control, label and heading in `main` visible with
 * its box inside the width once scrolled into view, and no text cut off
 * by its own box.
 */
async function expectFitsWidth(page: Page) {
  const { scrollWidth, innerWidth, overflowing } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
    // Named in the failure message: the elements that stick out.
    overflowing: [...document.querySelectorAll("body *")]
      .filter(
        (element) => element.getBoundingClientRect().right > window.innerWidth,
      )
      .map(
        (element) => `${element.tagName} ${element.textContent?.slice(0, 30)}`,
      ),
  }));
  expect(scrollWidth, overflowing.join("; ")).toBeLessThanOrEqual(innerWidth);

  const targets = page
    .locator("main")
    .locator(
      "input:not([type=file]), textarea, select, button, label, legend, h1, h2, h3, dt, dd",
    );
  for (const target of await targets.all()) {
    await target.scrollIntoViewIfNeeded();
    await expect(target).toBeVisible();
    const box = await target.boundingBox();
    const description = await target.evaluate(
      (element) => `${element.tagName} "${element.textContent?.slice(0, 40)}"`,
    );
    expect(box, description).not.toBeNull();
    expect(box!.x, description).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, description).toBeLessThanOrEqual(innerWidth);
    const clipped = await target.evaluate(
      (element) => element.scrollWidth > element.clientWidth + 1,
    );
    expect(clipped, `${description} is cut off`).toBe(false);
  }
}

/** Walks every page and the review step of the demo form, checking each. */
async function walkForm(page: Page) {
  const review = page.getByRole("heading", { name: "Review your answers" });
  let steps = 0;
  while (!(await review.isVisible())) {
    await expectFitsWidth(page);
    await fillPageFrom(page, newPatientSampleAnswers);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(
      page.getByRole("group", { name: "There is a problem" }),
    ).toHaveCount(0);
    steps += 1;
  }
  await expectFitsWidth(page);
  return steps;
}

const layouts = [
  {
    name: "portrait",
    viewport: { width: 360, height: 740 },
    largerText: false,
  },
  {
    name: "landscape",
    viewport: { width: 740, height: 360 },
    largerText: false,
  },
  {
    name: "larger text",
    viewport: { width: 360, height: 740 },
    largerText: true,
  },
];

for (const layout of layouts) {
  test.describe(layout.name, () => {
    test.use({ viewport: layout.viewport });

    test(`demo form fits ${layout.name}`, async ({ page }) => {
      await page.goto(formPath);
      await waitForHydration(page);
      if (layout.largerText) await useLargerText(page);

      const steps = await walkForm(page);

      expect(steps).toBe(newPatientTemplate.definition.pages.length);
    });
  });
}
