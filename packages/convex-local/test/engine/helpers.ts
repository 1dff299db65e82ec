import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createEngine, type LocalEngine } from "../../src/engine/create-engine";
import type { Caller, ConvexJson, FunctionCall } from "../../src/engine/types";

export const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");

export type TestEngine = {
  engine: LocalEngine;
  stateDir: string;
  /** Runs a query as an admin and returns its value, throwing on failure. */
  query(path: string, args?: ConvexJson, caller?: Caller): Promise<ConvexJson>;
  mutation(
    path: string,
    args?: ConvexJson,
    caller?: Caller,
  ): Promise<ConvexJson>;
  action(path: string, args?: ConvexJson, caller?: Caller): Promise<ConvexJson>;
  close(): Promise<void>;
};

const silent = { info() {}, warn() {}, error() {} };

function call(path: string, args: ConvexJson, caller: Caller): FunctionCall {
  return { path, args, caller };
}

function unwrap(result: {
  ok: boolean;
  value?: ConvexJson;
  errorMessage?: string;
}) {
  if (!result.ok) throw new Error(result.errorMessage);
  return result.value!;
}

/** Starts an engine on a fixture app with a fresh state folder. */
export async function startTestEngine(
  fixture: string,
  options: {
    stateDir?: string;
    projectDir?: string;
    retentionMs?: number;
    occMaxRetries?: number;
  } = {},
): Promise<TestEngine> {
  const stateDir =
    options.stateDir ??
    mkdtempSync(path.join(tmpdir(), "convex-local-engine-"));
  const engine = await createEngine({
    projectDir: options.projectDir ?? path.join(FIXTURES, fixture),
    stateDir,
    cloudUrl: "http://127.0.0.1:1",
    siteUrl: "http://127.0.0.1:2",
    logger: silent,
    adminKey: "test-admin-key",
    retentionMs: options.retentionMs,
    occMaxRetries: options.occMaxRetries,
  });
  const admin: Caller = { kind: "admin" };
  return {
    engine,
    stateDir,
    query: async (p, args = {}, caller = admin) =>
      unwrap(await engine.runQuery(call(p, args, caller))),
    mutation: async (p, args = {}, caller = admin) =>
      unwrap(await engine.runMutation(call(p, args, caller))),
    action: async (p, args = {}, caller = admin) =>
      unwrap(await engine.runAction(call(p, args, caller))),
    async close() {
      await engine.close();
      if (!options.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
