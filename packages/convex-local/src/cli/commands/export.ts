import { createWriteStream, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";

import {
  adminFetch,
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

const HELP = `Usage: convex-local export --path FILE [options]

Writes every document of every user table of the running backend, the
installed components' tables included, to FILE as JSONL: one
{"componentPath", "table", "document"} object per line, all read at one
snapshot. Documents keep their _id and _creationTime, so \`convex-local
import\` restores them exactly. System tables (_storage,
_scheduled_functions) and stored files are not exported.

Options:
  --path FILE      File to write; replaced only once the export finished
  --ts NANOSECONDS Snapshot timestamp to read at (default: latest)
${PROJECT_OPTIONS_HELP}
${CONNECTION_OPTIONS_HELP}
  -h, --help       Show this help`;

/** Counts newline bytes of the stream passing through. */
function lineCounter() {
  const counter = { lines: 0 };
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      for (const byte of chunk) if (byte === 0x0a) counter.lines += 1;
      callback(null, chunk);
    },
  });
  return { counter, transform };
}

/** `convex-local export`: a JSONL snapshot through `/api/local/export`. */
export const exportCommand: Command = {
  name: "export",
  summary: "Export all documents to a JSONL file",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs("export", argv, {
      ...PROJECT_OPTIONS,
      ...CONNECTION_OPTIONS,
      path: { type: "string" },
      ts: { type: "string" },
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }

    if (values.path === undefined || positionals.length > 0) {
      throw new CliError(
        "invalidArguments",
        "Expected --path FILE and no other arguments. Run `convex-local export --help` for usage.",
      );
    }
    if (values.ts !== undefined && !/^\d+$/.test(values.ts)) {
      throw new CliError(
        "invalidArguments",
        `Invalid --ts "${values.ts}": expected a timestamp in nanoseconds`,
      );
    }

    const { stateDir } = projectPaths(values);
    const connection = resolveConnection(stateDir, values);
    const query = values.ts === undefined ? "" : `?ts=${values.ts}`;
    const response = await adminFetch(
      connection,
      "GET",
      `/api/local/export${query}`,
    );

    // The stream goes to a side file first, so a failed export never
    // replaces an earlier FILE.
    const target = path.resolve(values.path);
    const partial = `${target}.partial`;
    const { counter, transform } = lineCounter();
    try {
      await pipeline(
        Readable.fromWeb(response.body as ReadableStream<Uint8Array>),
        transform,
        createWriteStream(partial),
      );
    } catch (error) {
      rmSync(partial, { force: true });
      throw new CliError(
        "requestFailed",
        `Export to ${target} failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    renameSync(partial, target);

    const ts = response.headers.get("convex-snapshot-ts") ?? "unknown";
    process.stdout.write(
      `Exported ${counter.lines} documents at snapshot ${ts} to ${target}\n`,
    );
    return 0;
  },
};
