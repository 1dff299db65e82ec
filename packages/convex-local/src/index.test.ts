import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { generateCode } from "./cli/codegen";
import { CliError } from "./cli/errors";
import { startBackend, type Backend } from "./index";

const APP: Record<string, string> = {
  "convex/schema.ts": `import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({ notes: defineTable({ body: v.string() }) });
`,
  "convex/notes.ts": `import { v } from "convex/values";
import { internalQuery, mutation, query } from "./_generated/server";

export const add = mutation({
  args: { body: v.string() },
  returns: v.id("notes"),
  handler: async (ctx, { body }) => {
    console.log("adding note");
    return await ctx.db.insert("notes", { body });
  },
});

export const list = query({
  args: {},
  returns: v.array(v.string()),
  handler: async (ctx) =>
    (await ctx.db.query("notes").collect()).map((note) => note.body),
});

export const siteUrl = internalQuery({
  args: {},
  handler: async () => process.env.CONVEX_SITE_URL ?? null,
});
`,
  "convex/http.ts": `import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
const http = httpRouter();
http.route({ path: "/ping", method: "GET", handler: httpAction(async () => new Response("pong")) });
export default http;
`,
};

let projectDir: string;
let stateDir: string;
let backend: Backend;

beforeAll(async () => {
  projectDir = mkdtempSync(path.join(tmpdir(), "convex-local-backend-"));
  for (const [file, content] of Object.entries(APP)) {
    mkdirSync(path.dirname(path.join(projectDir, file)), { recursive: true });
    writeFileSync(path.join(projectDir, file), content);
  }
  const convexPackage = createRequire(import.meta.url).resolve(
    "convex/package.json",
  );
  mkdirSync(path.join(projectDir, "node_modules"));
  symlinkSync(
    path.dirname(convexPackage),
    path.join(projectDir, "node_modules/convex"),
  );
  generateCode({ projectDir });
  stateDir = path.join(projectDir, ".convex-local");
  backend = await startBackend({ projectDir, stateDir, port: 0, sitePort: 0 });
});

afterAll(async () => {
  await backend?.close();
  rmSync(projectDir, { recursive: true, force: true });
});

describe("startBackend", () => {
  test("binds loopback URLs", () => {
    expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.siteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.siteUrl).not.toBe(backend.url);
  });

  test("persists admin key", () => {
    const stored = readFileSync(
      path.join(stateDir, "admin-key"),
      "utf8",
    ).trim();
    expect(stored).toBe(backend.adminKey);
  });

  test("records running server", () => {
    const record = JSON.parse(
      readFileSync(path.join(stateDir, "server.json"), "utf8"),
    ) as { url: string; pid: number };
    expect(record.url).toBe(backend.url);
    expect(record.pid).toBe(process.pid);
  });

  test("serves mutations and queries", async () => {
    const client = new ConvexHttpClient(backend.url);
    await client.mutation(anyApi.notes!.add!, { body: "first" });
    const bodies = await client.query(anyApi.notes!.list!, {});
    expect(bodies).toContain("first");
  });

  test("serves HTTP actions on site port", async () => {
    const response = await fetch(`${backend.siteUrl}/ping`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("pong");
  });

  test("accepts its admin key", async () => {
    const response = await fetch(`${backend.url}/api/function`, {
      method: "POST",
      headers: {
        authorization: `Convex ${backend.adminKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ path: "notes:siteUrl", args: {}, format: "json" }),
    });
    const body = (await response.json()) as { status: string; value: unknown };
    expect(body.status).toBe("success");
    expect(body.value).toBe(backend.siteUrl);
  });

  test("rejects other admin key", async () => {
    const response = await fetch(`${backend.url}/api/function`, {
      method: "POST",
      headers: {
        authorization: "Convex convex-local|wrong",
        "content-type": "application/json",
      },
      body: JSON.stringify({ path: "notes:siteUrl", args: {}, format: "json" }),
    });
    expect(response.status).toBe(401);
  });

  test("rejects state folder in use", async () => {
    await expect(
      startBackend({ projectDir, stateDir, port: 0, sitePort: 0 }),
    ).rejects.toThrow(/in use by the backend/);
  });
});

describe("concurrent starts", () => {
  test("one state folder starts once", async () => {
    const sharedDir = path.join(projectDir, ".shared-state");
    const starts = await Promise.allSettled(
      [0, 1].map(() =>
        startBackend({ projectDir, stateDir: sharedDir, port: 0, sitePort: 0 }),
      ),
    );
    const started = starts.flatMap((start) =>
      start.status === "fulfilled" ? [start.value] : [],
    );
    const rejected = starts.flatMap((start) =>
      start.status === "rejected" ? [start.reason as unknown] : [],
    );
    try {
      expect(started).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toBeInstanceOf(CliError);
      expect((rejected[0] as CliError).kind).toBe("serverRunning");
    } finally {
      await Promise.all(started.map((backend) => backend.close()));
    }
    expect(existsSync(path.join(sharedDir, "server.json"))).toBe(false);
  });
});

describe("restart", () => {
  test("keeps data and admin key", async () => {
    const restartDir = path.join(projectDir, ".restart-state");
    const first = await startBackend({
      projectDir,
      stateDir: restartDir,
      port: 0,
      sitePort: 0,
    });
    await new ConvexHttpClient(first.url).mutation(anyApi.notes!.add!, {
      body: "kept",
    });
    await first.close();
    await first.close();
    expect(existsSync(path.join(restartDir, "server.json"))).toBe(false);

    const second = await startBackend({
      projectDir,
      stateDir: restartDir,
      port: 0,
      sitePort: 0,
    });
    try {
      expect(second.adminKey).toBe(first.adminKey);
      const bodies = await new ConvexHttpClient(second.url).query(
        anyApi.notes!.list!,
        {},
      );
      expect(bodies).toEqual(["kept"]);
    } finally {
      await second.close();
    }
  });
});
