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
 * Bundles every function module of `sourceDir` (plus schema and auth
 * config) into `outDir` as one self-contained CommonJS file per module for
 * Node, so a module can be evaluated again for every call (see
 * `compileModule`). Like a Convex function call, evaluating a module runs
 * only that module's own imports. Third-party packages stay outside the
 * bundle (see `sharedPackages`).
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
      format: "cjs",
      platform: "node",
      target: "node20",
      outExtension: { ".js": ".cjs" },
      sourcemap: "inline",
      logLevel: "silent",
      plugins: [sharedPackages(), ...plugins],
    });
  }

  const modules = new Map<string, string>();
  for (const file of moduleFiles) {
    const modulePath = modulePathOf(file);
    modules.set(modulePath, path.join(outDir, "modules", `${modulePath}.cjs`));
  }
  return {
    modules,
    schemaFile: schema ? path.join(outDir, "schema.cjs") : null,
    authConfigFile: authConfig ? path.join(outDir, "auth.config.cjs") : null,
  };
}

/**
 * Leaves third-party packages (files under `node_modules`) out of the
 * bundle as `require` calls of their resolved CommonJS entry. Node
 * evaluates each package once and every module instance shares it, so a
 * call re-evaluates only the project's own code, including workspace
 * packages and a component's own files. Measured on 2 cores at a load
 * average near 14, evaluating one of packages/backend's modules took up
 * to 47 ms with its packages bundled in and up to 9 ms without them.
 *
 * NOTE: Convex evaluates packages afresh in every context too, so
 * module-level state inside a third-party package is shared between calls
 * here but not in Convex.
 */
function sharedPackages(): Plugin {
  return {
    name: "shared-packages",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData === SHARED) {
          return undefined;
        }
        const resolved = await build.resolve(args.path, {
          kind: "require-call",
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: SHARED,
        });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        if (!resolved.path.split(path.sep).includes("node_modules")) {
          return undefined;
        }
        return { path: resolved.path, external: true };
      });
    },
  };
}

/** Marks the resolution that `sharedPackages` requests, so it does not recurse. */
const SHARED = Symbol("sharedPackages");
