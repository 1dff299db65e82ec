import { expect, test } from "@playwright/test";

import {
  callFromPage,
  createOwner,
  expectErrorKind,
  formPageIds,
  newPage,
  submitFromPhone,
} from "./clinic-helpers";
import { publishNewPatientForm } from "./posters-helpers";
import { stack } from "./stack";

test("other clinic's audit log stays hidden", async ({ page, browser }) => {
  await publishNewPatientForm(page, "Audited Clinic");
  const { clinicId } = formPageIds(page);
  const reference = await submitFromPhone(browser, page);
  const submissions = await callFromPage(page, "query", "submissions:list", {
    formId: formPageIds(page).formId,
    limit: 1,
  });
  const [submission] = (
    submissions.status === "success" ? submissions.value : []
  ) as { submissionId: string }[];
  expect(submission).toBeDefined();

  // Opening the submission records a view in clinic A's audit log.
  await page.goto(
    `${stack.adminUrl}/clinics/${clinicId}/submissions/${submission?.submissionId}`,
  );
  await expect(
    page.getByRole("heading", { name: `Submission ${reference}` }),
  ).toBeVisible();
  const firstAuditPage = {
    clinicId,
    paginationOpts: { numItems: 10, cursor: null },
  };
  await expect
    .poll(async () => {
      const reply = await callFromPage(
        page,
        "query",
        "audit:list",
        firstAuditPage,
      );
      return reply.status === "success"
        ? (reply.value as { page: unknown[] }).page.length
        : reply.errorMessage;
    })
    .toBe(1);
  const auditUrl = `${stack.adminUrl}/clinics/${clinicId}/settings/audit`;
  await page.goto(auditUrl);
  const entries = page.getByRole("table").getByRole("row");
  // The header row and the one view.
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(1)).toContainText("Viewed");

  const other = await newPage(browser);
  await createOwner(other, "Other Clinic");
  await other.goto(auditUrl);
  await expect(
    other.getByRole("alert").filter({ hasText: "audit log" }),
  ).toBeVisible();
  await expect(other.getByRole("table")).toHaveCount(0);
  await expect(other.getByText("Viewed")).toHaveCount(0);
  const reply = await callFromPage(
    other,
    "query",
    "audit:list",
    firstAuditPage,
  );
  expectErrorKind(reply, "forbidden");

  await page.reload();
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(1)).toContainText("Viewed");
});
