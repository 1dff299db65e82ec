import { api } from "@intake/backend/api";
import { newPatientSampleAnswers } from "@intake/form-schema";
import { expect, test, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

import { signUpWithClinic } from "../../../e2e/staff";
import { runCli, stateDirFor } from "../../../scripts/lib/stack.mjs";
import { formPageIds, submitAtUrl } from "./clinic-helpers";
import { addPoster, publishNewPatientForm } from "./posters-helpers";
import { stack } from "./stack";

const dayMs = 24 * 60 * 60 * 1000;

/** Runs an internal function on the suite's backend with the admin key. */
async function runInternal(name: string, args: Record<string, unknown>) {
  return await runCli(["run", name, JSON.stringify(args)], stateDirFor("e2e"));
}

/** Publishes a new form from the new patient template; returns its ids. */
async function publishForm(page: Page, clinicId: string | null) {
  if (clinicId !== null) {
    await page.goto(`${stack.adminUrl}/clinics/${clinicId}/forms`);
  }
  await page.getByRole("button", { name: "New form" }).click();
  await page.getByRole("button", { name: /New patient/ }).click();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Published version 1." }),
  ).toBeVisible();
  const match = /\/clinics\/([^/]+)\/forms\/([^/?]+)/.exec(page.url());
  const href = await page
    .getByRole("link", { name: /\/f\// })
    .getAttribute("href");
  const slug = href?.split("/f/")[1];
  if (match === null || slug === undefined) {
    throw new Error(`No form ids in ${page.url()} or link ${href}.`);
  }
  return { clinicId: match[1]!, formId: match[2]!, slug };
}

/** Submits answers as a new patient and returns the reference. */
async function submitAsPatient(
  slug: string,
  answers = newPatientSampleAnswers,
) {
  const convex = new ConvexHttpClient(stack.convexUrl);
  const form = await convex.query(api.forms.getPublished, { slug });
  if (!form) throw new Error(`Form ${slug} is not published.`);
  const visitorId = `visitor-${randomUUID()}`;
  const result = await convex.mutation(api.submissions.submit, {
    slug,
    versionId: form.versionId,
    visitorId,
    submissionKey: `key-${visitorId}`,
    answers,
  });
  return result;
}

/** Returns the local date `offsetDays` from today as a date input's YYYY-MM-DD. */
function localDay(offsetDays = 0) {
  const day = new Date(Date.now() + offsetDays * dayMs);
  const month = String(day.getMonth() + 1).padStart(2, "0");
  const date = String(day.getDate()).padStart(2, "0");
  return `${day.getFullYear()}-${month}-${date}`;
}

test("owner filters, pages, prints, exports, deletes", async ({ page }) => {
  await signUpWithClinic(page, "Bayside Clinic");
  const formA = await publishForm(page, null);
  const formB = await publishForm(page, formA.clinicId);
  await runInternal("inboxSeed:insertSubmissions", {
    formId: formA.formId,
    count: 30,
    firstSubmittedAt: Date.now() - 10 * dayMs,
    stepMs: 60_000,
    answers: newPatientSampleAnswers,
  });
  const first = await submitAsPatient(formB.slug, {
    ...newPatientSampleAnswers,
    lastName: "=HYPERLINK(1)",
  });
  const second = await submitAsPatient(formB.slug);

  await page.goto(`${stack.adminUrl}/clinics/${formA.clinicId}/submissions`);
  const inbox = page.getByRole("region", { name: "Submissions" });
  const rows = inbox.getByRole("listitem");
  await expect(rows).toHaveCount(25);
  await inbox.getByRole("button", { name: "Show older submissions" }).click();
  await expect(rows).toHaveCount(32);
  await expect(rows.first()).toContainText(second.reference);

  await inbox.getByLabel("Form").selectOption(formB.formId);
  await expect(page).toHaveURL(new RegExp(`form=${formB.formId}`));
  await expect(rows).toHaveCount(2);

  await inbox
    .getByRole("button", { name: new RegExp(first.reference) })
    .click();
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "marked reviewed" }),
  ).toBeVisible();
  await inbox.getByLabel("New", { exact: true }).check();
  await expect(page).toHaveURL(/status=new/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(second.reference);
  await inbox.getByLabel("Reviewed", { exact: true }).check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(first.reference);
  await inbox.getByLabel("All", { exact: true }).check();

  await inbox.getByLabel("Form").selectOption(formA.formId);
  await inbox.getByLabel("Sent from").fill(localDay());
  await expect(page).toHaveURL(new RegExp(`from=${localDay()}`));
  await expect(
    inbox.getByText("No submissions match these filters."),
  ).toBeVisible();
  await inbox.getByLabel("Sent from").fill(localDay(-11));
  await inbox.getByLabel("Sent to").fill(localDay(-9));
  await expect(rows).toHaveCount(25);

  // The address alone restores the filters.
  await page.goto(
    `${stack.adminUrl}/clinics/${formA.clinicId}/submissions?form=${formB.formId}`,
  );
  await expect(rows).toHaveCount(2);

  const exported = page.waitForEvent("download");
  await inbox.getByRole("button", { name: "Export CSV" }).click();
  const download = await exported;
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(
    /^Reference,Submitted at,Status,Version,First name,/,
  );
  expect(lines[1]).toMatch(
    new RegExp(`^${second.reference},.*,New,1,Maria,Lopez,`),
  );
  expect(lines[2]).toMatch(
    new RegExp(`^${first.reference},.*,Reviewed,1,Maria,'=HYPERLINK\\(1\\),`),
  );
  await expect(
    page.getByRole("status").filter({ hasText: "Exported 2 submissions." }),
  ).toBeVisible();

  await inbox
    .getByRole("button", { name: new RegExp(second.reference) })
    .click();
  const detail = page.locator("[data-print-submission]");
  await expect(
    detail.getByRole("heading", { name: `Submission ${second.reference}` }),
  ).toBeVisible();
  // Headless Chromium would keep a real print job open, which blocks
  // page.pdf below, so the stub fires the events a browser's print fires.
  await page.evaluate(() => {
    window.print = () => {
      window.dispatchEvent(new Event("beforeprint"));
      window.dispatchEvent(new Event("afterprint"));
    };
  });
  await page.getByRole("button", { name: "Print" }).click();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(rows.first()).toBeHidden();
  await expect(inbox.getByLabel("Form")).toBeHidden();
  await expect(
    detail.getByRole("heading", { name: `Submission ${second.reference}` }),
  ).toBeVisible();
  await expect(detail.getByRole("button", { name: "Print" })).toBeHidden();
  // The submission starts the printed page and is all the page contains.
  const layout = await page.evaluate(() => {
    const box = document
      .querySelector("[data-print-submission]")!
      .getBoundingClientRect();
    return {
      top: box.top + window.scrollY,
      submissionHeight: box.height,
      bodyHeight: document.body.getBoundingClientRect().height,
    };
  });
  expect(layout.top).toBeLessThan(1);
  expect(layout.bodyHeight - layout.submissionHeight).toBeLessThan(2);
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", {
    name: `Delete submission ${second.reference}?`,
  });
  await dialog.getByRole("button", { name: "Delete submission" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  await expect(inbox.getByText(second.reference)).toHaveCount(0);

  // The backend wrote one entry per opening, print and export.
  await page.goto(`${stack.adminUrl}/clinics/${formA.clinicId}/settings/audit`);
  const table = page.getByRole("table");
  const entries = (action: string) =>
    table.getByRole("row").filter({
      has: page.getByRole("cell", { name: action, exact: true }),
    });
  await expect(entries("Viewed")).toHaveCount(2);
  await expect(
    entries("Viewed").filter({ hasText: `Submission ${first.reference}` }),
  ).toHaveCount(1);
  await expect(
    entries("Viewed").filter({ hasText: `Submission ${second.reference}` }),
  ).toHaveCount(1);
  await expect(entries("Printed")).toHaveCount(1);
  await expect(entries("Printed")).toContainText(
    `Submission ${second.reference}`,
  );
  await expect(entries("Exported")).toHaveCount(1);
  await expect(entries("Exported")).toContainText("2 submissions");
  await expect(entries("Deleted")).toHaveCount(1);
  await expect(entries("Deleted")).toContainText(
    `Submission ${second.reference}`,
  );
});

test("poster filter separates submissions", async ({ page, browser }) => {
  const formPage = await publishNewPatientForm(page, "Harbour Clinic");
  const { clinicId, formId } = formPageIds(page);
  await page.getByRole("link", { name: "Posters" }).click();
  const doorUrl = await addPoster(page, "Front door");
  const deskUrl = await addPoster(page, "Reception desk");
  const doorReference = await submitAtUrl(browser, doorUrl);
  const deskReference = await submitAtUrl(browser, deskUrl);

  await page.goto(
    `${stack.adminUrl}/clinics/${clinicId}/submissions?form=${formId}`,
  );
  const inbox = page.getByRole("region", { name: "Submissions" });
  const rows = inbox.getByRole("listitem");
  await expect(rows).toHaveCount(2);

  const poster = inbox.getByLabel("Poster");
  await poster.selectOption({ label: "Front door" });
  await expect(page).toHaveURL(/poster=/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(doorReference);
  await poster.selectOption({ label: "Reception desk" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(deskReference);

  // The address alone restores the poster filter.
  const deskPosterId = await poster.inputValue();
  await expect(page).toHaveURL(new RegExp(`poster=${deskPosterId}`));
  await page.reload();
  await expect(poster).toHaveValue(deskPosterId);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(deskReference);

  await poster.selectOption({ label: "Any poster" });
  await expect(page).not.toHaveURL(/poster=/);
  await expect(rows).toHaveCount(2);

  // The form's own page filters by its posters, and its form is fixed.
  await page.goto(formPage);
  const clear = inbox.getByRole("button", { name: "Clear filters" });
  await expect(rows).toHaveCount(2);
  await expect(clear).toHaveCount(0);
  await poster.selectOption({ label: "Front door" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(doorReference);
  await clear.click();
  await expect(poster).toHaveValue("");
  await expect(rows).toHaveCount(2);
  await expect(clear).toHaveCount(0);
});

test("other clinic and staff get clear messages", async ({ browser }) => {
  const ownerPage = await (await browser.newContext()).newPage();
  await signUpWithClinic(ownerPage, "Northside Clinic");
  const form = await publishForm(ownerPage, null);
  const { submissionId } = await submitAsPatient(form.slug);
  const submissionUrl = `${stack.adminUrl}/clinics/${form.clinicId}/submissions/${submissionId}`;

  const outsiderPage = await (await browser.newContext()).newPage();
  await signUpWithClinic(outsiderPage, "Southside Clinic");
  await expect(
    outsiderPage.getByRole("button", { name: "New form" }),
  ).toBeVisible();
  await outsiderPage.goto(submissionUrl);
  await expect(
    outsiderPage.getByRole("alert").filter({ hasText: "not found" }),
  ).toHaveText(
    "This submission was not found, or your account has no access to it.",
  );

  const staffPage = await (await browser.newContext()).newPage();
  const staffEmail = await signUpWithClinic(staffPage, "Staff Own Clinic");
  await expect(
    staffPage.getByRole("button", { name: "New form" }),
  ).toBeVisible();
  await runInternal("members:addExisting", {
    clinicId: form.clinicId,
    email: staffEmail,
    role: "staff",
  });
  await staffPage.goto(submissionUrl);
  await expect(
    staffPage.getByRole("heading", { name: /^Submission / }),
  ).toBeVisible();
  await expect(staffPage.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(
    staffPage.getByRole("button", { name: "Delete", exact: true }),
  ).toHaveCount(0);
  await staffPage.goto(
    `${stack.adminUrl}/clinics/${form.clinicId}/forms/${form.formId}`,
  );
  const retention = staffPage.getByRole("region", { name: "Retention" });
  await expect(retention).toContainText(
    "Submissions older than 365 days are deleted daily.",
  );
  await expect(retention).toContainText(
    "Only clinic owners can change the retention period.",
  );
  await expect(retention.getByRole("spinbutton")).toHaveCount(0);
  await staffPage.goto(
    `${stack.adminUrl}/clinics/${form.clinicId}/settings/audit`,
  );
  await expect(
    staffPage.getByRole("alert").filter({ hasText: "audit log" }),
  ).toHaveText(
    "Only clinic owners can read the audit log. Ask an owner of this clinic for access.",
  );
});
