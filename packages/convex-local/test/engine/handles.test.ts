import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { decodeId, encodeId } from "../../src/ids";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

async function expectJobDone(id: string) {
  await expect
    .poll(async () => t.query("jobs:status", { id }), { timeout: 5000 })
    .toBe("success");
}

/** The metadata of a root-component function. */
function rootMetadata(name: string, type: string, visibility = "public") {
  return { name, componentPath: "", type, visibility };
}

async function failure(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown as Error,
  );
  expect(error).toBeInstanceOf(Error);
  return error!.message;
}

describe("getFunctionMetadata", () => {
  test("query reports its path", async () => {
    expect(await t.query("handles:queryMetadata")).toEqual(
      rootMetadata("handles:queryMetadata", "query"),
    );
  });

  test("default export drops its name", async () => {
    expect(await t.query("handles")).toEqual(rootMetadata("handles", "query"));
  });

  test("internal mutation reports internal", async () => {
    expect(await t.mutation("handles:internalMetadata")).toEqual(
      rootMetadata("handles:internalMetadata", "mutation", "internal"),
    );
  });

  test("action and nested mutation", async () => {
    expect(await t.action("handles:actionMetadata")).toEqual({
      own: rootMetadata("handles:actionMetadata", "action"),
      nested: rootMetadata("handles:internalMetadata", "mutation", "internal"),
    });
  });

  test("HTTP action reports http", async () => {
    const response = await t.engine.runHttpAction(
      new Request("http://127.0.0.1:2/metadata"),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(rootMetadata("http", "action"));
  });
});

describe("function handles", () => {
  test("handle has Convex's format", async () => {
    const handle = (await t.mutation("handles:create")) as string;
    const match = /^function:\/\/([0-9a-z]+)#handles:target$/.exec(handle);
    expect(match).not.toBeNull();
    // Convex's `_function_handles` table has number 102.
    expect(decodeId(match![1]!)?.tableNumber).toBe(102);
  });

  test("handle is stable", async () => {
    const first = await t.mutation("handles:create");
    const second = await t.mutation("handles:create");
    expect(second).toBe(first);
  });

  test("runMutation through a new handle", async () => {
    const result = await t.mutation("handles:runThroughHandle", {
      label: "handle-direct",
    });
    expect(result).toBe("recorded handle-direct");
    expect(await t.query("jobs:labels")).toContain("handle-direct");
  });

  test("runMutation through a passed handle", async () => {
    const handle = (await t.mutation("handles:create")) as string;
    const result = await t.mutation("handles:runPassedHandle", {
      handle,
      label: "handle-passed",
    });
    expect(result).toBe("recorded handle-passed");
    expect(await t.query("jobs:labels")).toContain("handle-passed");
  });

  test("handles reach a component", async () => {
    const result = (await t.mutation("handles:componentHandles", {
      name: "handle-counter",
    })) as { add: string; count: string; total: number };
    expect(result.total).toBe(2);
    expect(result.add).toMatch(/^function:\/\/[0-9a-z]+#public:add$/);
    expect(result.count).toMatch(/^function:\/\/[0-9a-z]+#public:count$/);
    // Each function gets its own ID.
    expect(result.add.split("#")[0]).not.toBe(result.count.split("#")[0]);
  });

  test("handle name is advisory", async () => {
    // Convex resolves a handle by its ID, so another name still runs the
    // function the ID belongs to.
    const handle = (await t.mutation("handles:create")) as string;
    const renamed = handle.replace("#handles:target", "#handles:create");
    const result = await t.mutation("handles:runPassedHandle", {
      handle: renamed,
      label: "handle-renamed",
    });
    expect(result).toBe("recorded handle-renamed");
    expect(await t.query("jobs:labels")).toContain("handle-renamed");
  });

  test("handle without name resolves", async () => {
    const handle = (await t.mutation("handles:create")) as string;
    const bare = handle.split("#")[0]!;
    expect(bare).toMatch(/^function:\/\/[0-9a-z]+$/);
    const result = await t.mutation("handles:runPassedHandle", {
      handle: bare,
      label: "handle-bare",
    });
    expect(result).toBe("recorded handle-bare");
    expect(await t.query("jobs:labels")).toContain("handle-bare");
  });

  test("component handles without names", async () => {
    const created = (await t.mutation("handles:componentHandles", {
      name: "bare-counter",
    })) as { add: string; count: string; total: number };
    const total = await t.mutation("handles:runPassedCounterHandles", {
      add: created.add.split("#")[0]!,
      count: created.count.split("#")[0]!,
      name: "bare-counter",
    });
    expect(total).toBe(5);
  });

  test("scheduler runs a bare handle", async () => {
    const handle = (await t.mutation("handles:create")) as string;
    const id = (await t.mutation("handles:schedulePassedHandle", {
      handle: handle.split("#")[0]!,
      label: "handle-bare-scheduled",
    })) as string;
    await expectJobDone(id);
    expect(await t.query("jobs:labels")).toContain("handle-bare-scheduled");
  });

  test("unknown handle ID is rejected", async () => {
    const handle = (await t.mutation("handles:create")) as string;
    const id = handle.slice("function://".length).split("#")[0]!;
    // Another valid ID in the same table that no function has.
    const decoded = decodeId(id)!;
    const other = encodeId(decoded.tableNumber, new Uint8Array(16).fill(7));
    for (const suffix of ["", "#handles:target"]) {
      const message = await failure(() =>
        t.mutation("handles:runPassedHandle", {
          handle: `function://${other}${suffix}`,
          label: "never",
        }),
      );
      expect(message).toContain("Function handle not found");
    }
    expect(await t.query("jobs:labels")).not.toContain("never");
  });

  test("malformed handle is rejected", async () => {
    const message = await failure(() =>
      t.mutation("handles:runPassedHandle", {
        handle: "function://nonsense",
        label: "never",
      }),
    );
    expect(message).toContain("Function handle not found");
    expect(await t.query("jobs:labels")).not.toContain("never");
  });

  test("scheduler runs a handle", async () => {
    const id = (await t.mutation("handles:scheduleThroughHandle", {
      label: "handle-scheduled",
    })) as string;
    await expectJobDone(id);
    expect(await t.query("jobs:labels")).toContain("handle-scheduled");
  });

  test("action calls and schedules handles", async () => {
    const result = await t.action("handles:actionThroughHandle", {
      label: "handle-action",
    });
    expect(result).toBe("recorded handle-action");
    expect(await t.query("jobs:labels")).toContain("handle-action");
    await expect
      .poll(async () => t.query("jobs:labels"), { timeout: 5000 })
      .toContain("handle-action later");
  });
});

describe("scheduler.runAt", () => {
  test("future time runs when due", async () => {
    const id = (await t.mutation("handles:scheduleAt", {
      label: "at-soon",
      atMs: Date.now() + 200,
    })) as string;
    expect(await t.query("jobs:status", { id })).toBe("pending");
    await expectJobDone(id);
    expect(await t.query("jobs:labels")).toContain("at-soon");
  });

  test("past time runs at once", async () => {
    const id = (await t.mutation("handles:scheduleAt", {
      label: "at-past",
      atMs: Date.now() - 60 * 60_000,
    })) as string;
    await expectJobDone(id);
    expect(await t.query("jobs:labels")).toContain("at-past");
  });

  test("past Date from an action", async () => {
    const id = (await t.action("handles:scheduleAtFromAction", {
      label: "at-past-action",
      atMs: Date.now() - 1000,
    })) as string;
    await expectJobDone(id);
    expect(await t.query("jobs:labels")).toContain("at-past-action");
  });

  test.each([
    [
      "over 5 years ahead",
      4_102_444_800_500,
      "UnixTimestamp(4102444800.5s) is more than 5 years in the future",
    ],
    [
      "over 5 years ago",
      1000,
      "UnixTimestamp(1s) is more than 5 years in the past",
    ],
  ])("time %s is rejected", async (_name, atMs, expected) => {
    const fromMutation = await failure(() =>
      t.mutation("handles:scheduleAt", { label: "at-far", atMs }),
    );
    expect(fromMutation).toContain(expected);
    const fromAction = await failure(() =>
      t.action("handles:scheduleAtFromAction", { label: "at-far", atMs }),
    );
    expect(fromAction).toContain(expected);
    expect(await t.query("jobs:labels")).not.toContain("at-far");
  });
});
