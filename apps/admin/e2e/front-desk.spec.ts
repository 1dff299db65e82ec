import {
  newPatientSampleAnswers,
  newPatientTemplate,
} from "@intake/form-schema";
import { expect, test } from "@playwright/test";

import {
  addPoster,
  fillPage,
  openPhone,
  publishNewPatientForm,
} from "./posters-helpers";

test("front desk follows a patient live", async ({ page, browser }) => {
  await publishNewPatientForm(page, "Hazel Dental");
  await page.getByRole("link", { name: "Posters" }).click();
  const posterUrl = await addPoster(page, "Reception");
  await page.getByRole("link", { name: "Front desk" }).click();
  await expect(page.getByRole("heading", { name: "Front desk" })).toBeVisible();

  const open = page.getByRole("region", { name: "Filling in now" });
  const recent = page.getByRole("region", { name: "Latest submissions" });
  await expect(open).toContainText("Nobody is filling in a form right now.");

  const { context, page: phone } = await openPhone(browser);
  await phone.goto(posterUrl);
  await phone.getByLabel("First name").fill("Maria");

  const title = newPatientTemplate.definition.title;
  const pages = newPatientTemplate.definition.pages.length;
  const row = open.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(`Page 1 of ${pages}`);
  await expect(row).toContainText("Reception");
  await expect(row).not.toContainText("Maria");

  await fillPage(phone, 0, newPatientSampleAnswers);
  await expect(row).toContainText(`Page 2 of ${pages}`);

  for (let index = 1; index < pages; index++) {
    await fillPage(phone, index, newPatientSampleAnswers);
  }
  await phone.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(
    phone.getByRole("heading", { name: "Thank you, your answers were sent" }),
  ).toBeVisible();

  await expect(open).toContainText("Nobody is filling in a form right now.");
  const submitted = recent.getByRole("row").filter({ hasText: title });
  await expect(submitted).toContainText("Reception");
  await expect(submitted).not.toContainText("Maria");

  await context.close();
});
