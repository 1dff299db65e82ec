import { templateSampleAnswers } from "@intake/form-schema";
import { expect, test } from "@playwright/test";

import { publishNewForm, submitThroughApi } from "./clinic-helpers";

// A letter under 80 combining acute accents. Browsers stack the marks, so
// unclipped they draw a line far above the answer, over the page header.
const stackedName = `Leo${"\u0301".repeat(80)}`;
const stackedSignature = `Maria${"\u0301".repeat(80)}`;

test("stacked combining marks stay in their answer", async ({ page }) => {
  const { slug } = await publishNewForm(page, /Consent and records release/);

  const reference = await submitThroughApi(slug, {
    ...templateSampleAnswers("consent-release"),
    patientName: stackedName,
    signature: { typedName: stackedSignature },
  });

  const inbox = page.getByRole("region", { name: "Submissions" });
  await inbox.getByRole("button", { name: new RegExp(reference) }).click();
  await expect(
    page.getByRole("heading", { name: `Submission ${reference}` }),
  ).toBeVisible();

  for (const text of [stackedName, stackedSignature]) {
    const answer = page.getByText(text, { exact: true });
    await expect(answer).toBeVisible();
    const overflow = await answer.evaluate(
      (element) => getComputedStyle(element).overflowY,
    );
    expect(overflow).toBe("hidden");
  }
});
