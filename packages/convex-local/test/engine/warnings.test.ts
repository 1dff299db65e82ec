import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TIMEOUT_MS } from "../../src/engine/execution";
import type { ConvexJson } from "../../src/engine/types";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

const admin = { kind: "admin" } as const;
const HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";
const UNAWAITED_ADVICE =
  "Async operations should be awaited or they might not run. See https://docs.convex.dev/functions/actions#dangling-promises for more information.";

/** Runs a function and returns its `[WARN]` log lines, failing on an error. */
async function warnings(
  kind: "query" | "mutation" | "action",
  path: string,
  args: ConvexJson,
): Promise<string[]> {
  const call = { path, args, caller: admin };
  const result =
    kind === "query"
      ? await t.engine.runQuery(call)
      : kind === "mutation"
        ? await t.engine.runMutation(call)
        : await t.engine.runAction(call);
  if (!result.ok) throw new Error(result.errorMessage);
  return result.logLines.filter((line) => line.startsWith("[WARN]"));
}

/** Builds an object nested `depth` levels deep: `{a: {a: … null}}`. */
function nested(depth: number): ConvexJson {
  let value: ConvexJson = null;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

/** Runs `body` with a lower timeout for one kind of function. */
async function withTimeout<T>(
  kind: keyof typeof TIMEOUT_MS,
  ms: number,
  body: () => Promise<T>,
): Promise<T> {
  const previous = TIMEOUT_MS[kind];
  TIMEOUT_MS[kind] = ms;
  try {
    return await body();
  } finally {
    TIMEOUT_MS[kind] = previous;
  }
}

describe("query and mutation warnings", () => {
  // `[{payload: "x" * n}]` measures n + 14 bytes, and 80% of 16 MiB is
  // 13421772 bytes.
  test("arguments just over 80% warn", async () => {
    expect(
      await warnings("mutation", "sizes:accept", {
        payload: "x".repeat(13_421_759),
      }),
    ).toEqual([
      "[WARN] Large size of the function arguments (actual: 13421773 bytes, limit: 16777216 bytes).",
    ]);
    expect(
      await warnings("mutation", "sizes:accept", {
        payload: "x".repeat(13_421_758),
      }),
    ).toEqual([]);
  });

  // A string of n characters measures n + 2 bytes.
  test("return value just over 80% warns", async () => {
    expect(
      await warnings("query", "sizes:make", { length: 13_421_771 }),
    ).toEqual([
      "[WARN] Large size of the function return value (actual: 13421773 bytes, limit: 16777216 bytes).",
    ]);
    expect(
      await warnings("query", "sizes:make", { length: 13_421_770 }),
    ).toEqual([]);
  });

  test("writes just over 80% warn", async () => {
    expect(
      await warnings("mutation", "usage:insertMany", {
        count: 12_801,
        length: 0,
      }),
    ).toEqual([
      "[WARN] Many writes in a single function execution (actual: 12801, limit: 16000).",
    ]);
    expect(
      await warnings("mutation", "usage:insertMany", {
        count: 12_800,
        length: 0,
      }),
    ).toEqual([]);
  });

  // The two tests above stored 25601 payload documents.
  test("documents read just over 80% warn", async () => {
    expect(
      await warnings("query", "usage:readFirst", { count: 25_601 }),
    ).toEqual([
      `[WARN] Many documents read in a single function execution (actual: 25601, limit: 32000). ${HELP}`,
    ]);
    expect(
      await warnings("query", "usage:readFirst", { count: 25_600 }),
    ).toEqual([]);
  });

  test("reads just over 80% warn", async () => {
    const [id] = (await t.mutation("usage:insertMany", {
      count: 1,
      length: 1,
    })) as string[];
    expect(
      await warnings("query", "usage:getRepeatedly", { id: id!, times: 3277 }),
    ).toEqual([
      `[WARN] Many reads in a single function execution (actual: 3277, limit: 4096). ${HELP}`,
    ]);
    expect(
      await warnings("query", "usage:getRepeatedly", { id: id!, times: 3276 }),
    ).toEqual([]);
  });

  // 20 documents of 680000 characters pass 80% of 16 MiB, and 16 stay
  // under it.
  test("bytes written and read over 80% warn", async () => {
    const call = {
      path: "usage:writeBytes",
      args: { count: 20, length: 680_000 },
      caller: admin,
    };
    const written = await t.engine.runMutation(call);
    if (!written.ok) throw new Error(written.errorMessage);
    expect(written.value).toBeGreaterThan(13_421_772);
    expect(written.logLines).toEqual([
      `[WARN] Many bytes written in a single function execution (actual: ${String(written.value)} bytes, limit: 16777216 bytes).`,
    ]);

    const ids = (await t.mutation("usage:insertMany", {
      count: 20,
      length: 680_000,
    })) as string[];
    const read = await t.engine.runQuery({
      path: "usage:readBytes",
      args: { ids },
      caller: admin,
    });
    if (!read.ok) throw new Error(read.errorMessage);
    expect(read.value).toBeGreaterThan(13_421_772);
    expect(read.logLines).toEqual([
      `[WARN] Many bytes read in a single function execution (actual: ${String(read.value)} bytes, limit: 16777216 bytes). ${HELP}`,
    ]);
    expect(
      await warnings("mutation", "usage:writeBytes", {
        count: 16,
        length: 680_000,
      }),
    ).toEqual([]);
    const fewerIds = (await t.mutation("usage:insertMany", {
      count: 16,
      length: 680_000,
    })) as string[];
    expect(
      await warnings("query", "usage:readBytes", { ids: fewerIds }),
    ).toEqual([]);
  });

  // `{payload: "x" * n}` measures n + 12 bytes, and 80% of 1 MiB is
  // 838860 bytes.
  test("large document names its ID", async () => {
    const result = await t.engine.runMutation({
      path: "sizes:store",
      args: { payload: "x".repeat(838_849) },
      caller: admin,
    });
    if (!result.ok) throw new Error(result.errorMessage);
    expect(result.logLines).toEqual([
      `[WARN] Large document written with ID "${String(result.value)}" (actual: 838861 bytes, limit: 1048576 bytes).`,
    ]);
    expect(
      await warnings("mutation", "sizes:store", {
        payload: "x".repeat(838_848),
      }),
    ).toEqual([]);
  });

  // The document is level 1, so a payload nested 12 levels makes 13.
  test("deeply nested document names its ID", async () => {
    const result = await t.engine.runMutation({
      path: "sizes:store",
      args: { payload: nested(12) },
      caller: admin,
    });
    if (!result.ok) throw new Error(result.errorMessage);
    expect(result.logLines).toEqual([
      `[WARN] Deeply nested document written with ID "${String(result.value)}" (actual: 13 levels, limit: 16 levels).`,
    ]);
    expect(
      await warnings("mutation", "sizes:store", { payload: nested(11) }),
    ).toEqual([]);
  });

  test("document nested 16 levels is stored", async () => {
    // Convex's limit counts arrays and objects, not the scalars in them.
    const result = await t.engine.runMutation({
      path: "sizes:store",
      args: { payload: nested(15) },
      caller: admin,
    });
    expect(result.ok ? "" : result.errorMessage).toBe("");
  });

  test("scheduled functions just over 80% warn", async () => {
    expect(
      await warnings("mutation", "usage:scheduleMany", {
        count: 801,
        length: 0,
      }),
    ).toEqual([
      "[WARN] Many functions scheduled by this mutation (actual: 801, limit: 1000).",
    ]);
    expect(
      await warnings("mutation", "usage:scheduleMany", {
        count: 800,
        length: 0,
      }),
    ).toEqual([]);
  });

  // `{"payload":"x" * n}` is n + 14 bytes of JSON, and 80% of 4 MiB is
  // 3355443 bytes.
  test("scheduled arguments just over 80% warn", async () => {
    expect(
      await warnings("mutation", "usage:scheduleMany", {
        count: 1,
        length: 3_355_430,
      }),
    ).toEqual([
      "[WARN] Large arguments for a single scheduled function from this mutation (actual: 3355444 bytes, limit: 4194304 bytes).",
    ]);
    expect(
      await warnings("mutation", "usage:scheduleMany", {
        count: 1,
        length: 3_355_429,
      }),
    ).toEqual([]);
  });

  // Four calls of 3355444 bytes pass 80% of the 16 MiB total, three stay
  // under it. The scheduled function documents also count as bytes
  // written here, so only the scheduling warnings are compared.
  test("scheduled arguments in total over 80% warn", async () => {
    const perCall =
      "[WARN] Large arguments for a single scheduled function from this mutation (actual: 3355444 bytes, limit: 4194304 bytes).";
    const scheduling = async (count: number) =>
      (
        await warnings("mutation", "usage:scheduleMany", {
          count,
          length: 3_355_430,
        })
      ).filter((line) => line.includes("scheduled function"));
    expect(await scheduling(4)).toEqual([
      "[WARN] Large total size of the arguments of scheduled functions from this mutation (actual: 13421776 bytes, limit: 16777216 bytes).",
      perCall,
    ]);
    expect(await scheduling(3)).toEqual([perCall]);
  });

  test("long mutation warns", async () => {
    const lines = await withTimeout("transaction", 2000, () =>
      warnings("mutation", "usage:spin", { ms: 1700 }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[WARN\] Function execution took a long time\. \(maximum duration: 2s, actual duration: 1\.[7-9]\d*s\)\.$/,
    );
    const quick = await withTimeout("transaction", 2000, () =>
      warnings("mutation", "usage:spin", { ms: 0 }),
    );
    expect(quick).toEqual([]);
  });
});

describe("action warnings", () => {
  // `[{payload: "x" * n, length: 0}]` measures n + 30 bytes.
  test("arguments and return value just over 80% warn", async () => {
    expect(
      await warnings("action", "usage:echo", {
        payload: "x".repeat(13_421_743),
        length: 13_421_771,
      }),
    ).toEqual([
      "[WARN] Large size of the action arguments (actual: 13421773 bytes, limit: 16777216 bytes).",
      "[WARN] Large size of the action return value (actual: 13421773 bytes, limit: 16777216 bytes).",
    ]);
    expect(
      await warnings("action", "usage:echo", {
        payload: "x".repeat(13_421_742),
        length: 13_421_770,
      }),
    ).toEqual([]);
  });

  test("unawaited mutation warns", async () => {
    expect(
      await warnings("action", "usage:fireAndForget", {
        mutations: 1,
        queries: 0,
      }),
    ).toEqual([
      `[WARN] 1 unawaited operation: [mutation]. ${UNAWAITED_ADVICE}`,
    ]);
    expect(await warnings("action", "usage:awaitMutation", {})).toEqual([]);
    expect(await warnings("action", "usage:leaveTimer", {})).toEqual([]);
  });

  test("unawaited operations are counted by name", async () => {
    expect(
      await warnings("action", "usage:fireAndForget", {
        mutations: 2,
        queries: 1,
      }),
    ).toEqual([
      `[WARN] 3 unawaited operations: [mutation, query]. ${UNAWAITED_ADVICE}`,
    ]);
  });

  test("unawaited fetch warns", async () => {
    // A server that never responds, so the request stays pending.
    const sockets = new Set<import("node:net").Socket>();
    const server: Server = createServer(() => {});
    server.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    const { port } = server.address() as AddressInfo;
    try {
      expect(
        await warnings("action", "usage:leaveFetch", {
          url: `http://127.0.0.1:${port}/`,
        }),
      ).toEqual([`[WARN] 1 unawaited operation: [fetch]. ${UNAWAITED_ADVICE}`]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("long action warns", async () => {
    const lines = await withTimeout("action", 2000, () =>
      warnings("action", "usage:spinAction", { ms: 1700 }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[WARN\] Function execution took a long time\. \(maximum duration: 2s, actual duration: 1\.[7-9]\d*s\)\.$/,
    );
    const quick = await withTimeout("action", 2000, () =>
      warnings("action", "usage:spinAction", { ms: 0 }),
    );
    expect(quick).toEqual([]);
  });
});

describe("HTTP action warnings", () => {
  /** Serves `path` and returns the log lines reported for it. */
  async function httpLog(path: string): Promise<string[]> {
    const lines: string[] = [];
    const stop = t.engine.onFunctionLog((_udfPath, _requestId, logged) => {
      lines.push(...logged);
    });
    try {
      const response = await t.engine.runHttpAction(
        new Request(`http://127.0.0.1${path}`),
      );
      await response.arrayBuffer();
      return lines;
    } finally {
      stop();
    }
  }

  test("response just over 80% of 20 MiB warns", async () => {
    expect(await httpLog("/sized?bytes=16777217")).toEqual([
      "[WARN] Large response returned from an HTTP action (actual: 16777217 bytes, limit: 20971520 bytes).",
    ]);
    expect(await httpLog("/sized?bytes=16777216")).toEqual([]);
  });

  test("unawaited mutation warns", async () => {
    const lines = await httpLog("/dangling");
    expect(lines.filter((line) => line.startsWith("[WARN]"))).toEqual([
      `[WARN] 1 unawaited operation: [mutation]. ${UNAWAITED_ADVICE}`,
    ]);
  });
});
