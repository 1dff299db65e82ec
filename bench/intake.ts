/**
 * Benchmarks the patient app's production build on 127.0.0.1: first-load
 * JavaScript of /f/<form>, largest contentful paint under a slow 4G
 * network with a 4x slower CPU, and the latency of one keystroke on a
 * 200-field form. Run it with `pnpm bench:intake` from the repository root.
 */
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { chromium, devices, type Browser } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { api } from "@intake/backend/api";
import {
  demo,
  root,
  startApps,
  startBackend,
  stateDirFor,
  stopChildren,
  urls,
} from "../scripts/lib/stack.mjs";
import { measureFirstLoad } from "./intake/first-load";
import { measureKeystrokes, wideDefinition } from "./intake/keystroke";
import { measureLcp } from "./intake/lcp";
import { ms, percentile, renderTable } from "./lib/stats";

// `--quick` runs fewer samples to check that the scenarios work, and its
// figures are not comparable with the goals.
const QUICK = process.argv.includes("--quick");

const SETTINGS = {
  lcpRuns: QUICK ? 1 : 5,
  keystrokes: QUICK ? 10 : 60,
  warmUpKeystrokes: QUICK ? 2 : 10,
  wideFields: 200,
};

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Builds both apps with the stack's URLs; turbo skips an unchanged build. */
function buildApps() {
  const build = spawnSync(
    process.execPath,
    [path.join(root, "scripts/build-apps.mjs")],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (build.status !== 0) throw new Error("pnpm build:apps failed");
}

/** Signs in as the demo account and publishes a form of `fieldCount` fields. */
async function publishWideForm(fieldCount: number): Promise<string> {
  const client = new ConvexHttpClient(urls.api);
  const signIn = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email: demo.email, password: demo.password, flow: "signIn" },
  });
  const token = signIn.tokens?.token;
  if (!token) throw new Error("Signing in as the demo account failed");
  client.setAuth(token);

  const [clinic] = await client.query(api.clinics.listMine, {});
  if (!clinic) throw new Error("The demo account has no clinic");
  const title = `Benchmark form with ${fieldCount} fields`;
  const formId = await client.mutation(api.forms.createBlank, {
    clinicId: clinic.clinicId,
    title,
  });
  const { problems, revision } = await client.mutation(api.forms.saveDraft, {
    formId,
    definition: wideDefinition(title, fieldCount),
    // A new form's draft starts at revision 0.
    revision: 0,
  });
  if (problems.length > 0) {
    throw new Error(
      `The wide form is not publishable: ${problems[0]?.message}`,
    );
  }
  await client.mutation(api.forms.publish, { formId, revision });
  const form = await client.query(api.forms.get, { formId });
  return form.slug;
}

async function run(browser: Browser) {
  const formUrl = `${urls.intake}/f/${demo.formSlug}`;

  log(`first-load JavaScript of ${formUrl}`);
  const firstLoad = await measureFirstLoad(formUrl);

  log(`largest contentful paint, ${SETTINGS.lcpRuns} cold loads`);
  const lcp = await measureLcp(browser, devices["Pixel 7"], formUrl, {
    runs: SETTINGS.lcpRuns,
  });

  log(`keystrokes on a ${SETTINGS.wideFields}-field form`);
  const slug = await publishWideForm(SETTINGS.wideFields);
  const keystrokes = await measureKeystrokes(
    browser,
    `${urls.intake}/f/${slug}`,
    { count: SETTINGS.keystrokes, warmUp: SETTINGS.warmUpKeystrokes },
  );
  log(`keystrokes with errors shown, so each one validates the form`);
  const validated = await measureKeystrokes(
    browser,
    `${urls.intake}/f/${slug}`,
    {
      count: SETTINGS.keystrokes,
      warmUp: SETTINGS.warmUpKeystrokes,
      withErrors: true,
    },
  );

  const kib = (bytes: number) =>
    `${(bytes / 1024).toFixed(1)} KiB (${(bytes / 1000).toFixed(1)} kB)`;
  const summary = renderTable(
    ["measure", "figure", "goal"],
    [
      [
        `first-load JavaScript, gzip, ${firstLoad.chunks.length} scripts`,
        kib(firstLoad.gzipBytes),
        "at most 170 KB",
      ],
      [
        `LCP, slow 4G and 4x CPU, p50 of ${lcp.length} loads`,
        `${ms(percentile(lcp, 50))} (max ${ms(Math.max(...lcp))})`,
        "under 2.5 s",
      ],
      [
        `keystroke to next frame, ${SETTINGS.wideFields} fields, p50`,
        ms(percentile(keystrokes, 50)),
        "under 16 ms",
      ],
      [
        `keystroke to next frame, ${SETTINGS.wideFields} fields, p95`,
        `${ms(percentile(keystrokes, 95))} (max ${ms(Math.max(...keystrokes))})`,
        "",
      ],
      [
        `keystroke with validation of all ${SETTINGS.wideFields} fields, p50`,
        ms(percentile(validated, 50)),
        "under 16 ms",
      ],
      [
        `keystroke with validation of all ${SETTINGS.wideFields} fields, p95`,
        `${ms(percentile(validated, 95))} (max ${ms(Math.max(...validated))})`,
        "",
      ],
    ],
  );
  const chunks = renderTable(
    ["script", "bytes", "gzip bytes"],
    firstLoad.chunks.map((chunk) => [
      chunk.src,
      String(chunk.bytes),
      String(chunk.gzipBytes),
    ]),
  );
  process.stdout.write(`${summary}\n\n${chunks}\n`);
}

async function main() {
  log(`load average at start: ${loadavg()[0]?.toFixed(2)}`);
  if (!process.argv.includes("--no-build")) buildApps();

  const stateDir = stateDirFor("bench");
  rmSync(stateDir, { recursive: true, force: true });
  let browser: Browser | undefined;
  try {
    await startBackend({ stateDir });
    await startApps("start");
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    });
    await run(browser);
  } finally {
    await browser?.close();
    await stopChildren();
  }
  log(`load average at end: ${loadavg()[0]?.toFixed(2)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
