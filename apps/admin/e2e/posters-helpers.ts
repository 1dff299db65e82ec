import {
  inputFields,
  newPatientTemplate,
  type Answers,
} from "@intake/form-schema";
import { devices, expect, type Browser, type Page } from "@playwright/test";

import { fillField } from "../../../e2e/patient";
import { signUpWithClinic } from "../../../e2e/staff";

/** Signs up with a clinic, publishes the new-patient form, returns its page URL. */
export async function publishNewPatientForm(page: Page, clinicName: string) {
  await signUpWithClinic(page, clinicName);
  await page.getByRole("button", { name: "New form" }).click();
  await page
    .getByRole("button", { name: new RegExp(newPatientTemplate.name) })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: newPatientTemplate.name }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("link", { name: /\/f\// })).toBeVisible();
  return page.url();
}

/** Adds a poster on the posters page and returns its URL. */
export async function addPoster(page: Page, name: string): Promise<string> {
  await page.getByLabel("Poster name").fill(name);
  await page.getByRole("button", { name: "Add poster" }).click();
  const item = page.getByRole("listitem").filter({ hasText: name });
  const link = item.getByRole("link");
  await expect(link).toHaveAttribute("href", /\/p\/[a-z2-7]{6}$/);
  return (await link.getAttribute("href")) ?? "";
}

/** Opens a new phone-sized browser context, as a patient's own phone. */
export async function openPhone(browser: Browser) {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 7"];
  const context = await browser.newContext(pixel);
  return { context, page: await context.newPage() };
}

/** Fills one page of the new-patient form with `answers` and clicks Next. */
export async function fillPage(
  page: Page,
  pageIndex: number,
  answers: Answers,
) {
  const formPage = newPatientTemplate.definition.pages[pageIndex];
  if (formPage === undefined) throw new Error(`No page ${pageIndex}`);
  await expect(
    page.getByRole("heading", { name: formPage.title }),
  ).toBeVisible();
  const definition = newPatientTemplate.definition;
  for (const field of inputFields({ ...definition, pages: [formPage] })) {
    const value = answers[field.id];
    if (value !== undefined) await fillField(page, field, value);
  }
  await page.getByRole("button", { name: "Next", exact: true }).click();
}
