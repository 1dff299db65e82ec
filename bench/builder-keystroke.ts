/**
 * Measures the form builder's keystroke latency on a form with 200 fields
 * (4 pages of 50). A figure is the milliseconds from the keydown event of
 * one key typed into the first field's "Question label" input until the
 * phone preview shows the new label and the next frame is painted. It
 * starts its own stack on the ports of INTAKE_PORT_BASE with the
 * production builds of `pnpm build:apps` and drives Debian's Chromium with
 * Playwright. It prints p50, p95 and max over 50 keystrokes against the
 * goal of under 50 ms, and the 1-minute load average at start and end.
 * Run it with `pnpm bench:builder` from the repository root.
 */
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { randomUUID } from "node:crypto";
import { chromium, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import type { Field, FormDefinition } from "@intake/form-schema";
import {
  startApps,
  startBackend,
  stateDirFor,
  stopChildren,
  urls,
} from "../scripts/lib/stack.mjs";
import { ms, percentile, renderTable } from "./lib/stats";

const KEYSTROKES = 50;
/** Keystrokes typed and discarded first, while the page's code warms up. */
const WARM_UP_KEYSTROKES = 5;
/** How long one keystroke may take to reach the preview before the run fails. */
const KEYSTROKE_TIMEOUT_MS = 5_000;
const GOAL_MS = 50;
const MEASURED_FIELD_ID = "field1";
const MEASURED_LABEL = "Question 1";
const PAGES = 4;
const FIELDS_PER_PAGE = 50;

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

/** Builds the benchmark form: a mix of field types, 200 in all. */
export function benchmarkDefinition(): FormDefinition {
  const types = ["shortText", "email", "number", "yesNo", "date"] as const;
  const pages = Array.from({ length: PAGES }, (_, pageIndex) => ({
    id: `page${pageIndex + 1}`,
    title: `Page ${pageIndex + 1}`,
    fields: Array.from({ length: FIELDS_PER_PAGE }, (_, index): Field => {
      const number = pageIndex * FIELDS_PER_PAGE + index + 1;
      const type = types[number % types.length] ?? "shortText";
      return { id: `field${number}`, type, label: `Question ${number}` };
    }),
  }));
  return { title: "Benchmark form", pages };
}

async function signUp(page: Page) {
  await page.goto(`${urls.admin}/sign-in`);
  await page.getByLabel("Email").fill(`bench-${randomUUID()}@clinic.test`);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Clinic name").fill("Benchmark Clinic");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await page.getByRole("button", { name: "New form" }).click();
  await page.getByRole("button", { name: /Blank form/ }).click();
  await page.waitForURL(/\/edit$/);
}

/** Reads the Convex Auth token that the staff app keeps in localStorage. */
async function authToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? "";
      if (key.startsWith("__convexAuthJWT")) return localStorage.getItem(key);
    }
    return null;
  });
  if (!token) throw new Error("No Convex Auth token in localStorage.");
  return token;
}

/** Field, expected preview text and time limit of one measured keystroke. */
type KeystrokeTarget = {
  fieldId: string;
  expected: string;
  timeoutMs: number;
};

/**
 * Runs in the page: stores on `window` a promise of one keystroke's
 * latency. The latency runs from the next keydown event until the preview
 * of `fieldId` contains `expected` and a task queued from the next
 * animation frame runs. That task runs after the main thread has painted
 * the frame, though the compositor may show it later. The observer
 * watches the whole preview frame and looks the field up again on each
 * mutation, so it still detects the text when React replaces the field's
 * element instead of changing it. The promise rejects after `timeoutMs`.
 *
 * The body declares no named functions, because tsx compiles those into
 * calls of its `__name` helper, which the page does not have.
 */
function armKeystroke({ fieldId, expected, timeoutMs }: KeystrokeTarget) {
  const frame = document.querySelector('[data-testid="phone-preview"]');
  if (!frame) throw new Error("The phone preview is not on the page.");
  const selector = `[data-preview-field="${CSS.escape(fieldId)}"]`;
  if (frame.querySelector(selector)?.textContent?.includes(expected)) {
    throw new Error(`The preview shows "${expected}" before the keystroke.`);
  }

  const latency = new Promise<number>((resolve, reject) => {
    let keyDownAt: number | null = null;
    window.addEventListener(
      "keydown",
      (event) => {
        keyDownAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
    const observer = new MutationObserver(() => {
      const text = frame.querySelector(selector)?.textContent ?? "";
      if (keyDownAt === null || !text.includes(expected)) return;
      const start = keyDownAt;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() =>
        setTimeout(() => resolve(performance.now() - start), 0),
      );
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      const shown = frame.querySelector(selector)?.textContent ?? null;
      const input = document.activeElement;
      const typed = input instanceof HTMLInputElement ? input.value : null;
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for the preview of ` +
            `${fieldId} to show "${expected}". The preview shows ` +
            `${JSON.stringify(shown)}, the focused input contains ` +
            `${JSON.stringify(typed)}, and the keydown event was ` +
            `${keyDownAt === null ? "not seen" : "seen"}.`,
        ),
      );
    }, timeoutMs);
    observer.observe(frame, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  // Marks the rejection as handled until Node collects it, so the page
  // logs no unhandled rejection if the key press itself fails.
  latency.catch(() => undefined);
  Object.assign(window, { __builderKeystroke: latency });
}

/**
 * Presses `key` in the focused label input and returns the milliseconds
 * from its keydown event until the preview of the first field shows
 * `expected` and the next frame is painted.
 */
async function timeKeystroke(
  page: Page,
  key: string,
  expected: string,
): Promise<number> {
  await page.evaluate(armKeystroke, {
    fieldId: MEASURED_FIELD_ID,
    expected,
    timeoutMs: KEYSTROKE_TIMEOUT_MS,
  });
  await page.keyboard.press(key);
  const latency = page.evaluate(
    () =>
      (window as unknown as { __builderKeystroke: Promise<number> })
        .__builderKeystroke,
  );
  // The page's own timer cannot fire while its main thread is blocked, so
  // Node gives up too, a little later.
  let timer: NodeJS.Timeout | undefined;
  const pageBlocked = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `Timed out after ${2 * KEYSTROKE_TIMEOUT_MS} ms waiting for the ` +
              `page to report the keystroke for "${expected}".`,
          ),
        ),
      2 * KEYSTROKE_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([latency, pageBlocked]);
  } finally {
    clearTimeout(timer);
  }
}

/** Prints the percentiles, the goal check and the load averages. */
function printReport(samples: number[], loadAtStart: number) {
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const max = Math.max(...samples);
  const verdict = (value: number) => (value < GOAL_MS ? "met" : "not met");
  const fields = PAGES * FIELDS_PER_PAGE;
  const table = renderTable(
    ["measure", "figure", `goal: under ${GOAL_MS} ms`],
    [
      [
        `keystroke to preview frame, ${fields} fields, p50`,
        ms(p50),
        verdict(p50),
      ],
      [
        `keystroke to preview frame, ${fields} fields, p95`,
        ms(p95),
        verdict(p95),
      ],
      [
        `keystroke to preview frame, ${fields} fields, max`,
        ms(max),
        verdict(max),
      ],
    ],
  );
  process.stdout.write(
    `${table}\n\n${KEYSTROKES} keystrokes after ${WARM_UP_KEYSTROKES} ` +
      `warm-up ones. 1-minute load average: ` +
      `${loadAtStart.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end.\n`,
  );
}

async function main() {
  const loadAtStart = loadavg()[0]!;
  const stateDir = stateDirFor("bench-builder");
  rmSync(stateDir, { recursive: true, force: true });
  log(`Starting the stack at ${urls.admin}...`);
  await startBackend({ stateDir });
  await startApps("start");

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1600, height: 1000 },
    });
    await signUp(page);
    const formId = page.url().split("/").at(-2) as Id<"forms">;
    const client = new ConvexHttpClient(urls.api);
    client.setAuth(await authToken(page));
    const { draftRevision } = await client.query(api.forms.get, { formId });
    await client.mutation(api.forms.saveDraft, {
      formId,
      definition: benchmarkDefinition(),
      revision: draftRevision,
    });
    await page.reload();
    await page
      .getByRole("button", { name: `Edit ${MEASURED_LABEL}`, exact: true })
      .click();
    const label = page.getByLabel("Question label");
    await label.click();
    await label.press("End");
    const initialLabel = await label.inputValue();
    if (initialLabel !== MEASURED_LABEL) {
      throw new Error(
        `The "Question label" input contains "${initialLabel}", ` +
          `expected "${MEASURED_LABEL}". Is ${MEASURED_FIELD_ID} selected?`,
      );
    }

    log(
      `Typing ${WARM_UP_KEYSTROKES} warm-up and ${KEYSTROKES} measured keystrokes...`,
    );
    const samples: number[] = [];
    let expected = initialLabel;
    for (let i = 0; i < WARM_UP_KEYSTROKES + KEYSTROKES; i++) {
      const key = "abcdefghijklmnopqrstuvwxyz"[i % 26]!;
      expected += key;
      const latency = await timeKeystroke(page, key, expected);
      if (i >= WARM_UP_KEYSTROKES) samples.push(latency);
    }
    printReport(samples, loadAtStart);
  } finally {
    await browser.close();
    await stopChildren();
  }
}

main().catch(async (error: unknown) => {
  log(String(error instanceof Error ? error.stack : error));
  await stopChildren();
  process.exit(1);
});
