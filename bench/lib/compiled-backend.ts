import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  buildIfStale,
  distDir,
} from "../../packages/convex-local/scripts/build.mjs";

type ConvexLocal = typeof import("../../packages/convex-local/src/index");

/**
 * Loads packages/convex-local as its CLI runs it: compiled to plain
 * JavaScript, not through the TypeScript loader that runs the benchmark.
 */
export async function loadCompiledBackend(): Promise<ConvexLocal> {
  await buildIfStale();
  const entry = pathToFileURL(path.join(distDir, "index.mjs")).href;
  return (await import(entry)) as ConvexLocal;
}
