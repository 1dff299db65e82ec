import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

import { CliError } from "./errors";

/** One `convex-local` subcommand. */
export type Command = {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text, printed for `--help`. */
  help: string;
  /** Runs the command with the arguments after its name and returns the exit code. */
  run(argv: string[]): Promise<number>;
};

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses `argv` with node:util parseArgs in strict mode, turning its errors
 * into CliErrors that name the command.
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(
      "invalidArguments",
      `${(error as Error).message}. Run \`convex-local ${command} --help\` for usage.`,
    );
  }
}

/** Options every command that reaches a project accepts. */
export const PROJECT_OPTIONS = {
  dir: { type: "string" },
  state: { type: "string" },
} as const satisfies Options;

/** Help lines for `PROJECT_OPTIONS`. */
export const PROJECT_OPTIONS_HELP = `  --dir DIR        Folder that contains convex/ (default: current folder)
  --state DIR      State folder (default: DIR/.convex-local)`;

/** Resolves `--dir` and `--state` to absolute paths. */
export function projectPaths(values: { dir?: string; state?: string }): {
  projectDir: string;
  stateDir: string;
} {
  const projectDir = path.resolve(values.dir ?? ".");
  const stateDir = values.state
    ? path.resolve(values.state)
    : path.join(projectDir, ".convex-local");
  return { projectDir, stateDir };
}

/** Parses a port option, or returns `fallback` when it is absent. */
export function parsePort(
  option: string,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) {
    return fallback;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(
      "invalidArguments",
      `Invalid ${option} "${value}": expected a port number from 0 to 65535`,
    );
  }
  return port;
}
