// Prints the first-load JavaScript of an app route after `next build`: the
// root main files plus the route's and the root layout's entry chunks, raw
// and gzip-compressed. Next 16 no longer prints these sizes itself.
//
// Usage: node scripts/first-load-js.mjs [route]   (default /f/[form]/[[...visitor]])
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildDir = path.join(appDir, ".next");
const route = process.argv[2] ?? "/f/[form]/[[...visitor]]";

const buildManifest = JSON.parse(
  readFileSync(path.join(buildDir, "build-manifest.json"), "utf8"),
);
const manifestFile = path.join(
  buildDir,
  "server/app",
  `${route}/page_client-reference-manifest.js`,
);
const sandbox = { globalThis: {} };
sandbox.self = sandbox.globalThis;
runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
const manifests = sandbox.globalThis.__RSC_MANIFEST;
const manifest = manifests[`${route}/page`];
if (!manifest) {
  throw new Error(`No client reference manifest for ${route} in ${buildDir}`);
}

const entries = manifest.entryJSFiles;
const wanted = Object.keys(entries).filter(
  (key) => key.endsWith(`app${route}/page`) || key.endsWith("app/layout"),
);
const files = new Set(buildManifest.rootMainFiles);
for (const key of wanted) {
  for (const file of entries[key]) {
    if (typeof file === "string" && file.endsWith(".js")) files.add(file);
  }
}

let raw = 0;
let gzip = 0;
for (const file of files) {
  const bytes = readFileSync(path.join(buildDir, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
process.stdout.write(
  `${route}: ${files.size} chunks, ${kib(raw)} raw, ${kib(gzip)} gzip\n`,
);
