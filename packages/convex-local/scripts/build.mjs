// Compiles the backend's TypeScript into dist/ as plain JavaScript, so the
// CLI runs without a TypeScript loader. A loader such as tsx keeps every
// function's name with a helper call on each closure it creates, which
// costs the insert path about a tenth of its CPU time. `buildIfStale` is
// what bin/convex-local.mjs calls; `node scripts/build.mjs` builds once.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Returns the source, output and stamp paths of a package folder. */
function layout(root) {
  const srcDir = path.join(root, "src");
  const distDir = path.join(root, "dist");
  return {
    srcDir,
    distDir,
    // Written after every output, with the fingerprint of the sources the
    // build read, so its presence marks a complete build.
    stamp: path.join(distDir, "build-stamp.txt"),
    entries: {
      cli: path.join(srcDir, "cli", "main.ts"),
      index: path.join(srcDir, "index.ts"),
    },
    // Loaded by path at run time (see storage/commit-writer.ts), so it is
    // copied next to the compiled code rather than bundled.
    commitWorker: path.join(srcDir, "storage", "commit-worker.mjs"),
  };
}

/** The folder that contains the compiled entry points. */
export const distDir = layout(packageDir).distDir;

/**
 * Hashes the path, size and modification time of package.json and of
 * every file in src/. Any saved, added, deleted or renamed source changes
 * it, also one restored with an older time stamp.
 */
function sourceFingerprint(root) {
  const hash = createHash("sha256");
  const add = (file) => {
    // An editor's lock file, such as Emacs's `.#name.ts`, is a symbolic
    // link to nowhere, and a temporary file may be gone by now. Neither is
    // a source.
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats === undefined) return;
    hash.update(
      `${path.relative(root, file)}\0${stats.size}\0${stats.mtimeMs}\n`,
    );
  };
  const visit = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name, "en"));
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else add(file);
    }
  };
  add(path.join(root, "package.json"));
  visit(path.join(root, "src"));
  return hash.digest("hex");
}

function builtFingerprint(stamp) {
  try {
    return readFileSync(stamp, "utf8");
  } catch {
    return undefined;
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
 * Compiles the entry points of the package in `root` into its dist/. The
 * stamp records the sources as they were before the build read them, so
 * a source saved during the build makes the output stale again.
 */
export async function buildBackend(root = packageDir) {
  const paths = layout(root);
  const fingerprint = sourceFingerprint(root);
  mkdirSync(paths.distDir, { recursive: true });
  const result = await build({
    entryPoints: paths.entries,
    outdir: paths.distDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "warning",
  });
  writeAtomically(
    path.join(paths.distDir, path.basename(paths.commitWorker)),
    readFileSync(paths.commitWorker),
  );
  for (const output of result.outputFiles) {
    writeAtomically(output.path, output.contents);
  }
  writeAtomically(paths.stamp, fingerprint);
}

/**
 * Compiles the entry points unless dist/ was built from the sources as
 * they are now.
 */
export async function buildIfStale(root = packageDir) {
  const paths = layout(root);
  if (builtFingerprint(paths.stamp) === sourceFingerprint(root)) return;
  await buildBackend(root);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildBackend();
}
