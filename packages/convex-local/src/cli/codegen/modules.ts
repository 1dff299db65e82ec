import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { CliError } from "../errors";

/** Extensions esbuild loads as JavaScript or TypeScript, as Convex lists them. */
const MODULE_EXTENSIONS = [
  ".js",
  ".mjs",
  ".cjs",
  ".ts",
  ".tsx",
  ".mts",
  ".cts",
  ".jsx",
];

/** A function module found under `convex/`. */
export type ModuleFile = {
  /** Path relative to the convex folder with `/` separators, e.g. `lib/a.ts`. */
  file: string;
  /** The module path functions are named by, e.g. `lib/a`. */
  modulePath: string;
};

/**
 * Lists the function modules of a convex folder by the rules of the Convex
 * CLI. It skips `_generated/`, dotfiles, `#` editor temp files, `schema.*`,
 * names with more than one dot (`convex.config.ts`, `*.test.ts`), paths with
 * spaces, folders holding their own `convex.config.ts` (nested components),
 * and TypeScript files without any import or export. The result is sorted
 * by file path in code-unit order.
 */
export function discoverModules(convexDir: string): ModuleFile[] {
  if (!existsSync(convexDir)) {
    throw new CliError(
      "projectNotFound",
      `Convex folder not found: ${convexDir}. Pass --dir with the folder that contains convex/.`,
    );
  }
  const files = walk(convexDir, "").filter((file) =>
    isModuleFile(convexDir, file),
  );
  // Code-unit order, not locale order, as the Convex CLI sorts module paths.
  files.sort();

  const modules = files.map((file) => ({
    file,
    modulePath: file.slice(0, file.lastIndexOf(".")),
  }));
  const seen = new Map<string, string>();
  for (const { file, modulePath } of modules) {
    const other = seen.get(modulePath);
    if (other !== undefined) {
      throw new CliError(
        "invalidConfig",
        `Two files define the module "${modulePath}": convex/${other} and convex/${file}. Rename or remove one of them.`,
      );
    }
    seen.set(modulePath, file);
  }
  return modules;
}

function walk(root: string, relativeDir: string): string[] {
  const entries = readdirSync(path.join(root, relativeDir), {
    withFileTypes: true,
  });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      const isComponent = existsSync(
        path.join(root, relative, "convex.config.ts"),
      );
      if (!isComponent) {
        files.push(...walk(root, relative));
      }
    } else if (entry.isFile()) {
      files.push(relative);
    }
  }
  return files;
}

function isModuleFile(convexDir: string, file: string): boolean {
  const base = path.posix.basename(file);
  if (!MODULE_EXTENSIONS.some((extension) => file.endsWith(extension))) {
    return false;
  }
  if (file.startsWith("_generated/")) {
    return false;
  }
  if (base.startsWith(".") || base.startsWith("#")) {
    return false;
  }
  if (base === "schema.ts" || base === "schema.js") {
    return false;
  }
  if ((base.match(/\./g) ?? []).length > 1 || file.includes(" ")) {
    return false;
  }
  if (file.endsWith(".ts") || file.endsWith(".tsx")) {
    // A TypeScript file without imports or exports is a script, not a module.
    const source = readFileSync(path.join(convexDir, file), "utf8");
    return /^\s{0,100}(import|export)/m.test(source);
  }
  return true;
}
