import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { formatInsights } from "../../src/cli/commands/insights";
import type { InsightJson } from "../../src/http/insights-route";
import {
  runCli,
  startFixtureBackend,
  type TestBackend,
} from "./backend-helpers";

let backend: TestBackend;

beforeAll(async () => {
  backend = await startFixtureBackend("basic-app");
  const increments = Array.from({ length: 8 }, () =>
    backend.engine.runMutation({
      path: "counters:increment",
      args: { name: "hot" },
      caller: { kind: "anonymous" },
    }),
  );
  await Promise.all(increments);
});

afterAll(async () => {
  await backend.close();
});

async function getInsights(authorization?: string) {
  return fetch(`${backend.url}/api/local/insights`, {
    headers: authorization ? { authorization } : {},
  });
}

describe("GET /api/local/insights", () => {
  test("returns occRetried rows", async () => {
    const response = await getInsights(`Convex ${backend.adminKey}`);
    expect(response.status).toBe(200);
    const { insights } = (await response.json()) as {
      insights: InsightJson[];
    };
    const retried = insights.find(
      (insight) =>
        insight.kind === "occRetried" &&
        insight.functionId === "counters:increment",
    );
    expect(retried).toBeDefined();
    expect(retried!.componentPath).toBeNull();
    expect(retried!.details.occTableName).toBe("counters");
    expect(retried!.details.occCalls).toBeGreaterThan(0);
    const event = retried!.details.recentEvents[0]!;
    expect(event.occ_write_source).toBe("counters:increment");
    expect(event.occ_document_id).toMatch(/^[0-9a-z]+$/);
    expect(Number.isInteger(event.occ_retry_count)).toBe(true);
  });

  test.each([
    ["no header", undefined],
    ["wrong key", "Convex not-the-key"],
  ])("rejects %s", async (_case, authorization) => {
    const response = await getInsights(authorization);
    expect(response.status).toBe(401);
  });
});

describe("convex-local insights", () => {
  test("prints the retried row", async () => {
    const run = await runCli(backend, "insights");
    expect(run.code).toBe(0);
    const row = run.stdout
      .split("\n")
      .find((line) => line.startsWith("OCC Retried"));
    expect(row).toBeDefined();
    expect(row!.split(/\s{2,}/).slice(1, 3)).toEqual([
      "counters:increment",
      "counters",
    ]);
    expect(Number(row!.split(/\s{2,}/)[3])).toBeGreaterThan(0);
  });

  test("prints JSON with --json", async () => {
    const run = await runCli(backend, "insights", "--json");
    expect(run.code).toBe(0);
    const insights = JSON.parse(run.stdout) as InsightJson[];
    expect(insights.some((insight) => insight.kind === "occRetried")).toBe(
      true,
    );
  });

  test("rejects positional arguments", async () => {
    const run = await runCli(backend, "insights", "extra");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("takes no arguments");
  });
});

describe("formatInsights", () => {
  const insight = (
    kind: InsightJson["kind"],
    componentPath: string | null,
    occCalls: number,
  ): InsightJson => ({
    kind,
    functionId: "lib:add",
    componentPath,
    details: { occCalls, occTableName: "shards", recentEvents: [] },
  });

  test("aligns rows under the header", () => {
    const text = formatInsights([
      insight("occFailedPermanently", "shardedCounter", 12),
      insight("occRetried", null, 3),
    ]);
    expect(text.split("\n")).toEqual([
      "Insight                 Function                Table   Count",
      "OCC Failed Permanently  shardedCounter/lib:add  shards  12",
      "OCC Retried             lib:add                 shards  3",
    ]);
  });

  test("reports no insights", () => {
    expect(formatInsights([])).toContain("No insights");
  });
});
