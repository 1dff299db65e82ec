import { api } from "@intake/backend/api";
import { expect, test, type Page } from "@playwright/test";

import { urls } from "../../../scripts/lib/stack.mjs";

import { expectNoAxeViolations, waitForHydration } from "./patient-steps";
import {
  openLatestSubmission,
  publishTemplate,
  signedInStaffClient,
  signedInStaffPage,
} from "./staff-client";

/** A 1 x 1 PNG image, the photo of the insurance card. */
const cardPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function next(page: Page) {
  await page.getByRole("button", { name: "Next", exact: true }).click();
}

/** Draws one stroke across the signature pad with the mouse. */
async function drawSignature(page: Page) {
  const pad = page.getByRole("img", { name: "Signature pad" });
  const box = await pad.boundingBox();
  if (box === null) throw new Error("The signature pad is not visible");
  await page.mouse.move(box.x + 20, box.y + 60);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) {
    await page.mouse.move(box.x + 20 + step * 20, box.y + 60 + (step % 3) * 15);
  }
  await page.mouse.up();
}

async function addPet(
  page: Page,
  number: number,
  name: string,
  species: string,
) {
  await page.getByRole("button", { name: "Add pet" }).click();
  const pet = page.getByRole("group", { name: `Pet ${number}`, exact: true });
  await expect(pet.getByRole("textbox", { name: /^Name/ })).toBeFocused();
  await pet.getByRole("textbox", { name: /^Name/ }).fill(name);
  await pet
    .getByRole("group", { name: /Species/ })
    .getByLabel(species, { exact: true })
    .check();
}

test("vet client form stores every new field", async ({ page, context }) => {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "vet-new-client");
  await page.goto(form.path);
  await waitForHydration(page);

  await page.getByRole("textbox", { name: /Your full name/ }).fill("Ana Diaz");
  await page
    .getByRole("textbox", { name: /Email address/ })
    .fill("ana@example.com");
  await page
    .getByRole("textbox", { name: /Mobile phone/ })
    .fill("555 123 4567");
  const address = page.getByRole("group", { name: /Home address/ });
  await expect(address.getByLabel("Street address")).toHaveAttribute(
    "autocomplete",
    "address-line1",
  );
  await address.getByLabel("Street address").fill("1 Elm St");
  await address.getByLabel("City").fill("Springfield");
  await address.getByLabel("State or region").fill("IL");
  await address.getByLabel("Postal code").fill("62701");
  await expectNoAxeViolations(page);
  await next(page);

  await expect(page.getByRole("heading", { name: /Your pets/ })).toBeVisible();
  await addPet(page, 1, "Rex", "Dog");
  await addPet(page, 2, "Tom", "Cat");
  await expectNoAxeViolations(page);
  await next(page);

  await page
    .getByRole("group", { name: /Do your pets have insurance/ })
    .getByLabel("Yes", { exact: true })
    .check();
  await page
    .getByRole("textbox", { name: /Insurance company/ })
    .fill("PetCare");
  await page.getByLabel(/Photo of the insurance card/).setInputFiles({
    name: "card.png",
    mimeType: "image/png",
    buffer: cardPng,
  });
  await expect(page.getByText(/^Chosen: card\.png/)).toBeVisible();
  await expectNoAxeViolations(page);
  await next(page);

  await page.getByRole("checkbox", { name: "I agree" }).check();
  await expect(page.getByText("Not signed yet.")).toBeVisible();
  await drawSignature(page);
  await expect(page.getByText("Signed.", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await next(page);

  await expect(
    page.getByRole("heading", { name: "Review your answers" }),
  ).toBeVisible();
  const review = page.locator("main");
  await expect(review).toContainText("1 Elm St");
  await expect(review).toContainText("Pet 1");
  await expect(review).toContainText("Name: Rex");
  await expect(review).toContainText("Pet 2");
  await expect(review).toContainText("Name: Tom");
  await expect(review).toContainText("card.png");
  await expect(review).toContainText("Signed");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Thank you, your answers were sent" }),
  ).toBeVisible();

  const { answers, files, submissionId } = await openLatestSubmission(
    staff,
    form.formId,
  );
  expect(answers?.homeAddress).toEqual({
    line1: "1 Elm St",
    city: "Springfield",
    region: "IL",
    postalCode: "62701",
  });
  expect(answers?.pets).toEqual([
    { petName: "Rex", species: "dog" },
    { petName: "Tom", species: "cat" },
  ]);
  const card = answers?.insuranceCard as { storageId: string; name: string };
  expect(card.name).toBe("card.png");
  const signature = answers?.signature as { strokes: number[][] };
  expect(signature.strokes.length).toBeGreaterThan(0);

  const file = files.find((entry) => entry.storageId === card.storageId);
  expect(file?.url).toMatch(/^http:\/\/127\.0\.0\.1:/);

  // Staff see the drawn signature and the photo on the submission's page.
  const [clinic] = await staff.query(api.clinics.listMine, {});
  const staffPage = await signedInStaffPage(context);
  await staffPage.goto(
    `${urls.admin}/clinics/${clinic!.clinicId}/submissions/${submissionId}`,
  );
  const drawn = staffPage.getByRole("img", { name: "Signature" });
  await expect(drawn).toBeVisible();
  expect(await drawn.locator("polyline").count()).toBe(
    signature.strokes.length,
  );
  const photo = staffPage.getByRole("img", { name: "card.png" });
  await expect(photo).toBeVisible();
  await expect
    .poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBe(1);
});

test("form without signature skips its code", async ({ page }) => {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") {
      bodies.push(response.text().catch(() => ""));
    }
  });
  await page.goto("/f/new-patient-demo");
  await waitForHydration(page);

  const scripts = await Promise.all(bodies);
  expect(scripts.length).toBeGreaterThan(0);
  // A property name of signature_pad's pen, absent from other code.
  const withPad = scripts.filter((text) =>
    text.includes("velocityFilterWeight"),
  );
  expect(withPad).toEqual([]);
});
