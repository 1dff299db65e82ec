import { expect, test } from "@playwright/test";

import {
  expectNoAxeViolations,
  fillCurrentPage,
  formPath,
  waitForHydration,
} from "./patient-steps";

const kioskPath = "/kiosk/new-patient-demo";

test("Accept-Language es renders Spanish", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  const response = await page.goto(formPath);

  // The server renders Spanish, so the first HTML response has it.
  const html = (await response?.text()) ?? "";
  expect(html).toContain('<html lang="es"');
  expect(html).toContain("Siguiente");
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(
    page.getByRole("heading", { name: /^Página 1 de \d+/ }),
  ).toBeVisible();
  // The demo form carries a Spanish translation, so its own text changes too.
  await expect(
    page.getByRole("heading", { level: 1, name: "Registro de paciente nuevo" }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /Sobre usted/ }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute(
    "lang",
    "en",
  );
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Siguiente", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Hay un problema" }),
  ).toBeVisible();
  await expect(page.getByText("(obligatorio)").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test("tab title follows the language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  const response = await page.goto(formPath);

  // The first HTML response already names the form in Spanish.
  const html = (await response?.text()) ?? "";
  expect(html).toMatch(/<title>Registro de paciente nuevo · /);
  await waitForHydration(page);
  await expect(page).toHaveTitle(/^Registro de paciente nuevo · /);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveTitle(/^New patient registration · /);
  await context.close();
});

test("Spanish hints show on a phone", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "es-MX",
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  await page.goto(formPath);
  await waitForHydration(page);
  await fillCurrentPage(page);
  await page.getByRole("button", { name: "Siguiente", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: /Datos de contacto/ }),
  ).toBeVisible();

  // The demo form translates the email placeholder and the postal code's
  // pattern message.
  await expect(
    page.getByRole("textbox", { name: /^Correo electrónico/ }),
  ).toHaveAttribute("placeholder", "nombre@ejemplo.com");
  await fillCurrentPage(page);
  const postalCode = page.getByRole("textbox", { name: /^Código postal/ });
  await postalCode.fill("!!");
  // Leaving the field shows its error, which moves the buttons below it,
  // so the click waits for that.
  await postalCode.blur();
  const patternMessage = "Escriba de 3 a 10 letras o dígitos, como 12345.";
  await expect(postalCode).toHaveAccessibleDescription(
    `Error: ${patternMessage}`,
  );
  await expect(postalCode).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Siguiente", exact: true }).click();
  const summary = page.getByRole("group", { name: "Hay un problema" });
  await expect(summary).toContainText(`Código postal: ${patternMessage}`);
  await expect(page.getByText(/Enter 3 to 10 letters/)).toHaveCount(0);
  await context.close();
});

test("language switch is remembered", async ({ page, context }) => {
  await page.goto(formPath);
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "Español" }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(
    page.getByRole("button", { name: "Siguiente", exact: true }),
  ).toBeVisible();
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => `${cookie.name}=${cookie.value}`)).toContain(
    "intake-locale=es",
  );

  await page.reload();
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(
    page.getByRole("heading", { name: /^Página 1 de/ }),
  ).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: /^Page 1 of/ })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("kiosk language resets per patient", async ({ page, context }) => {
  await page.goto(`${kioskPath}?idle=2000&countdown=2000`);
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: "Bienvenido" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Toque para empezar" }).click();
  await expect(
    page.getByRole("heading", { name: /^Página 1 de/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("alertdialog", { name: "¿Sigue ahí?" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await expect(page.getByRole("button", { name: "Tap to start" })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await context.cookies()).toEqual([]);
  expect(
    await page.evaluate(() => [localStorage.length, sessionStorage.length]),
  ).toEqual([0, 0]);
});
