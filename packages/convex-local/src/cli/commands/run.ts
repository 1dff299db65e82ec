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

const HELP = `Usage: convex-local run <function> [args] [options]

Runs a query, mutation or action on the running backend with admin rights,
so internal functions work too, and prints its return value as JSON.

Arguments:
  function         Function path, e.g. forms:list or seed:demo
  args             Arguments as a JSON object (default: {})

Options:
${PROJECT_OPTIONS_HELP}
${CONNECTION_OPTIONS_HELP}
  --component PATH Run the function of an installed component, e.g. shardedCounter
  --identity JSON  Run as this user identity, e.g. '{"subject":"u1","issuer":"test"}'
  -h, --help       Show this help`;

/** A `/api/function` response body. */
type FunctionResponse =
  | { status: "success"; value: unknown; logLines?: string[] }
  | {
      status: "error";
      errorMessage: string;
      errorData?: unknown;
      logLines?: string[];
    };

/** `convex-local run`: runs one function through `/api/function`. */
export const runCommand: Command = {
  name: "run",
  summary: "Run a function on the running backend",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs("run", argv, {
      ...PROJECT_OPTIONS,
      ...CONNECTION_OPTIONS,
      component: { type: "string" },
      identity: { type: "string" },
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const [functionPath, argsJson = "{}", ...extra] = positionals;
    if (functionPath === undefined || extra.length > 0) {
      throw new CliError(
        "invalidArguments",
        "Expected a function path and at most one JSON argument object. Run `convex-local run --help` for usage.",
      );
    }
    const args = parseJsonObject("args", argsJson);
    const { stateDir } = projectPaths(values);
    const connection = resolveConnection(stateDir, values);
    const authorization =
      values.identity === undefined
        ? undefined
        : `Convex ${connection.adminKey}:${Buffer.from(JSON.stringify(parseJsonObject("--identity", values.identity))).toString("base64")}`;

    const response = (await adminRequest(
      connection,
      "POST",
      "/api/function",
      {
        path: functionPath,
        args,
        format: "json",
        ...(values.component ? { componentPath: values.component } : {}),
      },
      authorization,
    )) as FunctionResponse;

    for (const line of response.logLines ?? []) {
      process.stderr.write(`${line}\n`);
    }
    if (response.status === "success") {
      process.stdout.write(
        `${JSON.stringify(response.value ?? null, null, 2)}\n`,
      );
      return 0;
    }
    process.stderr.write(
      `Function ${functionPath} failed: ${response.errorMessage}\n`,
    );
    if (response.errorData !== undefined) {
      process.stderr.write(
        `Error data: ${JSON.stringify(response.errorData, null, 2)}\n`,
      );
    }
    return 1;
  },
};

function parseJsonObject(name: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      "invalidArguments",
      `Invalid ${name}: ${(error as Error).message}. Pass a JSON object such as '{"name": "Maple"}'.`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(
      "invalidArguments",
      `Invalid ${name}: expected a JSON object, got ${text}`,
    );
  }
  return value as Record<string, unknown>;
}
