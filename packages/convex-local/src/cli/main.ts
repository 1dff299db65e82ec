import { CliError } from "./errors";
import type { Command } from "./command";
import { codegenCommand } from "./commands/codegen";
import { devCommand } from "./commands/dev";
import { envCommand } from "./commands/env";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { insightsCommand } from "./commands/insights";
import { resetCommand } from "./commands/reset";
import { runCommand } from "./commands/run";

const COMMANDS: Command[] = [
  devCommand,
  runCommand,
  envCommand,
  insightsCommand,
  exportCommand,
  importCommand,
  codegenCommand,
  resetCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map(
    (command) => `  ${command.name.padEnd(width)}  ${command.summary}`,
  );
  return `Usage: convex-local <command> [options]

A local Convex backend on SQLite for development and tests.

Commands:
${lines.join("\n")}

Run \`convex-local <command> --help\` for the options of a command.`;
}

/**
 * Runs the CLI with `argv` (the arguments after the script name) and
 * returns the exit code. CliErrors print their message only, other errors
 * their stack.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (
    name === undefined ||
    name === "--help" ||
    name === "-h" ||
    name === "help"
  ) {
    const topic = COMMANDS.find((command) => command.name === rest[0]);
    process.stdout.write(`${topic ? topic.help : usage()}\n`);
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}\n`);
    return 1;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`Error: ${error.message}\n`);
      return 1;
    }
    const text = formatUnexpectedError(error);
    process.stderr.write(`${text}\n`);
    return 1;
  }
}

/**
 * Formats an error that is not a CliError. esbuild failures list every
 * problem with its file and line in the message, so their stack adds
 * nothing. Other errors keep the stack.
 */
function formatUnexpectedError(error: unknown): string {
  if (!(error instanceof Error)) {
    return `Error: ${String(error)}`;
  }
  const isBuildFailure = Array.isArray((error as { errors?: unknown }).errors);
  if (isBuildFailure || error.stack === undefined) {
    return `Error: ${error.message}`;
  }
  return error.stack;
}

/** True when this file is the process entry, directly or through the bin. */
const isEntry =
  process.argv[1] !== undefined &&
  /(?:convex-local(?:\.mjs)?|cli[\\/]main\.ts)$/.test(process.argv[1]);

if (isEntry) {
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
  // A handle left open by a library must not keep a finished command alive.
  setTimeout(() => process.exit(code), 2000).unref();
}
