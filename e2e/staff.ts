import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { urls } from "../scripts/lib/stack.mjs";

/** Signs up a new staff account with its own clinic; returns the email. */
export async function signUpWithClinic(page: Page, clinicName: string) {
  const email = `staff-${randomUUID()}@clinic.test`;
  await page.goto(urls.admin);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Clinic name").fill(clinicName);
  await page.getByRole("button", { name: "Create clinic" }).click();
  return email;
}
