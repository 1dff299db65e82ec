import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./patient-steps";
import { signUpOtherClinic } from "./staff-client";

const kioskPath = "/kiosk/new-patient-demo";

test("other clinic's account cannot exit", async ({ page }) => {
  const stranger = await signUpOtherClinic();
  await page.goto(kioskPath);
  await page.getByRole("button", { name: "Exit kiosk" }).click();
  const dialog = page.getByRole("dialog", { name: "Exit kiosk" });
  await dialog.getByLabel("Staff email").fill(stranger.email);
  await dialog.getByLabel("Password").fill(stranger.password);
  await dialog.getByRole("button", { name: "Exit kiosk" }).click();

  await expect(dialog.getByRole("alert")).toHaveText(
    /^This account is not staff of this clinic/,
  );
  await expect(page).toHaveURL(new RegExp(`${kioskPath}$`));
  await expect(page.getByRole("heading", { name: "Kiosk closed" })).toHaveCount(
    0,
  );
  await expectNoAxeViolations(page);
});

test("exit dialog in Spanish", async ({ page }) => {
  await page.goto(kioskPath);
  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("button", { name: "Salir del quiosco" }).click();

  const dialog = page.getByRole("dialog", { name: "Salir del quiosco" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Correo del personal")).toBeVisible();
  await expect(dialog.getByLabel("Contraseña")).toBeVisible();
  await dialog.getByRole("button", { name: "Salir del quiosco" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "Escriba el correo y la contraseña del personal.",
  );
  await expectNoAxeViolations(page);
});
