import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { ExportedDocument } from "../../src/engine/snapshot";
import {
  mutate,
  runCli,
  startFixtureBackend,
  type TestBackend,
} from "./backend-helpers";

const backends: TestBackend[] = [];
let workDir: string;

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "convex-local-snapshot-"));
});

afterEach(async () => {
  await Promise.all(backends.splice(0).map((backend) => backend.close()));
  rmSync(workDir, { recursive: true, force: true });
});

async function start(): Promise<TestBackend> {
  const backend = await startFixtureBackend("basic-app");
  backends.push(backend);
  return backend;
}

/** Starts a backend with messages and a sharded counter in a component. */
async function startSeeded(): Promise<TestBackend> {
  const backend = await start();
  await mutate(backend, "messages:send", { author: "ana", body: "one" });
  await mutate(backend, "messages:send", { author: "ben", body: "two" });
  await mutate(backend, "sharded:add", { key: "visits" });
  await mutate(backend, "sharded:add", { key: "visits" });
  return backend;
}

function documentsOf(backend: TestBackend): ExportedDocument[] {
  return [...backend.engine.exportDocuments()];
}

describe("export and import", () => {
  test("round trip into fresh backend", async () => {
    const source = await startSeeded();
    const file = path.join(workDir, "snapshot.jsonl");
    const exported = await runCli(source, "export", "--path", file);
    expect(exported.code).toBe(0);
    const expected = documentsOf(source);
    expect(exported.stdout).toContain(`Exported ${expected.length} documents`);
    expect(
      expected.filter((entry) => entry.componentPath === "shardedCounter"),
    ).not.toHaveLength(0);

    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(expected);

    const target = await start();
    const imported = await runCli(target, "import", "--path", file);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe("");
    expect(documentsOf(target)).toEqual(expected);
    expect(
      await target.engine.runQuery({
        path: "sharded:count",
        args: { key: "visits" },
        caller: { kind: "admin" },
      }),
    ).toMatchObject({ ok: true, value: 2 });
  });

  test("import into non-empty table fails", async () => {
    const source = await startSeeded();
    const file = path.join(workDir, "snapshot.jsonl");
    await runCli(source, "export", "--path", file);
    const before = documentsOf(source);

    const run = await runCli(source, "import", "--path", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("TableNotEmpty");
    expect(documentsOf(source)).toEqual(before);
  });

  test("import --replace restores the snapshot", async () => {
    const source = await startSeeded();
    const file = path.join(workDir, "snapshot.jsonl");
    await runCli(source, "export", "--path", file);
    const snapshot = documentsOf(source);
    await mutate(source, "messages:send", { author: "cy", body: "three" });
    await mutate(source, "sharded:add", { key: "visits" });

    const run = await runCli(source, "import", "--path", file, "--replace");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("replacing");
    expect(documentsOf(source)).toEqual(snapshot);
  });

  test("import --append gives taken IDs new ones", async () => {
    const source = await startSeeded();
    const file = path.join(workDir, "snapshot.jsonl");
    await runCli(source, "export", "--path", file);
    const count = documentsOf(source).length;

    const run = await runCli(source, "import", "--path", file, "--append");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("got new IDs");
    expect(documentsOf(source)).toHaveLength(2 * count);
  });

  test("export at an earlier snapshot", async () => {
    const source = await start();
    await mutate(source, "messages:send", { author: "ana", body: "one" });
    const ts = source.engine.latestTs();
    await mutate(source, "messages:send", { author: "ben", body: "two" });
    const file = path.join(workDir, "old.jsonl");

    const run = await runCli(source, "export", "--path", file, "--ts", `${ts}`);
    expect(run.code).toBe(0);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(run.stdout).toContain(`at snapshot ${ts}`);
  });
});

describe("import input checks", () => {
  test.each([
    ["not JSON", "{not json", "Invalid line 1"],
    ["missing table", '{"componentPath":"","document":{}}', "Invalid line 1"],
    [
      "array document",
      '{"componentPath":"","table":"t","document":[]}',
      "Invalid line 1",
    ],
  ])("rejects %s", async (_case, line, message) => {
    const backend = await start();
    const file = path.join(workDir, "bad.jsonl");
    writeFileSync(file, `${line}\n`);
    const run = await runCli(backend, "import", "--path", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
  });

  test("rejects --replace with --append", async () => {
    const backend = await start();
    const run = await runCli(
      backend,
      "import",
      "--path",
      "x.jsonl",
      "--replace",
      "--append",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("at most one");
  });

  test("rejects unknown component", async () => {
    const backend = await start();
    const file = path.join(workDir, "component.jsonl");
    const entry = { componentPath: "missing", table: "t", document: { a: 1 } };
    writeFileSync(file, `${JSON.stringify(entry)}\n`);
    const run = await runCli(backend, "import", "--path", file, "--append");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Component "missing" not found');
  });

  test("rejects a non-empty system table", async () => {
    const backend = await start();
    await mutate(backend, "jobs:later", { label: "pending", delayMs: 60_000 });
    const file = path.join(workDir, "system.jsonl");
    const entry = {
      componentPath: "",
      table: "_scheduled_functions",
      document: { name: "jobs:record" },
    };
    writeFileSync(file, `${JSON.stringify(entry)}\n`);
    const run = await runCli(backend, "import", "--path", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Cannot import into the system table "_scheduled_functions"',
    );
    expect(run.stderr).not.toContain("TableNotEmpty");
  });

  test("rejects a document off the schema", async () => {
    const backend = await start();
    const file = path.join(workDir, "schema.jsonl");
    const entry = {
      componentPath: "",
      table: "messages",
      document: { author: "x", body: 1 },
    };
    writeFileSync(file, `${JSON.stringify(entry)}\n`);
    const run = await runCli(backend, "import", "--path", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ImportFailed");
    expect(run.stderr).toContain("does not match the schema");
  });
});

describe("admin snapshot routes", () => {
  test.each([
    ["GET", "/api/local/export"],
    ["POST", "/api/local/import"],
  ])("%s %s needs the admin key", async (method, route) => {
    const backend = await start();
    const response = await fetch(`${backend.url}${route}`, { method });
    expect(response.status).toBe(401);
  });

  test("export rejects a bad ts", async () => {
    const backend = await start();
    const future = backend.engine.latestTs() + 1_000_000_000n;
    for (const ts of ["soon", `${future}`]) {
      const response = await fetch(`${backend.url}/api/local/export?ts=${ts}`, {
        headers: { authorization: `Convex ${backend.adminKey}` },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "InvalidTimestamp",
      });
    }
  });
});
