import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const MODULE_EXTENSIONS = [
  ".ts",
  ".tsx",
  ".js",
  ".jsx",
  ".mts",
  ".mjs",
  ".cts",
  ".cjs",
];

/** Returns the first `<dir>/<base>.<ext>` that exists, for config files. */
export function findConfigFile(dir: string, base: string): string | null {
  for (const extension of MODULE_EXTENSIONS) {
    const candidate = path.join(dir, base + extension);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function isComponentDirectory(dir: string): boolean {
  return findConfigFile(dir, "convex.config") !== null;
}

/**
 * Lists the function modules of a Convex functions directory, as paths
 * relative to it. Follows the Convex CLI's entry point rules: js/ts-family
 * files, skipping `_generated/`, dotfiles, names with spaces or with more
 * than one dot (`schema.ts` too), and nested component directories.
 */
export function discoverModules(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".") || name.includes(" ")) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name === "_generated" || name === "node_modules") continue;
        if (isComponentDirectory(full)) continue;
        walk(full);
        continue;
      }
      const extension = path.extname(name);
      if (!MODULE_EXTENSIONS.includes(extension)) continue;
      if (name.split(".").length > 2) continue;
      const relative = path.relative(root, full);
      if (relative.replace(/\\/g, "/").match(/^schema\.[^/]+$/)) continue;
      found.push(relative);
    }
  };
  walk(root);
  return found;
}

/** Turns a module file path into its Convex module path: `dir/file`. */
export function modulePathOf(relativeFile: string): string {
  const posix = relativeFile.replace(/\\/g, "/");
  return posix.slice(0, posix.length - path.extname(posix).length);
}
