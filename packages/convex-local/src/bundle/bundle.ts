import { build, type Plugin } from "esbuild";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { discoverModules, findConfigFile, modulePathOf } from "./discover";

/** The bundled output of one component's functions directory. */
export type BundledComponent = {
  /** Convex module path (`dir/file`) to the absolute path of its bundle. */
  modules: Map<string, string>;
  /** Bundled `schema.*`, when the directory has one. */
  schemaFile: string | null;
  /** Bundled `auth.config.*`, when the directory has one. */
  authConfigFile: string | null;
};

/**
 * Makes bundles load in Node ESM even when a bundled CommonJS dependency
 * calls `require` for a Node built-in.
 */
const REQUIRE_BANNER =
  "import { createRequire as __convexLocalCreateRequire } from 'node:module';\n" +
  "const require = __convexLocalCreateRequire(import.meta.url);";

/**
 * Bundles every function module of `sourceDir` (plus schema and auth
 * config) into `outDir` as ESM for Node, with shared chunks, so all
 * modules of one component share one copy of their dependencies.
 */
export async function bundleComponent(
  sourceDir: string,
  outDir: string,
  plugins: Plugin[] = [],
): Promise<BundledComponent> {
  mkdirSync(outDir, { recursive: true });
  const moduleFiles = discoverModules(sourceDir);
  const schema = findConfigFile(sourceDir, "schema");
  const authConfig = findConfigFile(sourceDir, "auth.config");

  const entryPoints: Record<string, string> = {};
  for (const file of moduleFiles) {
    entryPoints[`modules/${modulePathOf(file)}`] = path.join(sourceDir, file);
  }
  if (schema) entryPoints["schema"] = schema;
  if (authConfig) entryPoints["auth.config"] = authConfig;

  if (Object.keys(entryPoints).length > 0) {
    await build({
      entryPoints,
      outdir: outDir,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      splitting: true,
      outExtension: { ".js": ".mjs" },
      sourcemap: "inline",
      banner: { js: REQUIRE_BANNER },
      logLevel: "silent",
      plugins,
    });
  }

  const modules = new Map<string, string>();
  for (const file of moduleFiles) {
    const modulePath = modulePathOf(file);
    modules.set(modulePath, path.join(outDir, "modules", `${modulePath}.mjs`));
  }
  return {
    modules,
    schemaFile: schema ? path.join(outDir, "schema.mjs") : null,
    authConfigFile: authConfig ? path.join(outDir, "auth.config.mjs") : null,
  };
}
