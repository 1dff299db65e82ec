import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";

/** The exports of one evaluated module. */
export type ModuleExports = Record<string, unknown>;

/** Runs a bundled module's top level again and returns its new exports. */
export type ModuleFactory = () => ModuleExports;

/**
 * Compiles a CommonJS bundle once into a factory that re-runs its top level
 * on every call. Each call builds new module-level state (classes, closures,
 * `let` bindings) while V8 keeps the compiled code, so a fresh module costs
 * an evaluation of its top level, not a parse.
 */
export function compileModule(file: string): ModuleFactory {
  const source = readFileSync(file, "utf8");
  // The wrapper starts on the first source line, so line numbers in stack
  // traces match the bundle.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: pathToFileURL(file).href },
  );
  const body = script.runInThisContext() as (
    exports: ModuleExports,
    require: NodeJS.Require,
    module: { exports: ModuleExports },
    filename: string,
    dirname: string,
  ) => void;
  const requireFromFile = cachedRequire(createRequire(file));
  const dirname = path.dirname(file);
  return () => {
    const module = { exports: {} as ModuleExports };
    body.call(
      module.exports,
      module.exports,
      requireFromFile,
      module,
      file,
      dirname,
    );
    return module.exports;
  };
}

/**
 * Wraps `require` so each specifier is resolved once. The bundle requires
 * only packages, which Node evaluates once and shares anyway, but each
 * lookup walks the resolver and any registered loader hooks again.
 */
function cachedRequire(load: NodeJS.Require): NodeJS.Require {
  const loaded = new Map<string, unknown>();
  const cached = (specifier: string): unknown => {
    if (loaded.has(specifier)) return loaded.get(specifier);
    const exports: unknown = load(specifier);
    loaded.set(specifier, exports);
    return exports;
  };
  return Object.assign(cached, {
    resolve: load.resolve,
    cache: load.cache,
    extensions: load.extensions,
    main: load.main,
  }) as NodeJS.Require;
}
