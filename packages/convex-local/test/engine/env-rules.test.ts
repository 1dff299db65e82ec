import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from "vitest";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

beforeEach(async () => {
  const names = Object.keys(await t.engine.env.list());
  await t.engine.env.update(names.map((name) => ({ name })));
});

/** Runs an update that must fail and returns `{status, code, message}`. */
async function failure(changes: { name: string; value?: string }[]) {
  const error = await t.engine.env.update(changes).then(
    () => {
      throw new Error("The update was accepted");
    },
    (rejection: unknown) =>
      rejection as { status: number; code: string; message: string },
  );
  return { status: error.status, code: error.code, message: error.message };
}

describe("names", () => {
  test.each([
    ["a leading underscore", "_LEADING"],
    ["lower case and digits", "lower_case_9"],
    ["256 characters", "N".repeat(256)],
  ])("accepts %s", async (_label, name) => {
    await t.engine.env.set(name, "v");
    expect(await t.query("jobs:env", { name })).toBe("v");
  });

  test.each([["1ABC"], ["WITH-DASH"], [""], ["ÉCOLE"], ["A B"]])(
    "rejects %j",
    async (name) => {
      expect(await failure([{ name, value: "v" }])).toEqual({
        status: 400,
        code: "EnvironmentVariableNameInvalid",
        message: `The environment variable name ${name} is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.`,
      });
    },
  );

  test("rejects a name over 256 characters", async () => {
    const name = "N".repeat(257);
    expect(await failure([{ name, value: "v" }])).toEqual({
      status: 400,
      code: "EnvironmentVariableNameTooLong",
      message: `The environment variable name ${name} is too long. Environment variable names must be less than 256.`,
    });
  });

  test("checks the name of a removal", async () => {
    expect((await failure([{ name: "BAD-NAME" }])).code).toBe(
      "EnvironmentVariableNameInvalid",
    );
  });

  test.each([["CONVEX_CLOUD_URL"], ["CONVEX_SITE_URL"]])(
    "keeps the built-in %s",
    async (name) => {
      expect(await failure([{ name, value: "http://elsewhere" }])).toEqual({
        status: 400,
        code: "EnvVarNameForbidden",
        message: `Environment variable with name "${name}" is built-in and cannot be overridden`,
      });
      expect(await t.query("jobs:env", { name })).toMatch(/^http:\/\/127\./);
    },
  );

  test("accepts other names that start with CONVEX_", async () => {
    await t.engine.env.set("CONVEX_FLAG", "on");
    expect(await t.query("jobs:env", { name: "CONVEX_FLAG" })).toBe("on");
  });
});

describe("values", () => {
  test("accepts 8 KiB of UTF-8", async () => {
    const value = "é".repeat(4096);
    await t.engine.env.set("LARGE", value);
    expect(await t.query("jobs:env", { name: "LARGE" })).toBe(value);
  });

  test("rejects one byte more", async () => {
    expect(
      await failure([{ name: "LARGE", value: `${"é".repeat(4096)}x` }]),
    ).toEqual({
      status: 400,
      code: "EnvironmentVariableValueTooLarge",
      message:
        "The environment variable value is 8193 bytes, which is too large. (max size: 8192",
    });
  });
});

describe("limits of the whole set", () => {
  test("allows 512 variables and no more", async () => {
    const changes = Array.from({ length: 512 }, (_, index) => ({
      name: `V${index}`,
      value: "1",
    }));
    await t.engine.env.update(changes);
    expect(await failure([{ name: "ONE_MORE", value: "1" }])).toEqual({
      status: 400,
      code: "EnvVarLimitMet",
      message: "The environment variable limit (512) has been met.",
    });
    // Replacing one keeps the count, so it is allowed.
    await t.engine.env.update([
      { name: "V0" },
      { name: "REPLACEMENT", value: "1" },
    ]);
    expect(Object.keys(await t.engine.env.list())).toHaveLength(512);
  });

  test("limits names and values to 512 KiB in all", async () => {
    const value = "x".repeat(8192);
    // 63 variables of 8,195 bytes and one of 8,187 come to 524,472 bytes.
    const changes = Array.from({ length: 64 }, (_, index) => ({
      name: `V${String(index).padStart(2, "0")}`,
      value: index === 63 ? value.slice(8) : value,
    }));
    expect(await failure(changes)).toEqual({
      status: 400,
      code: "EnvVarTotalSizeLimitMet",
      message:
        "The total size of all environment variables (524472 bytes) exceeds the limit (524288 bytes).",
    });
    expect(await t.engine.env.list()).toEqual({});
    changes[63] = { name: "V63", value: value.slice(8 + 184) };
    await t.engine.env.update(changes);
    expect(Object.keys(await t.engine.env.list())).toHaveLength(64);
  });

  test("applies nothing from a rejected update", async () => {
    await t.engine.env.set("KEPT", "before");
    expect(
      (
        await failure([
          { name: "KEPT", value: "after" },
          { name: "NEW", value: "1" },
          { name: "CONVEX_SITE_URL", value: "x" },
        ])
      ).code,
    ).toBe("EnvVarNameForbidden");
    expect(await t.engine.env.list()).toEqual({ KEPT: "before" });
  });
});

describe("order of changes", () => {
  test("applies removals before settings", async () => {
    await t.engine.env.update([
      { name: "SET_THEN_REMOVED", value: "kept" },
      { name: "SET_THEN_REMOVED" },
    ]);
    expect(await t.engine.env.list()).toEqual({ SET_THEN_REMOVED: "kept" });
  });

  test("applies settings of one name by value", async () => {
    await t.engine.env.update([
      { name: "TWICE", value: "b" },
      { name: "TWICE", value: "a" },
    ]);
    expect(await t.engine.env.list()).toEqual({ TWICE: "b" });
  });
});
