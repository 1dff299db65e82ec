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
  const requireFromFile = createRequire(file);
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
