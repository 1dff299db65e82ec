import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkSyscallJson } from "../../src/engine/syscall-json";
import { startTestEngine, type TestEngine } from "./helpers";

describe("syscall JSON check", () => {
  // Positions follow serde_json 1.0.145's `parse_unicode_escape`: the byte
  // column where it stopped reading, one byte past a leading surrogate's
  // escape when no `\u` follows it.
  test.each([
    {
      name: "lone leading surrogate",
      json: '{"a":"\\ud800"}',
      message: "unexpected end of hex escape at line 1 column 13",
    },
    {
      name: "lone trailing surrogate",
      json: '{"a":"\\udc00"}',
      message: "lone leading surrogate in hex escape at line 1 column 12",
    },
    {
      name: "two-byte character before it",
      json: '{"a":"é\\ud800"}',
      message: "unexpected end of hex escape at line 1 column 15",
    },
    {
      name: "two-byte character after it",
      json: '{"a":"\\ud800é"}',
      message: "unexpected end of hex escape at line 1 column 13",
    },
    {
      name: "other escape after it",
      json: '{"a":"\\ud800\\n"}',
      message: "unexpected end of hex escape at line 1 column 14",
    },
    {
      name: "non-surrogate escape after it",
      json: '{"a":"\\ud800\\u0001"}',
      message: "lone leading surrogate in hex escape at line 1 column 18",
    },
    {
      name: "two leading surrogates",
      json: '{"a":"\\ud800\\ud800"}',
      message: "lone leading surrogate in hex escape at line 1 column 18",
    },
    {
      name: "surrogate on the second line",
      json: '{\n"a":"\\ud800"}',
      message: "unexpected end of hex escape at line 2 column 12",
    },
  ])("$name is rejected", ({ json, message }) => {
    expect(() => checkSyscallJson(json)).toThrow(
      `Received invalid json: ${message}`,
    );
  });

  test("stringified lone surrogate is rejected", () => {
    const json = JSON.stringify({ value: "a\ud800b" });
    expect(json).toBe('{"value":"a\\ud800b"}');
    expect(() => checkSyscallJson(json)).toThrow(
      "Received invalid json: unexpected end of hex escape at line 1 column 18",
    );
  });

  test.each([
    { name: "surrogate pair", json: JSON.stringify({ a: "😀" }) },
    { name: "escaped pair", json: '{"a":"\\ud83d\\ude00"}' },
    { name: "escaped backslash before ud800", json: '{"a":"C:\\\\ud800"}' },
    { name: "replacement character", json: JSON.stringify({ a: "\ufffd" }) },
  ])("$name is accepted", ({ json }) => {
    expect(() => checkSyscallJson(json)).not.toThrow();
  });
});

describe("queries with lone surrogates", () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine("basic-app");
    // A lone surrogate has no UTF-8 encoding. Encoded as U+FFFD it would
    // match this document.
    await t.mutation("messages:send", { author: "\ufffd", body: "stored" });
  });

  afterAll(async () => {
    await t.close();
  });

  async function failure(path: string, args: Record<string, string>) {
    const result = await t.engine.runQuery({
      path,
      args,
      caller: { kind: "admin" },
    });
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.errorMessage;
  }

  test("replacement character matches its document", async () => {
    const rows = (await t.query("messages:byAuthor", {
      author: "\ufffd",
    })) as { body: string }[];
    expect(rows.map((row) => row.body)).toEqual(["stored"]);
  });

  // The columns are byte offsets in the query JSON that `convex` 1.48
  // builds, the text that Convex parses too.
  test("index equality is rejected", async () => {
    const message = await failure("messages:byAuthor", { author: "\ud800" });
    expect(message).toContain(
      "\nUncaught Error: Received invalid json: unexpected end of hex escape at line 1 column 132\n",
    );
  });

  test("trailing surrogate is rejected", async () => {
    const message = await failure("messages:byAuthor", { author: "\udc00" });
    expect(message).toContain(
      "\nUncaught Error: Received invalid json: lone leading surrogate in hex escape at line 1 column 131\n",
    );
  });

  test("index range bound is rejected", async () => {
    const message = await failure("messages:authorsBetween", {
      low: "\ud800",
      high: "\uffff",
    });
    expect(message).toContain(
      "\nUncaught Error: Received invalid json: unexpected end of hex escape at line 1 column 133\n",
    );
  });

  test("filter literal is rejected", async () => {
    const message = await failure("messages:filterByAuthor", {
      author: "\ud800",
    });
    expect(message).toContain(
      "\nUncaught Error: Received invalid json: unexpected end of hex escape at line 1 column 151\n",
    );
  });
});
