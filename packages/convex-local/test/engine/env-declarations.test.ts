import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { createEngine, type LocalEngine } from "../../src/engine/create-engine";
import { startApiServer } from "../../src/http/api-server";
import { FIXTURES } from "./helpers";

// Inside node_modules so the projects resolve `convex` from this package.
const SCRATCH = path.join(FIXTURES, "..", "..", "node_modules", ".cache");

const WIDGET_CONFIG = `import { defineComponent } from "convex/server";
import { v } from "convex/values";
export default defineComponent("widget", {
  env: {
    TOKEN: v.string(),
    LEVEL: v.union(v.literal("low"), v.literal("high")),
    NOTE: v.optional(v.string()),
  },
});
`;

const WIDGET_MODULE = `import { queryGeneric } from "convex/server";
export const read = queryGeneric({
  args: {},
  handler: async () => ({
    token: process.env.TOKEN ?? null,
    level: process.env.LEVEL ?? null,
  }),
});
`;

const APP_MODULE = `import { queryGeneric } from "convex/server";
export const version = queryGeneric({ args: {}, handler: async () => VERSION });
`;

/** Renders an app config with the given `defineApp` and `use` options. */
function appConfig(appOptions: string, useOptions: string): string {
  return `import { defineApp } from "convex/server";
import { v } from "convex/values";
import widget from "./widget/convex.config";
const app = defineApp(${appOptions});
app.use(widget, ${useOptions});
export default app;
`;
}

const VALID_APP_OPTIONS = `{
  env: {
    API_KEY: v.string(),
    MODE: v.optional(v.union(v.literal("a"), v.literal("b"))),
  },
}`;
const VALID_USE_OPTIONS = `{ env: { TOKEN: app.env.API_KEY, LEVEL: "high" } }`;

type Logged = { level: string; message: string };

const ADMIN_KEY = "test-admin-key";

const projects: string[] = [];
const engines: LocalEngine[] = [];

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
  for (const dir of projects.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes a project with the widget component and the given app config. */
function writeProject(config: string, version = "1"): string {
  mkdirSync(SCRATCH, { recursive: true });
  const projectDir = mkdtempSync(path.join(SCRATCH, "env-declarations-"));
  projects.push(projectDir);
  const convexDir = path.join(projectDir, "convex");
  mkdirSync(path.join(convexDir, "widget"), { recursive: true });
  writeFileSync(
    path.join(convexDir, "widget", "convex.config.ts"),
    WIDGET_CONFIG,
  );
  writeFileSync(path.join(convexDir, "widget", "settings.ts"), WIDGET_MODULE);
  writeApp(projectDir, config, version);
  return projectDir;
}

function writeApp(projectDir: string, config: string, version: string) {
  const convexDir = path.join(projectDir, "convex");
  writeFileSync(path.join(convexDir, "convex.config.ts"), config);
  writeFileSync(
    path.join(convexDir, "probe.ts"),
    APP_MODULE.replace("VERSION", JSON.stringify(version)),
  );
}

async function start(projectDir: string, logged: Logged[] = []) {
  const record = (level: string) => (message: string) =>
    logged.push({ level, message });
  const engine = await createEngine({
    projectDir,
    stateDir: path.join(projectDir, ".state"),
    cloudUrl: "http://127.0.0.1:1",
    siteUrl: "http://127.0.0.1:2",
    adminKey: ADMIN_KEY,
    logger: {
      info: record("info"),
      warn: record("warn"),
      error: record("error"),
    },
  });
  engines.push(engine);
  return engine;
}

async function loadFailure(config: string): Promise<string> {
  const error = await start(writeProject(config)).then(
    () => null,
    (thrown: unknown) => thrown as Error,
  );
  expect(error).toBeInstanceOf(Error);
  return error!.message;
}

async function queryValue(
  engine: LocalEngine,
  udfPath: string,
  componentPath?: string,
) {
  const result = await engine.runQuery({
    path: udfPath,
    args: {},
    caller: { kind: "admin" },
    ...(componentPath ? { componentPath } : {}),
  });
  if (!result.ok) throw new Error(result.errorMessage);
  return result.value;
}

const WIDGET = `[ComponentName(Identifier("widget"))]`;

test("valid bindings reach the component", async () => {
  const engine = await start(
    writeProject(appConfig(VALID_APP_OPTIONS, VALID_USE_OPTIONS)),
  );
  await engine.env.set("API_KEY", "key-1");
  expect(await queryValue(engine, "settings:read", "widget")).toEqual({
    token: "key-1",
    level: "high",
  });
});

test.each([
  [
    "undeclared child variable",
    `{ env: { TOKEN: "t", LEVEL: "low", EXTRA: "x" } }`,
    `TypecheckError: Component ${WIDGET} has no env var named Identifier("EXTRA")`,
  ],
  [
    "value outside the validator",
    `{ env: { TOKEN: "t", LEVEL: "medium" } }`,
    `TypecheckError: Component ${WIDGET} has an invalid value for env var Identifier("LEVEL"): `,
  ],
  [
    "missing required variable",
    `{ env: { LEVEL: "low" } }`,
    `TypecheckError: Component ${WIDGET} is missing required env var Identifier("TOKEN")`,
  ],
  [
    "undeclared parent variable",
    `{ env: { TOKEN: { __envVarRef: "NOPE" } as never, LEVEL: "low" } }`,
    `TypecheckError: Component ${WIDGET} env var Identifier("TOKEN") references undeclared parent env var NOPE`,
  ],
  [
    "optional parent for required child",
    `{ env: { TOKEN: app.env.MODE, LEVEL: "low" } }`,
    `TypecheckError: Component ${WIDGET} env var Identifier("TOKEN") is required, but parent env var MODE is optional`,
  ],
  [
    "parent validator too wide",
    `{ env: { TOKEN: "t", LEVEL: app.env.API_KEY } }`,
    `TypecheckError: Component ${WIDGET} env var Identifier("LEVEL") validator is not satisfied by parent env var API_KEY validator`,
  ],
])("binding with %s is rejected", async (_name, useOptions, expected) => {
  const message = await loadFailure(appConfig(VALID_APP_OPTIONS, useOptions));
  expect(message).toContain(expected);
});

test("literal parent fits string child", async () => {
  const engine = await start(
    writeProject(
      appConfig(
        `{ env: { API_KEY: v.string(), MODE: v.literal("low") } }`,
        `{ env: { TOKEN: app.env.API_KEY, LEVEL: app.env.MODE } }`,
      ),
    ),
  );
  await engine.env.set("API_KEY", "key-2");
  await engine.env.set("MODE", "low");
  expect(await queryValue(engine, "settings:read", "widget")).toEqual({
    token: "key-2",
    level: "low",
  });
});

test("number validator on the app is rejected", async () => {
  const message = await loadFailure(
    appConfig(
      `{ env: { PORT: v.number() } }`,
      `{ env: { TOKEN: "t", LEVEL: "low" } }`,
    ),
  );
  expect(message).toBe(
    'InvalidEnvVarDeclaration: Env var `PORT` on the app has a non-string validator. Component env vars must be declared with `v.string()`, `v.literal("...")`, or a union of those.',
  );
});

test("number validator on a component is rejected", async () => {
  const projectDir = writeProject(
    appConfig("", `{ env: { TOKEN: "t", LEVEL: "low" } }`),
  );
  writeFileSync(
    path.join(projectDir, "convex", "widget", "convex.config.ts"),
    WIDGET_CONFIG.replace(
      "NOTE: v.optional(v.string())",
      "NOTE: v.optional(v.number())",
    ),
  );
  const error = await start(projectDir).then(
    () => null,
    (thrown: unknown) => thrown as Error,
  );
  expect(error?.message).toBe(
    'InvalidEnvVarDeclaration: Env var `NOTE` on component widget has a non-string validator. Component env vars must be declared with `v.string()`, `v.literal("...")`, or a union of those.',
  );
});

test("first load with missing variables logs", async () => {
  const logged: Logged[] = [];
  const engine = await start(
    writeProject(appConfig(VALID_APP_OPTIONS, VALID_USE_OPTIONS)),
    logged,
  );
  const errors = logged.filter((entry) => entry.level === "error");
  expect(errors).toHaveLength(1);
  expect(errors[0]!.message).toContain(
    "MissingEnvironmentVariables: Required environment variables are not set: API_KEY. Set them in the Convex dashboard or CLI before pushing.",
  );
  expect(await queryValue(engine, "probe:version")).toBe("1");
});

test("reload with missing variable keeps serving", async () => {
  const projectDir = writeProject(
    appConfig(VALID_APP_OPTIONS, VALID_USE_OPTIONS),
  );
  const engine = await start(projectDir);
  await engine.env.set("API_KEY", "key-3");
  writeApp(
    projectDir,
    appConfig(
      `{ env: { API_KEY: v.string(), SECRET: v.string(), ALSO: v.string() } }`,
      VALID_USE_OPTIONS,
    ),
    "2",
  );
  await expect(engine.reload()).rejects.toThrow(
    "MissingEnvironmentVariables: Required environment variables are not set: ALSO, SECRET. Set them in the Convex dashboard or CLI before pushing.",
  );
  expect(await queryValue(engine, "probe:version")).toBe("1");

  await engine.env.set("SECRET", "s");
  await engine.env.set("ALSO", "a");
  await engine.reload();
  expect(await queryValue(engine, "probe:version")).toBe("2");
});

test("reload with invalid value keeps serving", async () => {
  const projectDir = writeProject(
    appConfig(VALID_APP_OPTIONS, VALID_USE_OPTIONS),
  );
  const engine = await start(projectDir);
  await engine.env.set("API_KEY", "key-4");
  await engine.env.set("STAGE", "qa");
  writeApp(
    projectDir,
    appConfig(
      `{ env: { API_KEY: v.string(), STAGE: v.literal("prod") } }`,
      VALID_USE_OPTIONS,
    ),
    "2",
  );
  await expect(engine.reload()).rejects.toThrow(
    "InvalidEnvironmentVariable: Environment variable STAGE does not match its declared validator: ",
  );
  expect(await queryValue(engine, "probe:version")).toBe("1");
});

test("bad binding on reload keeps serving", async () => {
  const projectDir = writeProject(
    appConfig(VALID_APP_OPTIONS, VALID_USE_OPTIONS),
  );
  const engine = await start(projectDir);
  writeApp(
    projectDir,
    appConfig(VALID_APP_OPTIONS, `{ env: { LEVEL: "low" } }`),
    "2",
  );
  await expect(engine.reload()).rejects.toThrow(
    `TypecheckError: Component ${WIDGET} is missing required env var Identifier("TOKEN")`,
  );
  expect(await queryValue(engine, "probe:version")).toBe("1");
});

test("env changes follow the declarations", async () => {
  const engine = await start(
    writeProject(appConfig(VALID_APP_OPTIONS, VALID_USE_OPTIONS)),
  );
  await engine.env.set("API_KEY", "key-5");
  await expect(engine.env.set("MODE", "c")).rejects.toThrow(
    "Environment variable MODE does not match its declared validator: ",
  );
  await expect(engine.env.remove("API_KEY")).rejects.toThrow(
    "Cannot delete required environment variables: API_KEY. These are declared as required in the app definition.",
  );
  await engine.env.set("MODE", "b");
  await engine.env.remove("MODE");
  expect(await engine.env.list()).toEqual({ API_KEY: "key-5" });
});

test("removal of required variables names all", async () => {
  const engine = await start(
    writeProject(
      appConfig(
        `{ env: { API_KEY: v.string(), SECRET: v.string() } }`,
        VALID_USE_OPTIONS,
      ),
    ),
  );
  await engine.env.update([
    { name: "API_KEY", value: "key" },
    { name: "SECRET", value: "secret" },
  ]);
  await expect(
    engine.env.update([
      { name: "SECRET" },
      { name: "OTHER" },
      { name: "API_KEY" },
    ]),
  ).rejects.toThrow(
    "Cannot delete required environment variables: API_KEY, SECRET. These are declared as required in the app definition.",
  );
  expect(await engine.env.list()).toEqual({ API_KEY: "key", SECRET: "secret" });
});

test("app without declarations accepts any env", async () => {
  const engine = await start(
    writeProject(appConfig("", `{ env: { TOKEN: "t", LEVEL: "low" } }`)),
  );
  await engine.env.set("ANYTHING", "1");
  await engine.env.remove("ANYTHING");
  expect(await queryValue(engine, "settings:read", "widget")).toEqual({
    token: "t",
    level: "low",
  });
});

test("rejected change applies no change", async () => {
  const engine = await start(
    writeProject(appConfig(VALID_APP_OPTIONS, VALID_USE_OPTIONS)),
  );
  await engine.env.set("API_KEY", "key-1");
  await expect(
    engine.env.update([
      { name: "API_KEY", value: "key-2" },
      { name: "OTHER", value: "set" },
      { name: "MODE", value: "c" },
    ]),
  ).rejects.toThrow(
    "Environment variable MODE does not match its declared validator: ",
  );
  await expect(
    engine.env.update([{ name: "MODE", value: "a" }, { name: "API_KEY" }]),
  ).rejects.toThrow("Cannot delete required environment variables: API_KEY.");
  expect(await engine.env.list()).toEqual({ API_KEY: "key-1" });

  await engine.env.update([
    { name: "API_KEY", value: "key-3" },
    { name: "MODE", value: "b" },
  ]);
  expect(await engine.env.list()).toEqual({ API_KEY: "key-3", MODE: "b" });
});

test("rejected HTTP update applies no change", async () => {
  const engine = await start(
    writeProject(appConfig(VALID_APP_OPTIONS, VALID_USE_OPTIONS)),
  );
  await engine.env.set("API_KEY", "key-1");
  // At 40 past INTAKE_PORT_BASE when that is set, on a free port otherwise.
  const base = process.env.INTAKE_PORT_BASE;
  const server = await startApiServer({
    engine,
    port: base ? Number(base) + 40 : 0,
    logger: { info() {}, warn() {}, error() {} },
  });
  try {
    const response = await fetch(
      `http://127.0.0.1:${server.port}/api/update_environment_variables`,
      {
        method: "POST",
        headers: {
          Authorization: `Convex ${ADMIN_KEY}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify({
          changes: [
            { name: "API_KEY", value: "key-2" },
            { name: "MODE", value: "c" },
          ],
        }),
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe(
      "InvalidEnvironmentVariable",
    );
  } finally {
    await server.close();
  }
  expect(await engine.env.list()).toEqual({ API_KEY: "key-1" });
});
