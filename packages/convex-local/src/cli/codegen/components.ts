import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { CliError } from "../errors";

/** A component installed with `app.use(...)` in `convex/convex.config.ts`. */
export type InstalledComponent = {
  /** Instance name, the key under `components` in the generated API. */
  name: string;
  /** The config import specifier, e.g. `@convex-dev/sharded-counter/convex.config`. */
  specifier: string;
  /**
   * Import path of the component's folder as seen from `convex/_generated`:
   * the package specifier without `/convex.config`, or a relative path.
   */
  importPath: string;
};

const CONFIG_FILES = ["convex.config.ts", "convex.config.js"];
const SOURCE_EXTENSIONS = ["", ".ts", ".js", ".mts", ".mjs"];

/**
 * Reads the components that `convex/convex.config.*` installs. It finds the
 * default imports and each `app.use(ident)` or `app.use(ident, { name })`.
 * Without an explicit name, the instance name is the one the component's
 * own config passes to `defineComponent`. Returns `[]` without a config.
 */
export function readInstalledComponents(
  convexDir: string,
): InstalledComponent[] {
  const configFile = CONFIG_FILES.map((file) =>
    path.join(convexDir, file),
  ).find((file) => existsSync(file));
  if (configFile === undefined) {
    return [];
  }
  const source = stripComments(readFileSync(configFile, "utf8"));
  const imports = readDefaultImports(source);

  const components: InstalledComponent[] = [];
  const usePattern = /\.use\(\s*([A-Za-z_$][\w$]*)\s*(?:,\s*(\{[^}]*\}))?/g;
  for (const match of source.matchAll(usePattern)) {
    const identifier = match[1]!;
    const specifier = imports.get(identifier);
    if (specifier === undefined) {
      throw new CliError(
        "invalidConfig",
        `${configFile}: app.use(${identifier}) does not use a default import, so its component cannot be found. Import it as \`import ${identifier} from "<package>/convex.config"\`.`,
      );
    }
    const explicitName = match[2]?.match(/name\s*:\s*["'`]([^"'`]+)["'`]/)?.[1];
    const name =
      explicitName ?? readDefinitionName(configFile, specifier) ?? identifier;
    components.push({
      name,
      specifier,
      importPath: componentImportPath(specifier),
    });
  }
  return components;
}

function readDefaultImports(source: string): Map<string, string> {
  const imports = new Map<string, string>();
  const importPattern =
    /import\s+([A-Za-z_$][\w$]*)\s+from\s+["']([^"']+)["']/g;
  for (const match of source.matchAll(importPattern)) {
    imports.set(match[1]!, match[2]!);
  }
  return imports;
}

/**
 * Returns the path to import the component's `_generated/component.js` from,
 * relative to `convex/_generated`.
 */
function componentImportPath(specifier: string): string {
  const folder = specifier.replace(/\/convex\.config(\.[cm]?[jt]s)?$/, "");
  if (folder.startsWith(".")) {
    return path.posix.join("..", folder);
  }
  return folder;
}

/** Reads the name in `defineComponent("name")` of a component config. */
function readDefinitionName(
  configFile: string,
  specifier: string,
): string | undefined {
  const file = resolveConfig(configFile, specifier);
  if (file === undefined) {
    return undefined;
  }
  const source = readFileSync(file, "utf8");
  return source.match(/defineComponent\(\s*["'`]([^"'`]+)["'`]/)?.[1];
}

function resolveConfig(
  configFile: string,
  specifier: string,
): string | undefined {
  if (specifier.startsWith(".")) {
    const base = path.resolve(path.dirname(configFile), specifier);
    const withoutJs = base.replace(/\.js$/, "");
    return [base, withoutJs]
      .flatMap((stem) => SOURCE_EXTENSIONS.map((extension) => stem + extension))
      .find((file) => existsSync(file) && statSync(file).isFile());
  }
  try {
    return createRequire(configFile).resolve(specifier);
  } catch {
    return undefined;
  }
}

function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1");
}
