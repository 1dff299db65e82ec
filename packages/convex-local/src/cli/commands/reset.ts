import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

import type { Command } from "../command";
import {
  parseCommandArgs,
  PROJECT_OPTIONS,
  PROJECT_OPTIONS_HELP,
  projectPaths,
} from "../command";
import { CliError } from "../errors";
import { readLiveServerRecord } from "../state";

const HELP = `Usage: convex-local reset [options]

Deletes the state folder: all documents, files, environment variables and the
admin key. Stop the backend first; reset refuses while one runs on the folder.

Options:
${PROJECT_OPTIONS_HELP}
  -h, --help       Show this help`;

/** `convex-local reset`: deletes the state folder of a stopped backend. */
export const resetCommand: Command = {
  name: "reset",
  summary: "Delete all local data (the state folder)",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      "reset",
      argv,
      PROJECT_OPTIONS,
    );
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length > 0) {
      throw new CliError(
        "invalidArguments",
        `reset takes no arguments, got ${positionals.join(" ")}. Run \`convex-local reset --help\` for usage.`,
      );
    }
    const { projectDir, stateDir } = projectPaths(values);
    if (!existsSync(stateDir)) {
      process.stdout.write(`Nothing to reset: ${stateDir} does not exist\n`);
      return 0;
    }
    const running = readLiveServerRecord(stateDir);
    if (running !== undefined) {
      throw new CliError(
        "serverRunning",
        `A backend (process ${running.pid}, ${running.url}) is using ${stateDir}. Stop it, then run reset again.`,
      );
    }
    checkIsStateFolder(stateDir, projectDir);
    rmSync(stateDir, { recursive: true, force: true });
    process.stdout.write(`Deleted ${stateDir}\n`);
    return 0;
  },
};

/**
 * Guards against deleting a folder that is not a state folder, for example
 * after a mistyped `--state`: it must contain the `admin-key` every backend
 * writes and must not contain the project itself.
 */
function checkIsStateFolder(stateDir: string, projectDir: string): void {
  const containsProject = !path.relative(stateDir, projectDir).startsWith("..");
  const entries = readdirSync(stateDir);
  if (
    containsProject ||
    (entries.length > 0 && !entries.includes("admin-key"))
  ) {
    throw new CliError(
      "invalidArguments",
      `${stateDir} does not look like a convex-local state folder (no admin-key file, or it contains the project), so reset leaves it alone.`,
    );
  }
}
