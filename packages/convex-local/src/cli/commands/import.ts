import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

import {
  adminRequest,
  CONNECTION_OPTIONS,
  CONNECTION_OPTIONS_HELP,
  resolveConnection,
  type Connection,
} from "../client";
import type { Command } from "../command";
import {
  parseCommandArgs,
  PROJECT_OPTIONS,
  PROJECT_OPTIONS_HELP,
  projectPaths,
} from "../command";
import { CliError } from "../errors";

const HELP = `Usage: convex-local import --path FILE [--replace | --append] [options]

Imports a JSONL file written by \`convex-local export\` into the running
backend: one {"componentPath", "table", "document"} object per line.
Documents keep their _id and _creationTime when the ID belongs to the
table in this backend and is free; others get new ones. Every document is
checked against its component's schema. Without --replace or --append,
the import fails unless all tables in FILE are empty.

Options:
  --path FILE      JSONL file to read
  --replace        Delete the documents of each table in FILE first
  --append         Add to the documents already in the tables
${PROJECT_OPTIONS_HELP}
${CONNECTION_OPTIONS_HELP}
  -h, --help       Show this help`;

/** Request bodies stay well under the server's 20 MiB limit. */
const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

type TableDocuments = {
  componentPath: string;
  table: string;
  /** Documents as JSON text, so chunks can be sized without re-encoding. */
  documents: string[];
};

type ImportResponse = { imported: number; idsKept: number; deleted: number };

function invalidLine(file: string, line: number, problem: string): CliError {
  return new CliError(
    "invalidArguments",
    `Invalid line ${line} of ${file}: ${problem}`,
  );
}

/**
 * Reads FILE and groups its documents by table, in order of appearance.
 * NOTE: the whole file is held in memory, which suits development data
 * sets but not exports of many gigabytes.
 */
async function readTables(file: string): Promise<TableDocuments[]> {
  const tables = new Map<string, TableDocuments>();
  const lines = createInterface({ input: createReadStream(file) });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === "") continue;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw invalidLine(file, number, (error as Error).message);
    }
    const { componentPath, table, document } = entry ?? {};
    if (
      typeof componentPath !== "string" ||
      typeof table !== "string" ||
      typeof document !== "object" ||
      document === null ||
      Array.isArray(document)
    ) {
      throw invalidLine(
        file,
        number,
        'expected {"componentPath": string, "table": string, "document": object}',
      );
    }
    const key = JSON.stringify([componentPath, table]);
    let group = tables.get(key);
    if (!group) {
      group = { componentPath, table, documents: [] };
      tables.set(key, group);
    }
    group.documents.push(JSON.stringify(document));
  }
  return [...tables.values()];
}

/** Splits JSON texts into arrays whose encoding stays under the limit. */
function chunkDocuments(documents: string[]): string[][] {
  const chunks: string[][] = [[]];
  let size = 0;
  for (const document of documents) {
    const current = chunks[chunks.length - 1]!;
    if (current.length > 0 && size + document.length > MAX_CHUNK_BYTES) {
      chunks.push([document]);
      size = document.length;
    } else {
      current.push(document);
      size += document.length;
    }
  }
  return chunks;
}

function describeTable(group: TableDocuments): string {
  return group.componentPath === ""
    ? group.table
    : `${group.componentPath}/${group.table}`;
}

async function importTable(
  connection: Connection,
  group: TableDocuments,
  replace: boolean,
): Promise<ImportResponse> {
  const total: ImportResponse = { imported: 0, idsKept: 0, deleted: 0 };
  let mode = replace ? "replace" : "append";
  for (const chunk of chunkDocuments(group.documents)) {
    const response = (await adminRequest(
      connection,
      "POST",
      "/api/local/import",
      {
        componentPath: group.componentPath,
        table: group.table,
        documents: chunk.map((text) => JSON.parse(text) as unknown),
        mode,
      },
    )) as ImportResponse;
    total.imported += response.imported;
    total.idsKept += response.idsKept;
    total.deleted += response.deleted;
    mode = "append";
  }
  return total;
}

/** `convex-local import`: loads a JSONL export through `/api/local/import`. */
export const importCommand: Command = {
  name: "import",
  summary: "Import documents from a JSONL export",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs("import", argv, {
      ...PROJECT_OPTIONS,
      ...CONNECTION_OPTIONS,
      path: { type: "string" },
      replace: { type: "boolean" },
      append: { type: "boolean" },
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (values.path === undefined || positionals.length > 0) {
      throw new CliError(
        "invalidArguments",
        "Expected --path FILE and no other arguments. Run `convex-local import --help` for usage.",
      );
    }
    if (values.replace && values.append) {
      throw new CliError(
        "invalidArguments",
        "Pass at most one of --replace and --append.",
      );
    }
    const file = path.resolve(values.path);
    const { stateDir } = projectPaths(values);
    const connection = resolveConnection(stateDir, values);
    const tables = await readTables(file).catch((error: unknown) => {
      if (error instanceof CliError) throw error;
      throw new CliError(
        "invalidArguments",
        `Failed to read ${file}: ${(error as Error).message}`,
        { cause: error },
      );
    });
    if (!values.replace && !values.append) {
      // Checks every table before writing to any, so an import that meets
      // a non-empty table writes nothing.
      for (const group of tables) {
        await adminRequest(connection, "POST", "/api/local/import", {
          componentPath: group.componentPath,
          table: group.table,
          documents: [],
          mode: "requireEmpty",
        });
      }
    }
    let imported = 0;
    for (const group of tables) {
      const result = await importTable(
        connection,
        group,
        values.replace === true,
      );
      imported += result.imported;
      const replaced =
        result.deleted > 0 ? `, replacing ${result.deleted}` : "";
      process.stdout.write(
        `Imported ${result.imported} documents into ${describeTable(group)}${replaced}\n`,
      );
      const renamed = result.imported - result.idsKept;
      if (renamed > 0) {
        process.stderr.write(
          `Warning: ${renamed} documents of ${describeTable(group)} got new IDs, because their IDs belong to another table number or are taken\n`,
        );
      }
    }
    process.stdout.write(
      `Imported ${imported} documents into ${tables.length} tables from ${file}\n`,
    );
    return 0;
  },
};
