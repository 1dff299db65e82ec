import { expect, test, type Page } from "@playwright/test";

import {
  callFromPage,
  createOwner,
  expectErrorKind,
  formPageIds,
  inviteColleague,
  openMembers,
  submitFromPhone,
} from "./clinic-helpers";
import { publishNewPatientForm } from "./posters-helpers";
import { stack } from "./stack";

const noAccess =
  "This clinic was not found, or your account has no access to it.";

function memberRows(page: Page) {
  return page.getByRole("region", { name: "Members" }).getByRole("listitem");
}

/** Expects the clinic's forms page to show the no-access message. */
async function expectNoClinicAccess(page: Page, clinicId: string) {
  await page.goto(`${stack.adminUrl}/clinics/${clinicId}/forms`);
  await expect(
    page.getByRole("alert").filter({ hasText: noAccess }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Forms", level: 1 }),
  ).toHaveCount(0);
  const reply = await callFromPage(page, "query", "forms:list", { clinicId });
  expectErrorKind(reply, "forbidden");
}

test("removed member loses the clinic", async ({ page, browser }) => {
  const { clinicId } = await createOwner(page, "Removal Clinic");
  const colleague = await inviteColleague(browser, page, "Removal Clinic");
  await expect(memberRows(page)).toHaveCount(2);

  await page.getByRole("button", { name: `Remove ${colleague.email}` }).click();
  await expect(memberRows(page)).toHaveCount(1);
  await expect(
    page.getByRole("listitem", { name: colleague.email }),
  ).toHaveCount(0);

  // The colleague's open page loses the clinic live.
  await expect(
    colleague.page.getByRole("alert").filter({ hasText: noAccess }),
  ).toBeVisible();
  await expectNoClinicAccess(colleague.page, clinicId);
  await colleague.page.goto(
    `${stack.adminUrl}/clinics/${clinicId}/settings/members`,
  );
  await expect(
    colleague.page.getByRole("alert").filter({ hasText: noAccess }),
  ).toBeVisible();
  await expect(
    colleague.page.getByRole("heading", { name: "Members", level: 1 }),
  ).toHaveCount(0);
  await colleague.page.goto(stack.adminUrl);
  await expect(
    colleague.page.getByRole("heading", { name: "Create your clinic" }),
  ).toBeVisible();
});

test("staff member leaves a clinic", async ({ page, browser }) => {
  const { clinicId } = await createOwner(page, "Leaving Clinic");
  const colleague = await inviteColleague(browser, page, "Leaving Clinic");
  await expect(memberRows(page)).toHaveCount(2);

  await openMembers(colleague.page);
  await colleague.page.getByRole("button", { name: "Leave clinic" }).click();
  await expect(
    colleague.page.getByRole("heading", { name: "Create your clinic" }),
  ).toBeVisible();
  await expect(colleague.page.getByLabel("Current clinic")).toHaveCount(0);

  await expect(memberRows(page)).toHaveCount(1);
  await expect(
    page.getByRole("listitem", { name: colleague.email }),
  ).toHaveCount(0);
  await expectNoClinicAccess(colleague.page, clinicId);
});

test("server rejects owner actions from staff", async ({ page, browser }) => {
  const formUrl = await publishNewPatientForm(page, "Refusal Clinic");
  const { clinicId, formId } = formPageIds(page);
  const reference = await submitFromPhone(browser, page);
  const colleague = await inviteColleague(browser, page, "Refusal Clinic");
  const staff = colleague.page;

  // Opened directly, the members page shows the list without any control.
  await staff.goto(`${stack.adminUrl}/clinics/${clinicId}/settings/members`);
  await expect(memberRows(staff)).toHaveCount(2);
  await expect(
    staff.getByRole("button", { name: "Create invite link" }),
  ).toHaveCount(0);
  await expect(staff.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(staff.getByLabel(/^Role of/)).toHaveCount(0);

  const listed = await callFromPage(staff, "query", "members:list", {
    clinicId,
  });
  expect(listed.status).toBe("success");
  const membersBefore = listed.status === "success" ? listed.value : [];
  const rows = membersBefore as { userId: string; isCaller: boolean }[];
  const self = rows.find((row) => row.isCaller)?.userId;
  const owner = rows.find((row) => !row.isCaller)?.userId;
  expect(self).toBeDefined();
  expect(owner).toBeDefined();
  const submissions = await callFromPage(page, "query", "submissions:list", {
    formId,
    limit: 1,
  });
  const [submission] = (
    submissions.status === "success" ? submissions.value : []
  ) as { submissionId: string; reference: string }[];
  expect(submission?.reference).toBe(reference);

  const ownerOnlyCalls = [
    ["mutation", "members:setRole", { clinicId, userId: self, role: "owner" }],
    ["mutation", "members:setRole", { clinicId, userId: owner, role: "staff" }],
    ["mutation", "members:remove", { clinicId, userId: owner }],
    ["mutation", "invites:create", { clinicId, role: "owner" }],
    ["query", "invites:list", { clinicId }],
    ["mutation", "retention:set", { formId, retentionDays: 30 }],
    ["mutation", "inbox:remove", { submissionId: submission?.submissionId }],
    [
      "query",
      "audit:list",
      { clinicId, paginationOpts: { numItems: 10, cursor: null } },
    ],
  ] as const;
  for (const [type, path, args] of ownerOnlyCalls) {
    const reply = await callFromPage(staff, type, path, args);
    expectErrorKind(reply, "forbidden");
    if (reply.status === "error") {
      expect(reply.errorData?.message).toContain("needs the owner role");
    }
  }

  // Opened directly, the audit page explains that it is for owners.
  await staff.goto(`${stack.adminUrl}/clinics/${clinicId}/settings/audit`);
  await expect(
    staff.getByRole("alert").filter({ hasText: "audit log" }),
  ).toHaveText(
    "Only clinic owners can read the audit log. Ask an owner of this clinic for access.",
  );
  await expect(staff.getByRole("table")).toHaveCount(0);

  // Nothing changed: members, roles, invites, retention, submissions, audit.
  const listedAfter = await callFromPage(staff, "query", "members:list", {
    clinicId,
  });
  expect(listedAfter).toEqual(listed);
  await page.reload();
  await expect(memberRows(page)).toHaveCount(2);
  await expect(page.getByLabel(`Role of ${colleague.email}`)).toHaveValue(
    "staff",
  );
  await expect(
    memberRows(page)
      .filter({ hasText: "(you)" })
      .getByLabel(/^Role of/),
  ).toHaveValue("owner");
  await expect(page.getByText("No pending invites.")).toBeVisible();

  await page.goto(formUrl);
  // 365 days is the default period of a new form.
  await expect(page.getByLabel("Keep submissions for (days)")).toHaveValue(
    "365",
  );
  await expect(
    page.getByRole("region", { name: "Submissions" }).getByText(reference),
  ).toBeVisible();
  await page.goto(`${stack.adminUrl}/clinics/${clinicId}/settings/audit`);
  await expect(page.getByText("No entries yet.")).toBeVisible();
});
