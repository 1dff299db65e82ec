import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { expect, test } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";

import { runCli, stateDirFor } from "../../../scripts/lib/stack.mjs";
import {
  createInviteLink,
  createOwner,
  joinThroughInvite,
  newEmail,
  newPage,
  openMembers,
  sessionToken,
  signUp,
} from "./clinic-helpers";
import { stack } from "./stack";

test("forgot password through the outbox", async ({ page, browser }) => {
  const email = newEmail("reset");
  await page.goto(`${stack.adminUrl}/sign-in`);
  await signUp(page, email);
  await expect(
    page.getByRole("heading", { name: "Create your clinic" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${stack.adminUrl}/sign-in`);

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("status")).toContainText(
    `If an account uses ${email}, we sent it a code.`,
  );

  const outbox = await newPage(browser);
  await outbox.goto(`${stack.adminUrl}/dev/outbox`);
  const row = outbox.getByRole("row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  const code = (await row.getByTestId("outbox-code").textContent()) ?? "";
  expect(code).toMatch(/^\d{8}$/);

  await page.getByLabel("Code").fill(code);
  await page.getByLabel("New password").fill("brand-new-secret-2");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(
    page.getByRole("heading", { name: "Create your clinic" }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("brand-new-secret-2");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("heading", { name: "Create your clinic" }),
  ).toBeVisible();
});

test("unknown email gets the same reset reply", async ({ page }) => {
  const email = newEmail("nobody");
  await page.goto(`${stack.adminUrl}/forgot-password`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("status")).toContainText(
    `If an account uses ${email}, we sent it a code.`,
  );
});

test("colleague joins through an invite link", async ({ page, browser }) => {
  await createOwner(page, "Invite Clinic");
  await openMembers(page);
  const link = await createInviteLink(page);
  await expect(
    page.getByRole("region", { name: "Pending invites" }).getByRole("listitem"),
  ).toHaveCount(1);

  const { page: colleague } = await joinThroughInvite(
    browser,
    link,
    "Invite Clinic",
  );
  await expect(
    colleague.getByRole("heading", { name: "Forms", level: 1 }),
  ).toBeVisible();
  await expect(colleague.getByLabel("Current clinic")).toHaveText(
    /Invite Clinic/,
  );

  // Staff see the members but none of the owner's actions.
  await openMembers(colleague);
  await expect(colleague.getByText(/\(you\)/)).toBeVisible();
  await expect(
    colleague.getByRole("button", { name: "Create invite link" }),
  ).toHaveCount(0);
  await expect(colleague.getByRole("button", { name: /^Remove/ })).toHaveCount(
    0,
  );
  await expect(colleague.getByLabel(/^Role of/)).toHaveCount(0);

  // The server rejects the owner's actions from staff too.
  const clinicId = new URL(colleague.url()).pathname.split(
    "/",
  )[2] as Id<"clinics">;
  const client = new ConvexHttpClient(stack.convexUrl);
  client.setAuth(await sessionToken(colleague));
  await expect(
    client.mutation(api.invites.create, { clinicId, role: "owner" }),
  ).rejects.toThrow(/forbidden|owner role/);

  await colleague.goto(link);
  await expect(
    colleague.getByRole("alert").filter({ hasText: "invite link" }),
  ).toHaveText(
    "This invite link was already used. Ask an owner of the clinic for a new link.",
  );

  await page.reload();
  await expect(
    page.getByRole("region", { name: "Members" }).getByRole("listitem"),
  ).toHaveCount(2);
  await expect(page.getByText("No pending invites.")).toBeVisible();
});

test("expired invite link is rejected", async ({ page }) => {
  const { clinicId } = await createOwner(page, "Expired Clinic");
  const output = await runCli(
    [
      "run",
      "invites:createWithExpiry",
      JSON.stringify({ clinicId, role: "staff", expiresInMs: -60_000 }),
    ],
    stateDirFor("e2e"),
  );
  const token = (/[A-Za-z0-9_-]{43}/.exec(output) ?? [""])[0];
  expect(token).not.toBe("");

  await page.goto(`${stack.adminUrl}/invite/${token}`);
  await expect(
    page.getByRole("alert").filter({ hasText: "invite link" }),
  ).toHaveText(
    "This invite link has expired. Ask an owner of the clinic for a new link.",
  );
});

test("owner switches between clinics", async ({ page }) => {
  const first = await createOwner(page, "First Clinic");
  const switcher = page.getByLabel("Current clinic");
  await switcher.selectOption({ label: "Create another clinic…" });
  await expect(page).toHaveURL(`${stack.adminUrl}/clinics/new`);
  await page.getByLabel("Clinic name").fill("Second Clinic");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page).not.toHaveURL(new RegExp(first.clinicId));
  await expect(
    page.locator("#main").getByText("Second Clinic", { exact: true }),
  ).toBeVisible();

  await switcher.selectOption({ label: "First Clinic" });
  await expect(page).toHaveURL(
    `${stack.adminUrl}/clinics/${first.clinicId}/forms`,
  );
  await expect(
    page.locator("#main").getByText("First Clinic", { exact: true }),
  ).toBeVisible();
});

test("last owner cannot leave", async ({ page }) => {
  await createOwner(page, "Solo Clinic");
  await openMembers(page);
  await page.getByRole("button", { name: "Leave clinic" }).click();
  await expect(
    page.getByRole("region", { name: "Members" }).getByRole("alert"),
  ).toHaveText(
    "Could not leave the clinic: a clinic needs at least one owner. Make another member an owner first.",
  );
  await page.reload();
  await expect(
    page.getByRole("heading", { name: "Members", level: 1 }),
  ).toBeVisible();
  await expect(page.getByText(/\(you\)/)).toBeVisible();
});
