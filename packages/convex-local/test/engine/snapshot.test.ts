import { afterEach, expect, test } from "vitest";
import type { ExportedDocument } from "../../src/engine/snapshot";
import { startTestEngine, type TestEngine } from "./helpers";

const engines: TestEngine[] = [];

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
});

async function start() {
  const engine = await startTestEngine("basic-app");
  engines.push(engine);
  return engine;
}

test("export then import round trips", async () => {
  const source = await start();
  const ids = [
    await source.mutation("messages:send", { author: "snap", body: "one" }),
    await source.mutation("messages:send", { author: "snap", body: "two" }),
  ];
  await source.mutation("sharded:add", { key: "snap" });
  const exported = [...source.engine.exportDocuments()];
  const messages = exported.filter(
    (entry: ExportedDocument) =>
      entry.componentPath === "" && entry.table === "messages",
  );
  expect(
    messages.map((entry) => (entry.document as { _id: string })._id),
  ).toEqual(ids);
  expect(
    exported.some((entry) => entry.componentPath === "shardedCounter"),
  ).toBe(true);
  expect(exported.some((entry) => entry.table.startsWith("_"))).toBe(false);

  const target = await start();
  const imported = await target.engine.importDocuments(
    "",
    "messages",
    messages.map((entry) => entry.document),
  );
  expect(imported).toEqual(ids);
  const rows = (await target.query("messages:byAuthor", {
    author: "snap",
  })) as {
    _id: string;
    body: string;
  }[];
  expect(rows.map((row) => row.body)).toEqual(["one", "two"]);
});

test("import checks the schema", async () => {
  const engine = await start();
  await expect(
    engine.engine.importDocuments("", "messages", [{ author: "x", body: 1 }]),
  ).rejects.toThrow("does not match the schema");
});
