import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { EnvDeclaration } from "../../bundle/components";
import { findConfigFile } from "../../bundle/discover";

/**
 * Reads the env declarations of `defineApp({env})` by evaluating
 * `convex.config.*` in `convexDir`. Returns null when the app declares
 * none, and then without loading esbuild when there is no config.
 */
export async function readAppEnvDeclarations(
  convexDir: string,
): Promise<Map<string, EnvDeclaration> | null> {
  if (!findConfigFile(convexDir, "convex.config")) return null;
  // Loaded on demand, because it loads esbuild.
  const { loadEnvDeclarations } = await import("../../bundle/components");
  const outDir = mkdtempSync(path.join(tmpdir(), "convex-local-codegen-"));
  try {
    return await loadEnvDeclarations(convexDir, outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
