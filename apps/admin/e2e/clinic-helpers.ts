import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import {
  newPatientSampleAnswers,
  newPatientTemplate,
  type Answers,
} from "@intake/form-schema";
import { expect, type Browser, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { randomUUID } from "node:crypto";

import { fillAndSubmit } from "../../../e2e/patient";
import { signUpWithClinic } from "../../../e2e/staff";
import { openPhone } from "./posters-helpers";
import { stack } from "./stack";

/** The password of every account these helpers sign up. */
export const password = "correct-horse-1";

let accountCounter = 0;

/** Returns an address that no earlier run of the suite used. */
export function newEmail(name: string): string {
  accountCounter += 1;
  return `${name}-${Date.now()}-${accountCounter}@accounts.test`;
}

/** Fills the sign-in page with a new account and creates it. */
export async function signUp(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up a new account, creates its clinic and returns the clinic id. */
export async function createOwner(page: Page, clinicName: string) {
  const email = newEmail("owner");
  await page.goto(`${stack.adminUrl}/sign-in`);
  await signUp(page, email);
  await page.getByLabel("Clinic name").fill(clinicName);
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page).toHaveURL(/\/clinics\/[^/]+\/forms$/);
  const clinicId = new URL(page.url()).pathname.split("/")[2] as Id<"clinics">;
  return { email, clinicId };
}

/** Opens the members page from the clinic header. */
export async function openMembers(page: Page) {
  await page.getByRole("link", { name: "Members" }).click();
  await expect(
    page.getByRole("heading", { name: "Members", level: 1 }),
  ).toBeVisible();
}

/** Creates an invite link on the members page and returns it. */
export async function createInviteLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = page.getByLabel(/Invite link/);
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return await link.inputValue();
}

/** Reads the Convex Auth session JWT that the page keeps in localStorage. */
export async function sessionToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? "";
      if (key.startsWith("__convexAuthJWT")) return localStorage.getItem(key);
    }
    return null;
  });
  if (token === null) throw new Error("The page contains no session token.");
  return token;
}

/** Opens a page in a new browser context, as another person's browser. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return await context.newPage();
}

/**
 * Opens an invite link in a new browser, signs up a new account there and
 * joins the clinic. Returns the new member's page, on the clinic's forms.
 */
export async function joinThroughInvite(
  browser: Browser,
  link: string,
  clinicName: string,
) {
  const page = await newPage(browser);
  const email = newEmail("colleague");
  await page.goto(link);
  await expect(page.getByText(clinicName, { exact: true })).toBeVisible();
  await page
    .getByRole("link", { name: "Sign in or create an account" })
    .click();
  await signUp(page, email);
  await page.getByRole("button", { name: `Join ${clinicName}` }).click();
  await expect(page).toHaveURL(/\/clinics\/[^/]+\/forms$/);
  return { page, email };
}

/**
 * Invites a colleague from the owner's page `page`, which shows the clinic,
 * as staff through a new invite link. Returns the colleague's page, on the
 * clinic's forms, and email.
 */
export async function inviteColleague(
  browser: Browser,
  page: Page,
  clinicName: string,
) {
  await openMembers(page);
  const link = await createInviteLink(page);
  return await joinThroughInvite(browser, link, clinicName);
}

/** The response body of Convex's HTTP API for one function call. */
export type FunctionResponse =
  | { status: "success"; value: unknown }
  | {
      status: "error";
      errorMessage: string;
      errorData?: { kind?: string; message?: string };
    };

/**
 * Calls a Convex function from inside the page with the page's own
 * session, as a script run in that browser could, bypassing the buttons
 * the app hides. Returns the response body of Convex's HTTP API.
 */
export async function callFromPage(
  page: Page,
  type: "query" | "mutation",
  path: string,
  args: Record<string, unknown>,
): Promise<FunctionResponse> {
  const token = await sessionToken(page);
  return await page.evaluate(
    async (call) => {
      const response = await fetch(`${call.convexUrl}/api/${call.type}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${call.token}`,
        },
        body: JSON.stringify({
          path: call.path,
          args: call.args,
          format: "json",
        }),
      });
      return (await response.json()) as FunctionResponse;
    },
    { convexUrl: stack.convexUrl, type, path, args, token },
  );
}

/** Expects a response of `callFromPage` to be the backend error `kind`. */
export function expectErrorKind(reply: FunctionResponse, kind: string) {
  expect(reply.status).toBe("error");
  const data = reply.status === "error" ? reply.errorData : undefined;
  expect(data?.kind).toBe(kind);
}

/**
 * Submits the new-patient form shown on the staff form page `page` from a
 * patient's phone with the template's sample answers. Returns the
 * submission's reference.
 */
export async function submitFromPhone(
  browser: Browser,
  page: Page,
): Promise<string> {
  const href = await page
    .getByRole("link", { name: /\/f\// })
    .getAttribute("href");
  if (href === null) throw new Error("The form page shows no form link.");
  return await submitAtUrl(browser, href);
}

/**
 * Opens `url`, a new-patient form's or a poster's address, on a patient's
 * phone and submits the template's sample answers. Returns the
 * submission's reference.
 */
export async function submitAtUrl(
  browser: Browser,
  url: string,
): Promise<string> {
  const { context, page: phone } = await openPhone(browser);
  await phone.goto(url);
  const reference = await fillAndSubmit(
    phone,
    newPatientTemplate.definition,
    newPatientSampleAnswers,
  );
  await context.close();
  return reference;
}

/**
 * Signs up with a new clinic, publishes a form from the template whose
 * button name matches `template`, and returns its public address and slug.
 */
export async function publishNewForm(page: Page, template: RegExp) {
  await signUpWithClinic(page, "Lakeside Vets");
  await page.getByRole("button", { name: "New form" }).click();
  await page.getByRole("button", { name: template }).click();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Published version 1." }),
  ).toBeVisible();
  const href = await page
    .getByRole("link", { name: /\/f\// })
    .getAttribute("href");
  const slug = href?.split("/f/")[1];
  if (href === null || slug === undefined) {
    throw new Error(`The share link ${href} has no form address.`);
  }
  return { href, slug };
}

/**
 * Submits `answers` to the live version of the published form `slug`
 * through the backend, as a new visitor. Returns the submission's
 * reference.
 */
export async function submitThroughApi(
  slug: string,
  answers: Answers,
): Promise<string> {
  const convex = new ConvexHttpClient(stack.convexUrl);
  const form = await convex.query(api.forms.getPublished, { slug });
  if (!form) throw new Error(`Form ${slug} is not published.`);
  const visitorId = `visitor-${randomUUID()}`;
  const { reference } = await convex.mutation(api.submissions.submit, {
    slug,
    versionId: form.versionId,
    visitorId,
    submissionKey: `key-${visitorId}`,
    answers,
  });
  return reference;
}

/** Reads the clinic and form ids from a staff form page's address. */
export function formPageIds(page: Page) {
  const match = /\/clinics\/([^/]+)\/forms\/([^/?]+)/.exec(page.url());
  if (match === null) throw new Error(`${page.url()} is not a form page.`);
  return {
    clinicId: match[1] as Id<"clinics">,
    formId: match[2] as Id<"forms">,
  };
}
