import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { generateCode, generateProjectCode } from "./codegen";
import { discoverModules } from "./codegen/modules";
import { moduleIdentifier } from "./codegen/templates";

const require = createRequire(import.meta.url);
const convexPackageDir = path.dirname(require.resolve("convex/package.json"));
const tscPath = require.resolve("typescript/bin/tsc");

/** Writes `files` (path relative to `root` to content) below `root`. */
function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

const COMPONENT_API = `export type ComponentApi<Name extends string | undefined = string | undefined> = {
  lib: {
    add: import("convex/server").FunctionReference<"mutation", "internal", { n: number }, null, Name>;
  };
};
`;

const APP_FILES: Record<string, string> = {
  "convex/schema.ts": `import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  notes: defineTable({ body: v.string(), pinned: v.boolean() }).index("by_pinned", ["pinned"]),
});
`,
  "convex/notes.ts": `import { v } from "convex/values";
import { internalQuery, mutation, query } from "./_generated/server";
import type { Doc, Id } from "./_generated/dataModel";

export const list = query({
  args: {},
  handler: async (ctx): Promise<Doc<"notes">[]> => ctx.db.query("notes").collect(),
});

export const add = mutation({
  args: { body: v.string() },
  handler: async (ctx, { body }): Promise<Id<"notes">> =>
    ctx.db.insert("notes", { body, pinned: false }),
});

export const secret = internalQuery({ args: {}, handler: async () => 42 });
`,
  "convex/lib/text-utils.ts": `export const trim = (text: string) => text.trim();\n`,
  "convex/api.ts": `import { query } from "./_generated/server";\nexport const ping = query({ args: {}, handler: async () => "pong" });\n`,
  "convex/http.ts": `import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";

const http = httpRouter();
http.route({ path: "/ping", method: "GET", handler: httpAction(async () => new Response("ok")) });
export default http;
`,
  "convex/convex.config.ts": `import { defineApp } from "convex/server";
import counter from "@acme/counter/convex.config";
// app.use(commented) must be ignored.
import tally from "../components/tally/convex.config";

const app = defineApp();
app.use(counter, { name: "pageViews" });
app.use(tally);
export default app;
`,
  "convex/notes.test.ts": `import { test } from "vitest";\ntest("x", () => {});\n`,
  "convex/.draft.ts": `export const x = 1;\n`,
  "convex/script.ts": `const x = 1;\n`,
  "convex/with space.ts": `export const x = 1;\n`,
  "convex/README.md": "# notes\n",
  "convex/nested/convex.config.ts": `export default {};\n`,
  "convex/nested/inner.ts": `export const x = 1;\n`,
  "components/tally/convex.config.ts": `import { defineComponent } from "convex/server";\nexport default defineComponent("tally");\n`,
  "components/tally/_generated/component.ts": COMPONENT_API,
  "node_modules/@acme/counter/package.json": JSON.stringify({
    name: "@acme/counter",
    type: "module",
    exports: {
      "./convex.config": {
        types: "./dist/convex.config.d.ts",
        default: "./dist/convex.config.js",
      },
      "./_generated/component.js": {
        types: "./dist/_generated/component.d.ts",
      },
    },
  }),
  "node_modules/@acme/counter/dist/convex.config.js": `import { defineComponent } from "convex/server";\nexport default defineComponent("counter");\n`,
  "node_modules/@acme/counter/dist/convex.config.d.ts": `declare const component: import("convex/server").ComponentDefinition<any>;\nexport default component;\n`,
  "node_modules/@acme/counter/dist/_generated/component.d.ts": COMPONENT_API,
  "check.ts": `import type { FunctionReference } from "convex/server";
import { api, components, internal } from "./convex/_generated/api";
import type { Doc, Id } from "./convex/_generated/dataModel";

export const list: FunctionReference<"query", "public", Record<string, never>, Doc<"notes">[]> = api.notes.list;
export const add: FunctionReference<"mutation", "public", { body: string }, Id<"notes">> = api.notes.add;
export const secret: FunctionReference<"query", "internal"> = internal.notes.secret;
export const ping: FunctionReference<"query", "public", Record<string, never>, string> = api.api.ping;
export const counterAdd = components.pageViews.lib.add;
export const tallyAdd = components.tally.lib.add;
// @ts-expect-error internal functions are not on api
export const hidden = api.notes.secret;
// @ts-expect-error the component is installed as pageViews
export const wrongName = components.counter;
`,
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2023", "DOM"],
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ["convex", "check.ts"],
    exclude: ["convex/nested", "convex/notes.test.ts"],
  }),
};

let projectDir: string;

beforeAll(() => {
  projectDir = mkdtempSync(path.join(tmpdir(), "convex-local-codegen-"));
  writeFiles(projectDir, APP_FILES);
  symlinkSync(convexPackageDir, path.join(projectDir, "node_modules/convex"));
});

afterAll(() => {
  rmSync(projectDir, { recursive: true, force: true });
});

describe("discoverModules", () => {
  test("applies Convex entry point rules", () => {
    const modules = discoverModules(path.join(projectDir, "convex"));
    expect(modules.map((module) => module.modulePath)).toEqual([
      "api",
      "http",
      "lib/text-utils",
      "notes",
    ]);
  });

  test("rejects missing convex folder", () => {
    expect(() => discoverModules(path.join(projectDir, "missing"))).toThrow(
      /Convex folder not found/,
    );
  });
});

describe("moduleIdentifier", () => {
  test.each([
    { modulePath: "notes", expected: "notes" },
    { modulePath: "lib/text-utils", expected: "lib_text_utils" },
    { modulePath: "api", expected: "api_" },
    { modulePath: "components", expected: "components_" },
    { modulePath: "default", expected: "default_" },
    { modulePath: "lib/default", expected: "lib_default" },
  ])("maps $modulePath to $expected", ({ modulePath, expected }) => {
    expect(moduleIdentifier(modulePath)).toBe(expected);
  });
});

describe("generateCode", () => {
  test("writes five files", () => {
    const result = generateCode({ projectDir });
    expect(result.written.sort()).toEqual([
      "api.d.ts",
      "api.js",
      "dataModel.d.ts",
      "server.d.ts",
      "server.js",
    ]);
  });

  test("lists modules and components in api.d.ts", () => {
    const apiDts = readFileSync(
      path.join(projectDir, "convex/_generated/api.d.ts"),
      "utf8",
    );
    expect(apiDts).toContain(
      'import type * as lib_text_utils from "../lib/text-utils.js";',
    );
    expect(apiDts).toContain('"lib/text-utils": typeof lib_text_utils;');
    expect(apiDts).toContain('import type * as api_ from "../api.js";');
    expect(apiDts).toContain(
      '"pageViews": import("@acme/counter/_generated/component.js").ComponentApi<"pageViews">;',
    );
    expect(apiDts).toContain(
      '"tally": import("../../components/tally/_generated/component.js").ComponentApi<"tally">;',
    );
    expect(apiDts).not.toContain("commented");
    expect(apiDts).not.toContain("notes.test");
  });

  test("exports components from api.js", () => {
    const apiJs = readFileSync(
      path.join(projectDir, "convex/_generated/api.js"),
      "utf8",
    );
    expect(apiJs).toContain("export const components = componentsGeneric();");
  });

  test("output typechecks with tsc", () => {
    generateCode({ projectDir });
    const result = spawnSync(process.execPath, [tscPath, "-p", projectDir], {
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("leaves current files untouched", () => {
    generateCode({ projectDir });
    const file = path.join(projectDir, "convex/_generated/api.d.ts");
    const before = statSync(file).mtimeMs;
    const result = generateCode({ projectDir });
    expect(result.written).toEqual([]);
    expect(result.unchanged).toHaveLength(5);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  test("writes untyped data model without schema", () => {
    const bare = mkdtempSync(path.join(tmpdir(), "convex-local-bare-"));
    try {
      writeFiles(bare, { "convex/ping.ts": "export const x = 1;\n" });
      generateCode({ projectDir: bare });
      const dataModel = readFileSync(
        path.join(bare, "convex/_generated/dataModel.d.ts"),
        "utf8",
      );
      expect(dataModel).toContain("export type DataModel = AnyDataModel;");
      const apiDts = readFileSync(
        path.join(bare, "convex/_generated/api.d.ts"),
        "utf8",
      );
      expect(apiDts).toContain("export declare const components: {\n\n};");
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

const ENV_APP_FILES: Record<string, string> = {
  "convex/convex.config.ts": `import { defineApp } from "convex/server";
import { v } from "convex/values";

export default defineApp({
  env: {
    API_KEY: v.string(),
    MODE: v.optional(v.union(v.literal("a"), v.literal("b"))),
  },
});
`,
  "convex/settings.ts": `import { env, query } from "./_generated/server";

export const read = query({ args: {}, handler: async () => env.API_KEY });
`,
  "check.ts": `import { env } from "./convex/_generated/server";

export const key: string = env.API_KEY;
export const cloudUrl: string = env.CONVEX_CLOUD_URL;
export const mode: "a" | "b" | undefined = env.MODE;
// @ts-expect-error MODE is optional
export const required: string = env.MODE;
// @ts-expect-error OTHER is not declared
export const other = env.OTHER;
`,
  "tsconfig.json": APP_FILES["tsconfig.json"]!,
};

describe("typed env", () => {
  let envProject: string;

  beforeAll(() => {
    envProject = mkdtempSync(path.join(tmpdir(), "convex-local-codegen-env-"));
    writeFiles(envProject, ENV_APP_FILES);
    mkdirSync(path.join(envProject, "node_modules"));
    symlinkSync(convexPackageDir, path.join(envProject, "node_modules/convex"));
  });

  afterAll(() => {
    rmSync(envProject, { recursive: true, force: true });
  });

  test("declares Env from defineApp", async () => {
    await generateProjectCode({ projectDir: envProject });
    const serverDts = readFileSync(
      path.join(envProject, "convex/_generated/server.d.ts"),
      "utf8",
    );
    expect(serverDts).toContain(`type Env = {
  readonly CONVEX_CLOUD_URL: string;
  readonly CONVEX_SITE_URL: string;
  readonly API_KEY: string;
  readonly MODE: "a" | "b" | undefined;
};`);
    expect(serverDts).toContain("export declare const env: Env;");
    expect(serverDts).not.toContain("Record<string, string | undefined>");
  });

  test("typed env typechecks with tsc", async () => {
    await generateProjectCode({ projectDir: envProject });
    const result = spawnSync(process.execPath, [tscPath, "-p", envProject], {
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("app without declarations stays untyped", async () => {
    await generateProjectCode({ projectDir });
    const serverDts = readFileSync(
      path.join(projectDir, "convex/_generated/server.d.ts"),
      "utf8",
    );
    expect(serverDts).toContain(
      "export declare const env: Record<string, string | undefined>;",
    );
    expect(serverDts).not.toContain("type Env");
  });
});
