import {
  newPatientSampleAnswers,
  newPatientTemplate,
} from "@intake/form-schema";
import { expect, type Page, test } from "@playwright/test";

import { fillAndSubmit } from "../../../e2e/patient";
import { addPoster, openPhone, publishNewPatientForm } from "./posters-helpers";

/** Expands the daily counts table under the chart unless it is open. */
async function openDailyTable(page: Page) {
  const details = page
    .locator("details")
    .filter({ hasText: "Daily counts as a table" });
  const isOpen = await details.evaluate(
    (element) => (element as HTMLDetailsElement).open,
  );
  if (!isOpen) await details.getByText("Daily counts as a table").click();
}

test("poster visit updates analytics live", async ({ page, browser }) => {
  const formPage = await publishNewPatientForm(page, "Rowan Vets");
  await page.getByRole("link", { name: "Posters" }).click();
  const posterUrl = await addPoster(page, "Front door");
  await addPoster(page, "Back door");
  await page.goto(`${formPage}/analytics`);

  const table = page.getByRole("table", { name: "Totals by poster" });
  const row = table.getByRole("row", { name: /^Front door/ });
  await expect(row.getByRole("cell")).toHaveText(["0", "0", "0", "0", "–"]);

  const { context, page: phone } = await openPhone(browser);
  await phone.goto(posterUrl);
  await expect(phone).toHaveURL(/\/f\/[^/]+\/[^/?]+\?src=[a-z2-7]{6}$/);
  await expect(row.getByRole("cell").first()).toHaveText("1");

  await fillAndSubmit(
    phone,
    newPatientTemplate.definition,
    newPatientSampleAnswers,
  );
  await expect(row.getByRole("cell")).toHaveText(["1", "1", "1", "1", "100%"]);
  const all = table.getByRole("row", { name: /^All sources/ });
  await expect(all.getByRole("cell")).toHaveText(["1", "1", "1", "1", "100%"]);
  const direct = table.getByRole("row", { name: /^Without a poster/ });
  await expect(direct.getByRole("cell")).toHaveText(["0", "0", "0", "0", "–"]);
  await expect(page.locator(".recharts-line")).toHaveCount(4);

  // One poster's own totals and daily series.
  const today = new Date().toISOString().slice(0, 10);
  const source = page.getByRole("combobox", { name: "Source" });
  await source.selectOption({ label: "Front door" });
  const picked = page.getByRole("table", { name: "Totals of Front door" });
  await expect(
    picked.getByRole("row", { name: /^Front door/ }).getByRole("cell"),
  ).toHaveText(["1", "1", "1", "1", "100%"]);
  await expect(page.locator(".recharts-line")).toHaveCount(4);
  await openDailyTable(page);
  const daily = page.getByRole("table", { name: "Daily counts of Front door" });
  await expect(
    daily.getByRole("row", { name: new RegExp(`^${today}`) }).getByRole("cell"),
  ).toHaveText(["1", "1", "1", "1", "100%"]);

  await source.selectOption({ label: "Back door" });
  const unused = page.getByRole("table", { name: "Totals of Back door" });
  await expect(
    unused.getByRole("row", { name: /^Back door/ }).getByRole("cell"),
  ).toHaveText(["0", "0", "0", "0", "–"]);
  await expect(page.locator(".recharts-line")).toHaveCount(4);
  await openDailyTable(page);
  const unusedDaily = page.getByRole("table", {
    name: "Daily counts of Back door",
  });
  await expect(
    unusedDaily
      .getByRole("row", { name: new RegExp(`^${today}`) })
      .getByRole("cell"),
  ).toHaveText(["0", "0", "0", "0", "–"]);

  await context.close();
});
