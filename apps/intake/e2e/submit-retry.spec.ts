import { api } from "@intake/backend/api";
import { newPatientSampleAnswers } from "@intake/form-schema";
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import type { ConvexHttpClient } from "convex/browser";

import { fillPageFrom } from "./answer-filler";
import { expectNoAxeViolations, waitForHydration } from "./patient-steps";
import {
  openLatestSubmission,
  publishTemplate,
  signedInStaffClient,
  type PublishedTestForm,
} from "./staff-client";

/**
 * Controls the page's WebSocket to Convex. In Playwright 1.65,
 * `setOffline` fails new requests but leaves an open WebSocket working, so
 * the test closes and refuses the socket itself while the page is offline.
 * It can also drop one mutation response, as a lost reply.
 */
interface SyncLink {
  /** Closes the open sockets and refuses new ones until `goOnline`. */
  goOffline: () => Promise<void>;
  goOnline: () => Promise<void>;
  /** Drops the next mutation response and closes the socket after it. */
  loseNextMutationResponse: () => void;
  /** Number of `submissions:submit` requests that reached the backend. */
  submitsSent: () => number;
}

async function routeSync(page: Page): Promise<SyncLink> {
  let online = true;
  let loseResponse = false;
  let submits = 0;
  const open = new Set<WebSocketRoute>();

  await page.routeWebSocket(/\/sync$/, (socket) => {
    if (!online) {
      void socket.close();
      return;
    }
    open.add(socket);
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (String(message).includes('"submissions:submit"')) submits += 1;
      server.send(message);
    });
    server.onMessage((message) => {
      if (loseResponse && String(message).includes('"MutationResponse"')) {
        loseResponse = false;
        open.delete(socket);
        void server.close();
        void socket.close();
        return;
      }
      socket.send(message);
    });
    socket.onClose(() => open.delete(socket));
  });

  return {
    goOffline: async () => {
      online = false;
      await page.context().setOffline(true);
      for (const socket of open) await socket.close();
      open.clear();
    },
    goOnline: async () => {
      online = true;
      await page.context().setOffline(false);
    },
    loseNextMutationResponse: () => {
      loseResponse = true;
    },
    submitsSent: () => submits,
  };
}

const review = (page: Page) =>
  page.getByRole("heading", { name: "Review your answers" });
const confirmation = (page: Page) =>
  page.getByRole("heading", { name: "Thank you, your answers were sent" });

/** Fills every page of the form with the sample answers up to the review. */
async function fillToReview(page: Page) {
  while (!(await review(page).isVisible())) {
    await fillPageFrom(page, newPatientSampleAnswers);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(
      page.getByRole("group", { name: "There is a problem" }),
    ).toHaveCount(0);
  }
}

async function shownReference(page: Page) {
  const reference = page
    .getByText("Your reference", { exact: true })
    .locator("xpath=following-sibling::*[1]");
  return ((await reference.textContent()) ?? "").trim();
}

/**
 * Publishes a new-patient form, opens it with the sync socket routed
 * through `routeSync`, and fills it up to the review step.
 */
async function openAtReview(page: Page) {
  const staff = await signedInStaffClient();
  const form = await publishTemplate(staff, "new-patient");
  const sync = await routeSync(page);
  await page.goto(form.path);
  await waitForHydration(page);
  await fillToReview(page);
  return { staff, form, sync };
}

/** Expects the form to hold exactly one submission, with `reference`. */
async function expectOneSubmission(
  staff: ConvexHttpClient,
  form: PublishedTestForm,
  reference: string,
) {
  const rows = await staff.query(api.submissions.list, { formId: form.formId });
  expect(rows).toHaveLength(1);
  expect(rows[0]?.reference).toBe(reference);
  const opened = await openLatestSubmission(staff, form.formId);
  expect(opened.answers.firstName).toBe(newPatientSampleAnswers.firstName);
}

test("submit while offline stores once", async ({ page }) => {
  const { staff, form, sync } = await openAtReview(page);

  await sync.goOffline();
  const submit = page.getByRole("button", { name: /Submit|Sending/ });
  await submit.click();
  await expect(submit).toHaveAttribute("aria-busy", "true");
  // Playwright waits for an aria-disabled button to be enabled, but a
  // patient's second tap lands anyway, so the click skips that check.
  await submit.click({ force: true });
  await expectNoAxeViolations(page);
  expect(sync.submitsSent()).toBe(0);
  expect(
    await staff.query(api.submissions.list, { formId: form.formId }),
  ).toEqual([]);

  await sync.goOnline();
  await expect(confirmation(page)).toBeVisible({ timeout: 60_000 });
  expect(sync.submitsSent()).toBe(1);
  await expectOneSubmission(staff, form, await shownReference(page));
});

test("lost submit reply retries once", async ({ page }) => {
  const { staff, form, sync } = await openAtReview(page);

  sync.loseNextMutationResponse();
  await page.getByRole("button", { name: "Submit", exact: true }).click();

  await expect(confirmation(page)).toBeVisible({ timeout: 60_000 });
  // The client sent the mutation again on the new socket.
  expect(sync.submitsSent()).toBe(2);
  await expectOneSubmission(staff, form, await shownReference(page));
});

test("reload after lost reply stores once", async ({ page }) => {
  const { staff, form, sync } = await openAtReview(page);

  sync.loseNextMutationResponse();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect.poll(() => sync.submitsSent()).toBe(1);
  await expect
    .poll(
      async () =>
        (await staff.query(api.submissions.list, { formId: form.formId }))
          .length,
    )
    .toBe(1);
  await page.reload();
  await waitForHydration(page);

  // The draft kept the answers and the submission key across the reload.
  await fillToReview(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(confirmation(page)).toBeVisible();
  await expectOneSubmission(staff, form, await shownReference(page));
});
