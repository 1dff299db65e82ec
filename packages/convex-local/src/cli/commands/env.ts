import {
  adminRequest,
  CONNECTION_OPTIONS,
  CONNECTION_OPTIONS_HELP,
  resolveConnection,
} from "../client";
import type { Command } from "../command";
import {
  parseCommandArgs,
  PROJECT_OPTIONS,
  PROJECT_OPTIONS_HELP,
  projectPaths,
} from "../command";
import { CliError } from "../errors";

const HELP = `Usage: convex-local env <set|get|list|remove> [options]

Reads and changes the environment variables of the running backend. Functions
see them in process.env.

Subcommands:
  set NAME VALUE   Set a variable (also: set NAME=VALUE). VALUE may start
                   with "-", as PEM keys do
  get NAME         Print a variable's value
  list             Print all variables as NAME=VALUE lines
  remove NAME      Remove a variable

Options:
${PROJECT_OPTIONS_HELP}
${CONNECTION_OPTIONS_HELP}
  -h, --help       Show this help`;

/** `convex-local env`: environment variables of the running backend. */
export const envCommand: Command = {
  name: "env",
  summary: "Set, get, list or remove environment variables",
  help: HELP,
  async run(argv) {
    const options = { ...PROJECT_OPTIONS, ...CONNECTION_OPTIONS };
    const { values, positionals } = parseCommandArgs(
      "env",
      positionalsLast(argv, options),
      options,
    );
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const [subcommand, ...rest] = positionals;
    const { stateDir } = projectPaths(values);
    const connection = () => resolveConnection(stateDir, values);

    switch (subcommand) {
      case "set": {
        const [name, value] = nameAndValue(rest);
        await adminRequest(
          connection(),
          "POST",
          "/api/update_environment_variables",
          {
            changes: [{ name, value }],
          },
        );
        process.stdout.write(`Set ${name}\n`);
        return 0;
      }
      case "get": {
        const name = singleName("get", rest);
        const variables = await listVariables(connection());
        const value = variables[name];
        if (value === undefined) {
          process.stderr.write(`Environment variable ${name} not found\n`);
          return 1;
        }
        process.stdout.write(`${value}\n`);
        return 0;
      }
      case "list": {
        if (rest.length > 0) {
          throw usage("list takes no arguments");
        }
        const variables = await listVariables(connection());
        for (const name of Object.keys(variables).sort()) {
          process.stdout.write(`${name}=${variables[name]}\n`);
        }
        return 0;
      }
      case "remove":
      case "unset": {
        const name = singleName("remove", rest);
        await adminRequest(
          connection(),
          "POST",
          "/api/update_environment_variables",
          {
            changes: [{ name }],
          },
        );
        process.stdout.write(`Removed ${name}\n`);
        return 0;
      }
      default:
        throw usage(
          subcommand === undefined
            ? "missing subcommand"
            : `unknown subcommand "${subcommand}"`,
        );
    }
  },
};

/**
 * Moves every argument that is not one of `options` (or its value) behind
 * a `--`, so that values starting with "-", such as PEM keys, stay
 * positional instead of failing as unknown options.
 */
function positionalsLast(
  argv: string[],
  options: Record<string, { type: "string" | "boolean" }>,
): string[] {
  const known: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (argument === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const name = argument.startsWith("--")
      ? argument.slice(2).split("=")[0]!
      : undefined;
    const option = name === undefined ? undefined : options[name];
    if (argument === "-h" || argument === "--help") {
      known.push(argument);
    } else if (option === undefined) {
      positionals.push(argument);
    } else if (option.type === "string" && !argument.includes("=")) {
      known.push(argument, ...argv.slice(i + 1, i + 2));
      i += 1;
    } else {
      known.push(argument);
    }
  }
  return [...known, "--", ...positionals];
}

async function listVariables(
  connection: ReturnType<typeof resolveConnection>,
): Promise<Record<string, string>> {
  const body = (await adminRequest(
    connection,
    "GET",
    "/api/list_environment_variables",
  )) as { environmentVariables?: Record<string, string> };
  return body.environmentVariables ?? {};
}

function nameAndValue(rest: string[]): [string, string] {
  if (rest.length === 1 && rest[0]!.includes("=")) {
    const [name, ...value] = rest[0]!.split("=");
    return [name!, value.join("=")];
  }
  if (rest.length !== 2) {
    throw usage("set takes NAME VALUE or NAME=VALUE");
  }
  return [rest[0]!, rest[1]!];
}

function singleName(subcommand: string, rest: string[]): string {
  if (rest.length !== 1) {
    throw usage(`${subcommand} takes exactly one NAME`);
  }
  return rest[0]!;
}

function usage(problem: string): CliError {
  return new CliError(
    "invalidArguments",
    `Invalid env command: ${problem}. Run \`convex-local env --help\` for usage.`,
  );
}
