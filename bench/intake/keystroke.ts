import type { Browser } from "@playwright/test";
import type { Field, FormDefinition } from "@intake/form-schema";

// One of each kind of input, repeated, so the page is as heavy as a real
// long form rather than a column of identical text boxes.
const FIELD_KINDS: Array<(id: string, index: number) => Field> = [
  (id, index) => ({
    id,
    type: "shortText",
    label: `Question ${index}`,
    required: true,
  }),
  (id, index) => ({
    id,
    type: "email",
    label: `Email ${index}`,
    required: true,
  }),
  (id, index) => ({ id, type: "phone", label: `Phone ${index}` }),
  (id, index) => ({
    id,
    type: "number",
    label: `Number ${index}`,
    min: 0,
    max: 1000,
  }),
  (id, index) => ({ id, type: "date", label: `Date ${index}` }),
  (id, index) => ({
    id,
    type: "singleChoice",
    label: `Choice ${index}`,
    required: true,
    options: [
      { value: "a", label: "First" },
      { value: "b", label: "Second" },
      { value: "c", label: "Third" },
    ],
  }),
  (id, index) => ({ id, type: "yesNo", label: `Yes or no ${index}` }),
  (id, index) => ({
    id,
    type: "longText",
    label: `Details ${index}`,
    maxLength: 2000,
  }),
];

/** Returns a one-page form with `fieldCount` input fields of mixed types. */
export function wideDefinition(
  title: string,
  fieldCount: number,
): FormDefinition {
  const fields = Array.from({ length: fieldCount }, (_, index) =>
    FIELD_KINDS[index % FIELD_KINDS.length]!(`field${index + 1}`, index + 1),
  );
  return { title, pages: [{ id: "page1", title: "All questions", fields }] };
}

/**
 * Types `warmUp + count` characters into a text box of the form at `url`
 * and returns one figure for each of the last `count`. A figure is the
 * milliseconds from the keydown event to the task after the next
 * animation frame, which covers the React render and the frame that
 * shows it.
 *
 * With `withErrors`, the script first presses Next on the empty form, so
 * every required field shows its error, and then types into "Email 2",
 * whose answer stays an invalid address. The renderer re-validates a field
 * that shows an error on every change, with `validateAnswers` over the
 * whole form, so each figure then includes one validation of all fields.
 * Without it, the figures are of "Question 1", which shows no error and
 * so is not validated while the patient types.
 */
export async function measureKeystrokes(
  browser: Browser,
  url: string,
  {
    count,
    warmUp,
    withErrors = false,
  }: { count: number; warmUp: number; withErrors?: boolean },
): Promise<number[]> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    let input = page.getByLabel("Question 1", { exact: false }).first();
    if (withErrors) {
      await page.getByRole("button", { name: "Next", exact: true }).click();
      input = page.getByRole("textbox", { name: /^Email 2\b/ });
      await input.click();
      await page.keyboard.type("x");
      await page.waitForFunction(
        (element) => element?.getAttribute("aria-invalid") === "true",
        await input.elementHandle(),
      );
    }
    await input.click();

    await page.evaluate(() => {
      const samples: number[] = [];
      let keyDownAt = 0;
      Object.assign(window, { __keystrokeSamples: samples });
      document.addEventListener(
        "keydown",
        (event) => {
          keyDownAt = event.timeStamp;
        },
        true,
      );
      document.addEventListener(
        "input",
        () => {
          const start = keyDownAt;
          requestAnimationFrame(() =>
            setTimeout(() => samples.push(performance.now() - start), 0),
          );
        },
        true,
      );
    });

    for (let key = 0; key < warmUp + count; key++) {
      await page.keyboard.press(key % 2 === 0 ? "a" : "b");
      await page.waitForFunction(
        (expected) =>
          (window as unknown as { __keystrokeSamples: number[] })
            .__keystrokeSamples.length >= expected,
        key + 1,
      );
    }
    const samples = await page.evaluate(
      () =>
        (window as unknown as { __keystrokeSamples: number[] })
          .__keystrokeSamples,
    );
    return samples.slice(warmUp);
  } finally {
    await context.close();
  }
}
