import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { buildIfStale } from "../../scripts/build.mjs";

const PACKAGE_DIR = path.join(import.meta.dirname, "..", "..");

/** Identifies one write of a file, because a rename gives it a new inode. */
function writeOf(file: string): string {
  const stats = statSync(file, { bigint: true });
  return `${stats.ino}:${stats.mtimeNs}`;
}

describe("buildIfStale", () => {
  let root: string;
  let cli: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "convex-local-build-"));
    cpSync(path.join(PACKAGE_DIR, "src"), path.join(root, "src"), {
      recursive: true,
    });
    cpSync(
      path.join(PACKAGE_DIR, "package.json"),
      path.join(root, "package.json"),
    );
    cli = path.join(root, "dist", "cli.mjs");
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test("builds a missing dist once", async () => {
    await buildIfStale(root);
    const first = writeOf(cli);
    expect(readFileSync(cli, "utf8")).toContain("convex-local");

    await buildIfStale(root);
    expect(writeOf(cli)).toBe(first);
  });

  test("rebuilds a source with an older time", async () => {
    await buildIfStale(root);
    const first = writeOf(cli);
    const source = path.join(root, "src", "cli", "main.ts");
    const before = statSync(source);
    writeFileSync(source, `${readFileSync(source, "utf8")}\n// edited\n`);
    // A copy that keeps time stamps, or a restored backup, leaves this.
    utimesSync(source, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(statSync(source).mtimeMs).toBeLessThan(before.mtimeMs);

    await buildIfStale(root);
    expect(writeOf(cli)).not.toBe(first);
  });

  test("rebuilds after a source is deleted", async () => {
    const extra = path.join(root, "src", "unused-extra.ts");
    writeFileSync(extra, "export const unused = 1;\n");
    await buildIfStale(root);
    const first = writeOf(cli);

    rmSync(extra);
    await buildIfStale(root);
    expect(writeOf(cli)).not.toBe(first);
  });

  test("skips a dangling editor lock file", async () => {
    const lock = path.join(root, "src", "cli", ".#main.ts");
    symlinkSync("user@host.1234:1700000000", lock);

    await buildIfStale(root);
    expect(readFileSync(cli, "utf8")).toContain("convex-local");
  });

  test("concurrent builds leave a working CLI", async () => {
    await Promise.all([buildIfStale(root), buildIfStale(root)]);
    const built = writeOf(cli);
    expect(readFileSync(cli, "utf8")).toContain("convex-local");
    await buildIfStale(root);
    expect(writeOf(cli)).toBe(built);
  });
});
