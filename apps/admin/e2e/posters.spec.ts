import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";

import { newPatientTemplate } from "@intake/form-schema";

import { decodeQrPng } from "../../../e2e/qr";
import { layoutIds, layouts } from "../lib/posters/layouts";
import { POSTER_INSTRUCTIONS } from "../lib/posters/poster-svg";
import { addPoster, publishNewPatientForm } from "./posters-helpers";
import { stack } from "./stack";

test.use({ viewport: { width: 1280, height: 1400 }, deviceScaleFactor: 2 });

/** Counts the pages of a PDF by its page objects. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test("posters print in every layout", async ({ page }) => {
  await publishNewPatientForm(page, "Alder Family Clinic");
  await page.getByRole("link", { name: "Posters" }).click();
  await expect(
    page.getByRole("heading", { name: "Posters", exact: true }),
  ).toBeVisible();

  const frontDoor = await addPoster(page, "Front door");
  const examRoom = await addPoster(page, "Exam room 2");
  expect(frontDoor).toMatch(new RegExp(`^${stack.intakeUrl}/p/[a-z2-7]{6}$`));
  expect(examRoom).not.toBe(frontDoor);

  await page.getByLabel("Exam room 2").check();
  const preview = page.getByTestId("poster-preview");
  for (const id of layoutIds) {
    await page.getByLabel("Layout").selectOption(id);
    await expect(preview).toHaveAttribute("data-layout", id);

    const codes = preview.locator("[data-qr]");
    await expect(codes).toHaveCount(layouts[id].faces.length);
    for (const index of [0, layouts[id].faces.length - 1]) {
      const shot = await codes.nth(index).screenshot();
      expect(decodeQrPng(shot), `${id} code ${index}`).toBe(examRoom);
    }
    await expect(preview).toContainText(examRoom);
    await expect(preview).toContainText("Alder Family Clinic");
    // Titles and instructions wrap over several text lines, so the
    // lines are joined with spaces before they are compared.
    const printed = await preview.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const lines: string[] = [];
      while (walker.nextNode())
        lines.push(walker.currentNode.textContent ?? "");
      return lines.join(" ").replace(/\s+/g, " ");
    });
    expect(printed).toContain(newPatientTemplate.definition.title);
    // Stickers are too small for the full instructions.
    const small = layouts[id].faces[0]?.scale === "sticker";
    expect(printed).toContain(
      small ? "Scan to fill in the form." : POSTER_INSTRUCTIONS,
    );

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".poster-print")).toBeVisible();
    await expect(page.getByRole("main")).toBeHidden();
    // page.pdf renders with the emulated media, so print stays on here.
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPageCount(pdf), `${id} pages`).toBe(1);
    await page.emulateMedia({ media: null });
  }

  const svgDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download SVG" }).click();
  const svgFile = await (await svgDownload).path();
  const svg = await readFile(svgFile, "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain(examRoom);

  await page.getByLabel("Layout").selectOption("letter-poster");
  const pngDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PNG" }).click();
  const png = await readFile(await (await pngDownload).path());
  expect(decodeQrPng(png)).toBe(examRoom);

  // The printed short address opens the form, with the poster's source.
  const phone = await page.context().newPage();
  await phone.goto(examRoom);
  await expect(phone).toHaveURL(
    /\/f\/[a-z0-9-]+(\/[A-Za-z0-9_-]+)?\?src=[a-z2-7]{6}$/,
  );
  await expect(
    phone.getByRole("heading", {
      level: 1,
      name: newPatientTemplate.definition.title,
    }),
  ).toBeVisible();
  await phone.close();

  const item = page.getByRole("listitem").filter({ hasText: "Front door" });
  await item.getByRole("button", { name: "Rename Front door" }).click();
  await page.getByLabel("New name for Front door").fill("Entrance");
  await page.getByRole("button", { name: "Save name" }).click();
  const renamed = page.getByRole("listitem").filter({ hasText: "Entrance" });
  await expect(renamed.getByRole("link")).toHaveAttribute("href", frontDoor);
  await renamed.getByRole("button", { name: "Archive Entrance" }).click();
  await expect(renamed).toHaveCount(0);
});
