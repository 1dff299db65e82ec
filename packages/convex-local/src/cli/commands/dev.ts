import { mkdtempSync, rmSync, statSync, watch, type FSWatcher } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Backend } from "../../index";
import { createLogger, type Logger } from "../../logger";
import { generateProjectCode } from "../codegen";
import type { Command } from "../command";
import {
  parseCommandArgs,
  parsePort,
  PROJECT_OPTIONS,
  PROJECT_OPTIONS_HELP,
  projectPaths,
} from "../command";

/** Quiet period after the last file change before reloading, in milliseconds. */
const RELOAD_DEBOUNCE_MS = 150;

const HELP = `Usage: convex-local dev [options]

Runs the local backend for DIR/convex: writes convex/_generated, bundles the
functions, serves the API and WebSocket sync on --port and HTTP actions on
--site-port, and reloads when files in convex/ change. Function logs go to
stderr with the function name and request id. Stop with Ctrl+C.

Options:
${PROJECT_OPTIONS_HELP}
  --port PORT      API port (default: 3210)
  --site-port PORT HTTP actions port (default: 3211)
  --once           Generate code and check that the functions bundle and
                   load, then exit without serving
  -h, --help       Show this help`;

/** `convex-local dev`: serves the app and reloads it on change. */
export const devCommand: Command = {
  name: "dev",
  summary: "Run the local backend and reload on change",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs("dev", argv, {
      ...PROJECT_OPTIONS,
      port: { type: "string" },
      "site-port": { type: "string" },
      once: { type: "boolean" },
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length > 0) {
      process.stderr.write(
        `Ignoring extra arguments: ${positionals.join(" ")}\n`,
      );
    }
    const { projectDir, stateDir } = projectPaths(values);
    const port = parsePort("--port", values.port, 3210);
    const sitePort = parsePort("--site-port", values["site-port"], 3211);
    const logger = createLogger("convex-local");

    await generateProjectCode({ projectDir });
    if (values.once) {
      await checkBundle(projectDir, logger);
      process.stdout.write("Functions bundled and loaded without errors\n");
      return 0;
    }

    // Loaded on demand so that the other commands start without esbuild and
    // SQLite.
    const { startBackend } = await import("../../index");
    const backend = await startBackend({
      projectDir,
      stateDir,
      port,
      sitePort,
      logger,
    });
    process.stdout.write(
      [
        `Convex functions ready for ${path.join(projectDir, "convex")}`,
        `  API and sync:  ${backend.url}`,
        `  HTTP actions:  ${backend.siteUrl}`,
        // The key itself stays out of logs: it can run internal functions.
        `  Admin key in:  ${path.join(stateDir, "admin-key")}`,
        `  State folder:  ${stateDir}`,
        "",
      ].join("\n"),
    );
    const functionLogger = createLogger("functions");
    backend.engine.onFunctionLog((udfPath, requestId, lines) => {
      for (const line of lines) {
        functionLogger.info(
          `${udfPath} (request ${requestId || "none"}): ${line}`,
        );
      }
    });
    const watcher = watchFunctions(projectDir, backend, logger);
    return waitForSignal(backend, watcher, logger);
  },
};

/**
 * Loads the app into a throwaway engine, which bundles every module and
 * evaluates it, then closes it. Errors propagate with esbuild's or the
 * module's message.
 */
async function checkBundle(projectDir: string, logger: Logger) {
  const { createEngine } = await import("../../engine/create-engine");
  const stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-check-"));
  try {
    const engine = await createEngine({
      projectDir,
      stateDir,
      cloudUrl: "http://127.0.0.1:3210",
      siteUrl: "http://127.0.0.1:3211",
      logger,
    });
    await engine.close();
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/**
 * Watches `convex/` and, after a quiet period, regenerates code and reloads
 * the engine. Changes under `_generated/` and editor temp files are ignored,
 * so codegen's own writes do not trigger a reload. A reload that fails keeps
 * the previous functions and logs the error.
 */
function watchFunctions(
  projectDir: string,
  backend: Backend,
  logger: Logger,
): FSWatcher {
  const convexDir = path.join(projectDir, "convex");
  let timer: NodeJS.Timeout | undefined;
  let reloading: Promise<void> = Promise.resolve();
  const changed = new Set<string>();

  const reload = async () => {
    const files = [...changed].join(", ");
    changed.clear();
    const started = performance.now();
    try {
      await generateProjectCode({ projectDir });
      await backend.engine.reload();
      const elapsed = Math.round(performance.now() - started);
      logger.info(
        `Reloaded functions in ${elapsed} ms after changes to ${files}`,
      );
    } catch (error) {
      logger.error(
        `Reload after changes to ${files} failed, so the previous functions keep running: ${(error as Error).message}`,
      );
    }
  };

  const watcher = watch(convexDir, { recursive: true }, (_event, file) => {
    const name = file?.toString() ?? "";
    if (isIgnored(convexDir, name)) {
      return;
    }
    changed.add(name || "convex/");
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Reloads run one at a time, in the order of the changes.
      reloading = reloading.then(reload);
    }, RELOAD_DEBOUNCE_MS);
  });
  watcher.on("error", (error) => {
    logger.error(
      `Watching ${convexDir} failed, so changes no longer reload: ${error.message}`,
    );
  });
  watcher.on("close", () => clearTimeout(timer));
  return watcher;
}

/**
 * Reports whether a change to `file` (relative to `convexDir`) cannot affect
 * the functions: generated code, dotfiles, editor backups, and files without
 * an extension, such as the temp files of `sed -i`. Directories still count.
 */
function isIgnored(convexDir: string, file: string): boolean {
  const normalized = file.split(path.sep).join("/");
  const base = path.posix.basename(normalized);
  if (
    normalized === "_generated" ||
    normalized.startsWith("_generated/") ||
    base.startsWith(".") ||
    base.startsWith("#") ||
    base.endsWith("~")
  ) {
    return true;
  }
  if (base.includes(".") || base === "") {
    return false;
  }
  return !isDirectory(path.join(convexDir, file));
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Resolves with exit code 0 after SIGINT or SIGTERM once the watcher and
 * backend are closed. A second signal during shutdown exits at once with 1.
 */
function waitForSignal(
  backend: Backend,
  watcher: FSWatcher,
  logger: Logger,
): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn(
          `Received ${signal} again, exiting without a clean shutdown`,
        );
        process.exit(1);
      }
      stopping = true;
      logger.info(`Received ${signal}, shutting down`);
      watcher.close();
      backend.close().then(
        () => resolve(0),
        (error: unknown) => {
          logger.error(`Shutdown failed: ${(error as Error).message}`);
          resolve(1);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
