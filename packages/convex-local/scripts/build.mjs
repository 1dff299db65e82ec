// Compiles the backend's TypeScript into dist/ as plain JavaScript, so the
// CLI runs without a TypeScript loader. A loader such as tsx keeps every
// function's name with a helper call on each closure it creates, which
// costs the insert path about a tenth of its CPU time. `buildIfStale` is
// what bin/convex-local.mjs calls; `node scripts/build.mjs` builds once.
import { build } from "esbuild";
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const srcDir = path.join(packageDir, "src");
/** The folder that holds the compiled entry points. */
export const distDir = path.join(packageDir, "dist");

/** Entry points by output name: the CLI and the library. */
const ENTRIES = {
  cli: path.join(srcDir, "cli", "main.ts"),
  index: path.join(srcDir, "index.ts"),
};

// Loaded by path at run time (see storage/commit-writer.ts), so it is
// copied next to the compiled code rather than bundled.
const COMMIT_WORKER = path.join(srcDir, "storage", "commit-worker.mjs");

/** Returns the newest modification time of the sources, in milliseconds. */
function newestSource() {
  let newest = statSync(path.join(packageDir, "package.json")).mtimeMs;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  visit(srcDir);
  return newest;
}

function builtAt() {
  try {
    return statSync(path.join(distDir, "cli.mjs")).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Writes `contents` to `file` through a rename, so a process starting at
 * the same moment never imports half a file. Two processes building at
 * once write the same contents.
 */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * Compiles the entry points into dist/. The compiled CLI takes the time
 * stamp of the newest source it was built from, so a source saved during
 * the build makes it stale again.
 */
export async function buildBackend() {
  const sourcesAt = newestSource() / 1000;
  mkdirSync(distDir, { recursive: true });
  const result = await build({
    entryPoints: ENTRIES,
    outdir: distDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "warning",
  });
  const worker = path.join(distDir, path.basename(COMMIT_WORKER));
  copyFileSync(COMMIT_WORKER, `${worker}.${process.pid}.tmp`);
  renameSync(`${worker}.${process.pid}.tmp`, worker);
  // The CLI goes last: its time stamp marks a complete build.
  const outputs = [...result.outputFiles].sort(
    (a, b) =>
      Number(a.path.endsWith("cli.mjs")) - Number(b.path.endsWith("cli.mjs")),
  );
  for (const output of outputs) writeAtomically(output.path, output.contents);
  const cli = path.join(distDir, "cli.mjs");
  utimesSync(cli, sourcesAt, sourcesAt);
}

/** Compiles the entry points unless dist/ is newer than every source. */
export async function buildIfStale() {
  if (builtAt() >= newestSource()) return;
  await buildBackend();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildBackend();
}
