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
import type { InsightJson } from "../../http/insights-route";

const HELP = `Usage: convex-local insights [options]

Prints the write conflicts (OCC) the running backend has seen since it
started: one row per kind, function and table, most calls first. "OCC
Retried" counts conflicts that the backend retried, and "OCC Failed
Permanently" counts mutations that failed after the last retry.

Options:
${PROJECT_OPTIONS_HELP}
${CONNECTION_OPTIONS_HELP}
  --json           Print the insights as JSON, with their recent events
  -h, --help       Show this help`;

const KIND_LABELS: Record<InsightJson["kind"], string> = {
  occRetried: "OCC Retried",
  occFailedPermanently: "OCC Failed Permanently",
};

/** Formats insights as aligned rows under a header line. */
export function formatInsights(insights: InsightJson[]): string {
  if (insights.length === 0) {
    return "No insights: no write conflicts since the backend started.";
  }
  const rows = insights.map((insight) => [
    KIND_LABELS[insight.kind],
    insight.componentPath === null
      ? insight.functionId
      : `${insight.componentPath}/${insight.functionId}`,
    insight.details.occTableName,
    String(insight.details.occCalls),
  ]);
  const header = ["Insight", "Function", "Table", "Count"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** `convex-local insights`: OCC insights through `/api/local/insights`. */
export const insightsCommand: Command = {
  name: "insights",
  summary: "Show write conflict (OCC) insights of the running backend",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs("insights", argv, {
      ...PROJECT_OPTIONS,
      ...CONNECTION_OPTIONS,
      json: { type: "boolean" },
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length > 0) {
      throw new CliError(
        "invalidArguments",
        "insights takes no arguments. Run `convex-local insights --help` for usage.",
      );
    }
    const { stateDir } = projectPaths(values);
    const connection = resolveConnection(stateDir, values);
    const { insights } = (await adminRequest(
      connection,
      "GET",
      "/api/local/insights",
    )) as { insights: InsightJson[] };
    const text = values.json
      ? JSON.stringify(insights, null, 2)
      : formatInsights(insights);
    process.stdout.write(`${text}\n`);
    return 0;
  },
};
