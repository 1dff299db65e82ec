import type { Answers } from "@intake/form-schema";
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Returns the answer at a control's name, such as "email",
 * "homeAddress.city" or "pets.0.petName", or undefined when `answers`
 * has none.
 */
function answerAt(answers: Answers, name: string): unknown {
  let value: unknown = answers;
  for (const part of name.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Returns true when the radio or checkbox with `optionValue` is part of
 * `answer`: an option of a list, "yes" or "no" of a boolean, or a consent
 * box, whose value is "on".
 */
function isChosen(answer: unknown, optionValue: string): boolean {
  if (Array.isArray(answer)) return answer.includes(optionValue);
  if (answer === true) return optionValue === "yes" || optionValue === "on";
  if (answer === false) return optionValue === "no";
  return answer === optionValue;
}

async function fillControl(control: Locator, answer: unknown) {
  const tag = await control.evaluate((element) => element.tagName);
  const type = (await control.getAttribute("type")) ?? "";

  if (type === "radio" || type === "checkbox") {
    const value = (await control.getAttribute("value")) ?? "on";
    if (isChosen(answer, value)) await control.check();
  } else if (tag === "SELECT") {
    await control.selectOption(String(answer));
  } else if (type !== "file") {
    await control.fill(String(answer));
  }
}

/**
 * Clicks each "Add …" button whose group has items in `answers` but shows
 * none yet. Returns true when it added an item.
 */
async function addFirstItems(page: Page, answers: Answers): Promise<boolean> {
  let added = false;
  const buttons = page.locator("main").getByRole("button", { name: /^Add / });
  for (const button of await buttons.all()) {
    const itemLabel = ((await button.textContent()) ?? "").replace(/^Add /, "");
    const firstItem = page.getByRole("group", {
      name: new RegExp(`^${itemLabel} 1$`, "i"),
    });
    const groupId = await button.evaluate(
      (element) => element.closest("[id^=field-]")?.id ?? "",
    );
    const items = answerAt(answers, groupId.replace(/^field-/, ""));
    if (Array.isArray(items) && (await firstItem.count()) === 0) {
      await button.click();
      added = true;
    }
  }
  return added;
}

/** Draws one stroke on each signature pad that is not signed yet. */
async function signPads(page: Page) {
  const pads = page.getByRole("img", { name: "Signature pad" });
  for (const pad of await pads.all()) {
    // The pad's status line has the pad's id with "-status" appended.
    const padId = await pad.getAttribute("id");
    const status = page.locator(`[id="${padId}-status"]`);
    if ((await status.textContent()) !== "Not signed yet.") continue;

    const box = await pad.boundingBox();
    if (box === null) throw new Error("The signature pad is not visible");
    await page.mouse.move(box.x + 20, box.y + 40);
    await page.mouse.down();
    for (let step = 1; step <= 8; step += 1) {
      await page.mouse.move(
        box.x + 20 + step * 20,
        box.y + 40 + (step % 3) * 15,
      );
    }
    await page.mouse.up();
    await expect(status).toHaveText("Signed.");
  }
}

/**
 * Answers the controls of the current page from `answers`, keyed the way
 * the renderer names its controls. Controls without an answer stay empty.
 * It fills again after a group gains its first item or an answer shows
 * more fields, so follow-up questions get their answers too.
 */
export async function fillPageFrom(page: Page, answers: Answers) {
  const filled = new Set<string>();
  for (let round = 0; round < 4; round += 1) {
    const added = await addFirstItems(page, answers);
    const controls = page.locator("main").locator("input, textarea, select");
    let changed = added;
    for (const control of await controls.all()) {
      const name = (await control.getAttribute("name")) ?? "";
      // React mirrors a text box's value into its attribute, so only
      // options are keyed by their value.
      const type = (await control.getAttribute("type")) ?? "";
      const option = type === "radio" || type === "checkbox";
      const value = option ? await control.getAttribute("value") : "";
      const key = `${name}=${value}`;
      const answer = answerAt(answers, name);
      if (filled.has(key) || answer === undefined) continue;
      filled.add(key);
      changed = true;
      await fillControl(control, answer);
    }
    await signPads(page);
    if (!changed) return;
  }
}
