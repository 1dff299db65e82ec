/**
 * Benchmarks the staff inbox with 10,000 submissions: how long the first
 * page takes to show in Chromium, and how long a CSV export of all rows
 * takes. It starts convex-local and the production builds of both apps
 * on the ports of INTAKE_PORT_BASE (build them first with
 * `pnpm build:apps`), then runs `pnpm bench:inbox` from the repository
 * root. `--quick` seeds 1,000 rows to check that the script works.
 */
import { chromium, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { loadavg } from "node:os";
import { newPatientSampleAnswers } from "@intake/form-schema";
import {
  runCli,
  startApps,
  startBackend,
  stateDirFor,
  stopChildren,
  urls,
} from "../scripts/lib/stack.mjs";
import { ms, percentile, renderTable } from "./lib/stats";

const QUICK = process.argv.includes("--quick");
const SUBMISSIONS = QUICK ? 1_000 : 10_000;
const SEED_BATCH = 1_000;
const PAGE_RUNS = 7;
const EXPORT_RUNS = 3;
const GOALS = { firstPageMs: 500, exportMs: 5_000 };
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium";

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

/** Signs up in the staff app, creates a clinic and publishes a form. */
async function createPublishedForm(page: Page) {
  await page.goto(urls.admin);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(`bench-${randomUUID()}@clinic.test`);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Clinic name").fill("Benchmark Clinic");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await page.getByRole("button", { name: "New form" }).click();
  await page.getByRole("button", { name: /New patient/ }).click();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page
    .getByRole("status")
    .filter({ hasText: "Published version 1." })
    .waitFor();
  const match = /\/clinics\/([^/]+)\/forms\/([^/?]+)/.exec(page.url());
  if (match === null) throw new Error(`No form ids in ${page.url()}.`);
  return { clinicId: match[1]!, formId: match[2]! };
}

/** Inserts the submissions one minute apart, in batches of 1,000. */
async function seed(stateDir: string, formId: string) {
  const first = Date.now() - SUBMISSIONS * 60_000;
  for (let offset = 0; offset < SUBMISSIONS; offset += SEED_BATCH) {
    const args = {
      formId,
      count: Math.min(SEED_BATCH, SUBMISSIONS - offset),
      firstSubmittedAt: first + offset * 60_000,
      stepMs: 60_000,
      answers: newPatientSampleAnswers,
    };
    await runCli(
      ["run", "inboxSeed:insertSubmissions", JSON.stringify(args)],
      stateDir,
    );
  }
}

/** Times navigation to the inbox until its first row is visible. */
async function timeFirstPage(page: Page, inboxUrl: string) {
  await page.goto("about:blank");
  const started = performance.now();
  await page.goto(inboxUrl);
  await page.getByRole("listitem").first().waitFor({ state: "visible" });
  return performance.now() - started;
}

/** Times an export from the click until the file is saved, and checks it. */
async function timeExport(page: Page, inboxUrl: string) {
  await page.goto(inboxUrl);
  await page.getByRole("listitem").first().waitFor({ state: "visible" });
  const started = performance.now();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 120_000 }),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const path = await download.path();
  const elapsed = performance.now() - started;
  const records = (await readFile(path, "utf8")).trimEnd().split("\r\n");
  if (records.length !== SUBMISSIONS + 1) {
    throw new Error(
      `The export has ${records.length - 1} rows, expected ${SUBMISSIONS}.`,
    );
  }
  return elapsed;
}

async function main() {
  const stateDir = stateDirFor("bench-inbox");
  await rm(stateDir, { recursive: true, force: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    log("Starting the stack...");
    await startBackend({ stateDir });
    await startApps("start");
    const page = await browser.newPage();
    const { clinicId, formId } = await createPublishedForm(page);

    log(`Seeding ${SUBMISSIONS} submissions...`);
    const seedStarted = performance.now();
    await seed(stateDir, formId);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const inboxUrl = `${urls.admin}/clinics/${clinicId}/submissions?form=${formId}`;
    log("Timing the first page...");
    // The first load compiles nothing in a production build, but it
    // warms the browser cache like a returning staff member's.
    await timeFirstPage(page, inboxUrl);
    const pageTimes = [];
    for (let run = 0; run < PAGE_RUNS; run++) {
      pageTimes.push(await timeFirstPage(page, inboxUrl));
    }

    log("Timing the CSV export...");
    const exportTimes = [];
    for (let run = 0; run < EXPORT_RUNS; run++) {
      exportTimes.push(await timeExport(page, inboxUrl));
    }

    const median = (values: number[]) => percentile(values, 50);
    const rows = [
      [
        "First page visible",
        ms(median(pageTimes)),
        ms(Math.max(...pageTimes)),
        `< ${GOALS.firstPageMs} ms`,
        median(pageTimes) < GOALS.firstPageMs ? "met" : "not met",
      ],
      [
        `CSV export of ${SUBMISSIONS}`,
        ms(median(exportTimes)),
        ms(Math.max(...exportTimes)),
        `< ${GOALS.exportMs} ms`,
        median(exportTimes) < GOALS.exportMs ? "met" : "not met",
      ],
    ];
    process.stdout.write(
      [
        `Inbox benchmark: ${SUBMISSIONS} submissions${QUICK ? " (quick)" : ""}`,
        `Seeded in ${seedSeconds.toFixed(1)} s; load average ${loadavg()[0]!.toFixed(2)}`,
        `First page runs: ${pageTimes.map((time) => time.toFixed(0)).join(", ")} ms`,
        `Export runs: ${exportTimes.map((time) => time.toFixed(0)).join(", ")} ms`,
        "",
        renderTable(["Measure", "Median", "Max", "Goal", "Result"], rows),
        "",
      ].join("\n"),
    );
  } finally {
    await browser.close();
    await stopChildren();
    await rm(stateDir, { recursive: true, force: true });
  }
}

await main();
