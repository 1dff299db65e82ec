import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { checkImportTable } from "../engine/snapshot.js";
import type { ConvexJson } from "../engine/types.js";
import { requireAdmin } from "./authorization.js";
import { badRequest, HttpError } from "./errors.js";
import type { ApiRequest } from "./function-routes.js";
import { readJsonObject, sendJson } from "./io.js";

/** Handling of the documents already in the target table of an import. */
export type ImportMode = "requireEmpty" | "replace" | "append";

const IMPORT_MODES: readonly ImportMode[] = [
  "requireEmpty",
  "replace",
  "append",
];

/** Header of an export response that carries its snapshot timestamp. */
export const SNAPSHOT_TS_HEADER = "convex-snapshot-ts";

function snapshotTs(api: ApiRequest): bigint {
  const param = api.url.searchParams.get("ts");
  if (param === null) {
    return api.engine.latestTs();
  }
  if (!/^\d+$/.test(param)) {
    throw badRequest(
      "InvalidTimestamp",
      `Query parameter "ts" must be a timestamp in nanoseconds, got "${param}"`,
    );
  }
  const ts = BigInt(param);
  const latest = api.engine.latestTs();
  if (ts > latest) {
    // Commits after `latest` could still land at or below a later ts.
    throw badRequest(
      "InvalidTimestamp",
      `Snapshot ts ${ts} is after the latest commit ${latest}`,
    );
  }
  return ts;
}

function* exportLines(api: ApiRequest, ts: bigint): Generator<string> {
  for (const entry of api.engine.exportDocuments(ts)) {
    yield `${JSON.stringify(entry)}\n`;
  }
}

/**
 * `GET /api/local/export[?ts=<nanoseconds>]` (admin): streams every
 * document of every user table at one snapshot as JSONL, one
 * `{componentPath, table, document}` object per line.
 */
export async function exportSnapshot(api: ApiRequest) {
  await requireAdmin(api.engine, api.request.headers.authorization);
  const ts = snapshotTs(api);
  api.response.statusCode = 200;
  api.response.setHeader("Content-Type", "application/x-ndjson");
  api.response.setHeader(SNAPSHOT_TS_HEADER, ts.toString());
  try {
    await pipeline(Readable.from(exportLines(api, ts)), api.response);
  } catch (error) {
    // The status is sent already, so a failure can only cut the body short.
    api.logger.error(`Export at ts ${ts} failed: ${String(error)}`);
    api.response.destroy();
  }
}

type ImportRequest = {
  componentPath: string;
  table: string;
  documents: ConvexJson[];
  mode: ImportMode;
};

function parseImportRequest(body: Record<string, unknown>): ImportRequest {
  const { componentPath = "", table, documents, mode = "append" } = body;
  if (typeof componentPath !== "string") {
    throw badRequest("BadJsonBody", 'Field "componentPath" must be a string');
  }
  if (typeof table !== "string" || table === "") {
    throw badRequest("BadJsonBody", 'Field "table" must be a table name');
  }
  if (!Array.isArray(documents)) {
    throw badRequest("BadJsonBody", 'Field "documents" must be an array');
  }
  if (!IMPORT_MODES.includes(mode as ImportMode)) {
    throw badRequest(
      "BadJsonBody",
      `Field "mode" must be one of ${IMPORT_MODES.join(", ")}, got ${JSON.stringify(mode)}`,
    );
  }
  return {
    componentPath,
    table,
    documents: documents as ConvexJson[],
    mode: mode as ImportMode,
  };
}

function givenId(document: ConvexJson): unknown {
  return typeof document === "object" && document !== null
    ? (document as Record<string, unknown>)._id
    : undefined;
}

/**
 * `POST /api/local/import {componentPath, table, documents, mode}` (admin):
 * inserts documents into one table. Mode `requireEmpty` rejects a table
 * that has documents, `replace` deletes them first and `append` keeps
 * them. Returns `{imported, idsKept, deleted}`, where `idsKept` counts the
 * documents that kept their `_id`.
 */
export async function importSnapshot(api: ApiRequest) {
  await requireAdmin(api.engine, api.request.headers.authorization);
  const { componentPath, table, documents, mode } = parseImportRequest(
    await readJsonObject(api.request),
  );
  const where = `table "${table}" of component "${componentPath}"`;
  let deleted = 0;
  try {
    // Checked before the mode, whose count and deletion would otherwise
    // report on a system table or suggest a mode that fails as well.
    checkImportTable(table);
    if (mode === "requireEmpty") {
      const count = api.engine.countDocuments(componentPath, table);
      if (count > 0) {
        throw new HttpError(
          409,
          "TableNotEmpty",
          `The ${where} has ${count} documents. Import with mode "replace" or "append".`,
        );
      }
    } else if (mode === "replace") {
      // NOTE: deletion and import commit in separate transactions, so a
      // failed import leaves the table empty or partly filled.
      deleted = await api.engine.clearTable(componentPath, table);
    }
    const ids = await api.engine.importDocuments(
      componentPath,
      table,
      documents,
    );
    const idsKept = ids.filter(
      (id, index) => id === givenId(documents[index]!),
    ).length;
    sendJson(api.response, 200, { imported: ids.length, idsKept, deleted });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw badRequest(
      "ImportFailed",
      `Failed to import into the ${where}: ${(error as Error).message}`,
    );
  }
}
