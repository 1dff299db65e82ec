import { expect, test, devices, type Browser } from "@playwright/test";
import {
  newPatientSampleAnswers,
  newPatientTemplate,
} from "@intake/form-schema";
import { fillAndSubmit } from "../../../e2e/patient";
import { decodeQrDataUrl } from "../../../e2e/qr";
import { signUpWithClinic } from "../../../e2e/staff";

/** Opens a new phone-sized browser context, as a patient's own phone. */
async function openPhone(browser: Browser) {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 7"];
  const context = await browser.newContext(pixel);
  return { context, page: await context.newPage() };
}

test("published form reaches phones and inbox", async ({ page, browser }) => {
  await signUpWithClinic(page, "Birch Lane Physio");

  await page.getByRole("button", { name: "New form" }).click();
  await page
    .getByRole("button", { name: new RegExp(newPatientTemplate.name) })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: newPatientTemplate.name }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();

  const qr = page.getByRole("img", { name: /QR code/ });
  await expect(qr).toBeVisible();
  const formUrl = decodeQrDataUrl((await qr.getAttribute("src")) ?? "");
  expect(formUrl).toMatch(/^http:\/\/127\.0\.0\.1:3001\/f\/[^/]+$/);
  await expect(page.getByRole("link", { name: formUrl })).toBeVisible();

  const phones = await Promise.all([1, 2, 3].map(() => openPhone(browser)));
  await Promise.all(phones.map(({ page: phone }) => phone.goto(formUrl)));
  for (const { page: phone } of phones) {
    await expect(phone).toHaveURL(new RegExp(`^${formUrl}/[^/]+$`));
  }

  const references = await Promise.all(
    phones.map(({ page: phone }) =>
      fillAndSubmit(
        phone,
        newPatientTemplate.definition,
        newPatientSampleAnswers,
      ),
    ),
  );
  expect(new Set(references).size).toBe(3);

  const inbox = page.getByRole("region", { name: "Submissions" });
  for (const reference of references) {
    await expect(inbox.getByText(reference)).toBeVisible();
  }
  const views = page
    .locator("dt", { hasText: /^Views$/ })
    .locator("xpath=following-sibling::dd[1]");
  await expect(views).toHaveText("3");

  for (const { context } of phones) await context.close();
});
