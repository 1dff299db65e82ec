/**
 * Measures the form builder's keystroke latency: one key typed into a
 * field's label until the phone preview shows the new label, on a form
 * with 200 fields (4 pages of 50). It starts its own stack on the ports of
 * INTAKE_PORT_BASE with the production builds of `pnpm build:apps`, drives
 * Debian's Chromium with Playwright, and prints p50, p95 and max over 50
 * keystrokes. Run it with `pnpm bench:builder` from the repository root.
 */
import { rmSync } from "node:fs";
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

const KEYSTROKES = 50;
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

/**
 * Types one character into the focused label input and resolves with the
 * milliseconds from the keydown event until the preview's label contains
 * it and the browser has painted the next frame.
 */
async function timeKeystroke(page: Page, character: string): Promise<number> {
  const done = page.evaluate(
    (expected) =>
      new Promise<number>((resolve) => {
        const preview = document.querySelector('[data-preview-field="field1"]');
        let start = 0;
        // An inline handler: tsx names function constants with a helper
        // that does not exist in the page.
        window.addEventListener(
          "keydown",
          (event) => {
            start = event.timeStamp;
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver(() => {
          if (!preview?.textContent?.includes(expected)) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => resolve(performance.now() - start), 0),
          );
        });
        if (preview) {
          observer.observe(preview, {
            subtree: true,
            childList: true,
            characterData: true,
          });
        }
      }),
    character,
  );
  await page.keyboard.type(character.slice(-1));
  return await done;
}

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(
    sorted.length - 1,
    Math.ceil(fraction * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function main() {
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
      .getByRole("button", { name: "Edit Question 1", exact: true })
      .click();
    const label = page.getByLabel("Question label");
    await label.click();
    await label.press("End");

    log(`Typing ${KEYSTROKES} keystrokes...`);
    const samples: number[] = [];
    let typed = "Question 1";
    for (let i = 0; i < KEYSTROKES; i++) {
      typed += "abcdefghijklmnopqrstuvwxyz"[i % 26];
      samples.push(await timeKeystroke(page, typed));
    }
    const sorted = samples.slice().sort((a, b) => a - b);
    const format = (ms: number) => `${ms.toFixed(1)} ms`;
    process.stdout.write(
      [
        `Builder keystroke to preview, ${PAGES * FIELDS_PER_PAGE} fields, ${KEYSTROKES} keystrokes`,
        `p50 ${format(percentile(sorted, 0.5))}`,
        `p95 ${format(percentile(sorted, 0.95))}`,
        `max ${format(sorted.at(-1) ?? Number.NaN)}`,
        "",
      ].join("\n"),
    );
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
