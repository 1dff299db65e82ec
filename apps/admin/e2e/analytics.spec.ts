import {
  newPatientSampleAnswers,
  newPatientTemplate,
} from "@intake/form-schema";
import { expect, test } from "@playwright/test";

import { fillAndSubmit } from "../../../e2e/patient";
import { addPoster, openPhone, publishNewPatientForm } from "./posters-helpers";

test("poster visit updates analytics live", async ({ page, browser }) => {
  const formPage = await publishNewPatientForm(page, "Rowan Vets");
  await page.getByRole("link", { name: "Posters" }).click();
  const posterUrl = await addPoster(page, "Front door");
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
  await expect(page.locator(".recharts-surface")).toBeVisible();

  await context.close();
});
