import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { EnvDeclaration } from "../bundle/components";
import { readInstalledComponents } from "./codegen/components";
import { readAppEnvDeclarations } from "./codegen/env";
import { discoverModules } from "./codegen/modules";
import {
  apiDts,
  apiJs,
  dataModelDts,
  serverDts,
  serverJs,
} from "./codegen/templates";

/** Options of `generateCode`. */
export type CodegenOptions = {
  /** The folder that contains `convex/`. */
  projectDir: string;
  /**
   * The app's env declarations, from `readAppEnvDeclarations`, which type
   * `env` in `server.d.ts`. Without them `env` stays untyped.
   */
  envDeclarations?: Map<string, EnvDeclaration> | null;
};

/** The files `generateCode` wrote, and those it left as they were. */
export type CodegenResult = {
  outputDir: string;
  written: string[];
  unchanged: string[];
};

/**
 * Writes `convex/_generated/{api.js, api.d.ts, dataModel.d.ts, server.js,
 * server.d.ts}` without a deployment. Files whose content is already
 * current are not rewritten, so file watchers see no change.
 */
export function generateCode(options: CodegenOptions): CodegenResult {
  const convexDir = path.join(path.resolve(options.projectDir), "convex");
  const modules = discoverModules(convexDir);
  const components = readInstalledComponents(convexDir);
  const hasSchema = ["schema.ts", "schema.js"].some((file) =>
    existsSync(path.join(convexDir, file)),
  );

  const files: Record<string, string> = {
    "api.js": apiJs(),
    "api.d.ts": apiDts(modules, components),
    "dataModel.d.ts": dataModelDts(hasSchema),
    "server.js": serverJs(),
    "server.d.ts": serverDts(options.envDeclarations ?? null),
  };

  const outputDir = path.join(convexDir, "_generated");
  mkdirSync(outputDir, { recursive: true });
  const result: CodegenResult = { outputDir, written: [], unchanged: [] };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(outputDir, name);
    if (existsSync(file) && readFileSync(file, "utf8") === content) {
      result.unchanged.push(name);
      continue;
    }
    writeFileSync(file, content);
    result.written.push(name);
  }
  return result;
}

/**
 * Runs `generateCode` with the env declarations of the app's
 * `convex.config.*`, which this reads by evaluating the config.
 */
export async function generateProjectCode(
  options: CodegenOptions,
): Promise<CodegenResult> {
  const convexDir = path.join(path.resolve(options.projectDir), "convex");
  const envDeclarations = await readAppEnvDeclarations(convexDir);
  return generateCode({ ...options, envDeclarations });
}
