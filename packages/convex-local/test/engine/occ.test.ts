import { afterEach, expect, test } from "vitest";
import { occErrorMessage } from "../../src/transactions/occ";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

const anonymous = { kind: "anonymous" } as const;

test("hot document conflicts and retries", async () => {
  t = await startTestEngine("basic-app");
  await t.mutation("counters:increment", { name: "hot" });
  const results = await Promise.all(
    Array.from({ length: 8 }, () =>
      t!.engine.runMutation({
        path: "counters:increment",
        args: { name: "hot" },
        caller: anonymous,
      }),
    ),
  );
  const succeeded = results.filter((result) => result.ok).length;
  expect(await t.query("counters:get", { name: "hot" })).toBe(1 + succeeded);
  const retried = t.engine
    .insights()
    .find(
      (insight) =>
        insight.kind === "occRetried" &&
        insight.functionPath === "counters:increment",
    );
  expect(retried).toBeDefined();
  expect(retried!.occTableName).toBe("counters");
  expect(retried!.occCalls).toBeGreaterThan(0);
  expect(retried!.recentEvents[0]!.occ_write_source).toBe("counters:increment");
});

test("permanent conflict uses Convex text", async () => {
  t = await startTestEngine("basic-app");
  await t.mutation("counters:increment", { name: "hotter" });
  let done = false;
  let writes = 0;
  // A fast writer commits throughout every attempt of the slow mutation,
  // which yields long enough to span several commits even when fsync is
  // slow on a loaded machine.
  const writer = (async () => {
    while (!done) {
      await t!.mutation("counters:increment", { name: "hotter" });
      writes += 1;
    }
  })();
  const slow = await t.engine.runMutation({
    path: "counters:slowIncrement",
    args: { name: "hotter", yields: 3000 },
    caller: anonymous,
  });
  done = true;
  await writer;
  expect(slow.ok).toBe(false);
  if (slow.ok) return;
  expect(slow.systemCode).toBe("OptimisticConcurrencyControlFailure");
  expect(slow.errorMessage).toMatch(
    /^Documents read from or written to the "counters" table changed while this mutation was being run and on every subsequent retry\. A call to "counters:increment" changed the document with ID "[0-9a-z]+"\. See https:\/\/docs\.convex\.dev\/error#1$/,
  );
  expect(await t.query("counters:get", { name: "hotter" })).toBe(1 + writes);
  const permanent = t.engine
    .insights()
    .find((insight) => insight.kind === "occFailedPermanently");
  expect(permanent?.functionPath).toBe("counters:slowIncrement");
  expect(permanent?.occCalls).toBe(1);
  const retried = t.engine
    .insights()
    .find(
      (insight) =>
        insight.kind === "occRetried" &&
        insight.functionPath === "counters:slowIncrement",
    );
  expect(retried?.occCalls).toBe(4);
});

test.each([
  [
    { tableName: "t", documentId: "d", writer: "m:f", mutation: "m:f" },
    'Documents read from or written to the "t" table changed while this mutation was being run and on every subsequent retry. Another call to this mutation changed the document with ID "d". See https://docs.convex.dev/error#1',
  ],
  [
    { tableName: null, documentId: null, writer: null, mutation: "m:f" },
    "Documents read from or written to some table changed while this mutation was being run and on every subsequent retry. See https://docs.convex.dev/error#1",
  ],
])("OCC message for %j", (options, expected) => {
  expect(occErrorMessage(options)).toBe(expected);
});

test("sharded counter beats hot document", async () => {
  t = await startTestEngine("basic-app");
  const total = 60;
  const run = (path: string, args: Record<string, string>) =>
    Promise.all(
      Array.from({ length: total }, () =>
        t!.engine.runMutation({ path, args, caller: anonymous }),
      ),
    );

  const hot = await run("counters:increment", { name: "contended" });
  const sharded = await run("sharded:add", { key: "views" });
  const hotSucceeded = hot.filter((result) => result.ok).length;
  const shardedSucceeded = sharded.filter((result) => result.ok).length;
  expect(await t.query("counters:get", { name: "contended" })).toBe(
    hotSucceeded,
  );
  expect(await t.query("sharded:count", { key: "views" })).toBe(
    shardedSucceeded,
  );

  expect(shardedSucceeded).toBeGreaterThanOrEqual(hotSucceeded);
  expect(shardedSucceeded).toBeGreaterThanOrEqual(total * 0.9);
  const retries = (path: string) =>
    t!.engine
      .insights()
      .filter(
        (insight) =>
          insight.kind === "occRetried" && insight.functionPath === path,
      )
      .reduce((sum, insight) => sum + insight.occCalls, 0);
  expect(retries("counters:increment")).toBeGreaterThan(0);
  expect(retries("sharded:add")).toBeLessThan(retries("counters:increment"));
});

test("blind inserts do not conflict", async () => {
  t = await startTestEngine("basic-app");
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      t!.engine.runMutation({
        path: "messages:send",
        args: { author: `w${i}`, body: "b" },
        caller: anonymous,
      }),
    ),
  );
  expect(results.every((result) => result.ok)).toBe(true);
  expect(t.engine.insights()).toEqual([]);
});
