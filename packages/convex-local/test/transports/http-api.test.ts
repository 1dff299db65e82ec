import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { ConvexError } from "convex/values";
import { connect } from "node:net";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { startSiteServer } from "../../src/http/site-server.js";
import { ADMIN_KEY, encodeInt64 } from "./fake-engine.js";
import { memoryLogger, startTestServer, type TestServer } from "./harness.js";

const getCounter = makeFunctionReference<"query", { name: string }, number>(
  "counter:get",
);
const increment = makeFunctionReference<"mutation", { name: string }, number>(
  "counter:increment",
);
const whoami = makeFunctionReference<
  "query",
  Record<string, never>,
  string | null
>("auth:whoami");
const secret = makeFunctionReference<"query", Record<string, never>, string>(
  "admin:secret",
);
const failingMutation = makeFunctionReference<"mutation">("errors:mutation");
const echo = makeFunctionReference<"action", { text: string }>("actions:echo");

/** Methods the client marks internal: admin auth and `/api/function`. */
type AdminHttpClient = ConvexHttpClient & {
  setAdminAuth(key: string, actingAs?: Record<string, unknown>): void;
  function(
    name: string,
    componentPath?: string,
    args?: Record<string, unknown>,
  ): Promise<unknown>;
};

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.close();
});

function client(): AdminHttpClient {
  return new ConvexHttpClient(server.url, {
    logger: false,
  }) as AdminHttpClient;
}

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text),
  };
}

describe("ConvexHttpClient", () => {
  test("query, mutation and action", async () => {
    const http = client();
    expect(await http.query(getCounter, { name: "h" })).toBe(0);
    expect(await http.mutation(increment, { name: "h" })).toBe(1);
    expect(await http.query(getCounter, { name: "h" })).toBe(1);
    expect(await http.action(echo, { text: "hi" })).toEqual({ text: "hi" });
  });

  test("consistentQuery reads at query_ts", async () => {
    const http = client();
    await http.mutation(increment, { name: "c" });
    expect(await http.consistentQuery(getCounter, { name: "c" })).toBe(1);
    await http.mutation(increment, { name: "c" });
    // The timestamp is fixed per client, so the second read returns the first value.
    expect(await http.consistentQuery(getCounter, { name: "c" })).toBe(1);
  });

  test("ConvexError arrives with data", async () => {
    const error = await client()
      .mutation(failingMutation, {})
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ kind: string }>).data.kind).toBe(
      "invalidAnswers",
    );
  });

  test("bearer token sets the identity", async () => {
    const http = client();
    http.setAuth("valid-token-bob");
    expect(await http.query(whoami, {})).toBe("bob");
  });

  test("invalid bearer token is 401", async () => {
    const http = client();
    http.setAuth("forged");
    await expect(http.query(whoami, {})).rejects.toThrow(/Unauthenticated/);
  });

  test("admin key reaches admin-only function", async () => {
    const http = client();
    await expect(http.query(secret, {})).rejects.toThrow(/Could not find/);
    http.setAdminAuth(ADMIN_KEY);
    expect(await http.query(secret, {})).toBe("secret");
  });

  test("admin impersonation sets the identity", async () => {
    const http = client();
    http.setAdminAuth(ADMIN_KEY, {
      subject: "carol",
      issuer: "https://issuer.test",
    });
    expect(await http.query(whoami, {})).toBe("carol");
  });

  test("bad admin key is 401", async () => {
    const http = client();
    http.setAdminAuth("not-the-key");
    await expect(http.query(getCounter, { name: "a" })).rejects.toThrow(
      /BadAdminKey/,
    );
  });

  test("function on a component needs admin", async () => {
    const http = client();
    await expect(
      http.function("public:count", "shardedCounter", {}),
    ).rejects.toThrow(/Forbidden/);
    http.setAdminAuth(ADMIN_KEY);
    expect(await http.function("public:count", "shardedCounter", {})).toBe(
      "component shardedCounter",
    );
  });
});

describe("formats", () => {
  test.each([
    ["json", "42"],
    ["convex_encoded_json", { $integer: encodeInt64(42n) }],
    [undefined, "42"],
  ])("int64 in %s", async (format, expected) => {
    const response = await post("/api/query", {
      path: "values:int64",
      args: {},
      ...(format ? { format } : {}),
    });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      status: "success",
      value: expected,
    });
  });

  test.each([
    ["json", "AQID"],
    ["convex_encoded_json", { $bytes: "AQID" }],
  ])("bytes in %s", async (format, expected) => {
    const response = await post("/api/query", { path: "values:bytes", format });
    expect(response.json().value).toEqual(expected);
  });

  test("unknown format is 400", async () => {
    const response = await post("/api/query", {
      path: "counter:get",
      args: {},
      format: "xml",
    });
    expect(response.status).toBe(400);
    expect(response.json().code).toBe("BadFormat");
  });

  test("error body has errorData and no HTTP error", async () => {
    const response = await post("/api/mutation", {
      path: "errors:mutation",
      args: [{}],
      format: "json",
    });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      status: "error",
      errorData: { kind: "invalidAnswers" },
    });
  });
});

describe("endpoints", () => {
  test("GET /api/query", async () => {
    await client().mutation(increment, { name: "g" });
    const args = encodeURIComponent(JSON.stringify({ name: "g" }));
    const response = await fetch(
      `${server.url}/api/query?path=counter:get&args=${args}`,
    );
    expect(await response.json()).toMatchObject({
      status: "success",
      value: 1,
    });
  });

  test("query_batch runs at one timestamp", async () => {
    const response = await post("/api/query_batch", {
      queries: [
        { path: "counter:get", args: { name: "a" } },
        { path: "errors:query", args: {} },
      ],
    });
    const { results } = response.json();
    expect(results[0]).toMatchObject({ status: "success", value: 0 });
    expect(results[1]).toMatchObject({
      status: "error",
      errorData: { kind: "formNotFound" },
    });
  });

  test("run by URL", async () => {
    const response = await post("/api/run/counter/increment", {
      args: { name: "r" },
    });
    expect(response.json()).toMatchObject({ status: "success", value: 1 });
  });

  test("OCC failure is 503", async () => {
    server.engine.occFailures = Infinity;
    const response = await post("/api/mutation", {
      path: "counter:increment",
      args: [{ name: "a" }],
    });
    expect(response.status).toBe(503);
    expect(response.json().code).toBe("OptimisticConcurrencyControlFailure");
  });

  test.each([
    ["invalid JSON", "/api/query", "{oops", 400, "BadJsonBody"],
    ["missing path", "/api/query", {}, 400, "BadJsonBody"],
    ["unknown route", "/api/nothing", {}, 404, "NotFound"],
    [
      "bad timestamp",
      "/api/query_at_ts",
      { path: "a:b", ts: "x" },
      400,
      "BadJsonBody",
    ],
  ])("%s", async (_name, path, body, status, code) => {
    const response = await post(path, body);
    expect(response.status).toBe(status);
    expect(response.json().code).toBe(code);
  });

  test("CORS preflight", async () => {
    const response = await fetch(`${server.url}/api/query`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://127.0.0.1:4000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(
      "http://127.0.0.1:4000",
    );
    expect(response.headers.get("access-control-allow-headers")).toContain(
      "Convex-Client",
    );
  });

  test("CORS header on responses", async () => {
    const response = await post(
      "/api/query",
      { path: "counter:get", args: { name: "a" } },
      { Origin: "http://127.0.0.1:4001" },
    );
    expect(response.headers.get("access-control-allow-origin")).toBe(
      "http://127.0.0.1:4001",
    );
  });
});

describe("environment variables", () => {
  const admin = { Authorization: `Convex ${ADMIN_KEY}` };

  test("set, list and remove", async () => {
    const set = await post(
      "/api/update_environment_variables",
      {
        changes: [
          { name: "SITE_URL", value: "http://x" },
          { name: "B", value: "2" },
        ],
      },
      admin,
    );
    expect(set.status).toBe(200);
    await post(
      "/api/update_environment_variables",
      { changes: [{ name: "B" }] },
      admin,
    );
    const list = await post("/api/list_environment_variables", {}, admin);
    expect(list.json()).toEqual({
      environmentVariables: { SITE_URL: "http://x" },
    });
  });

  test("needs the admin key", async () => {
    const response = await post("/api/list_environment_variables", {});
    expect(response.status).toBe(401);
  });

  test.each([
    ["a change that is no object", ["NAME=v"]],
    ["a name that is no string", [{ name: 7, value: "v" }]],
    ["a value that is no string", [{ name: "NAME", value: 7 }]],
    ["a value with a lone surrogate", [{ name: "NAME", value: "x\ud800y" }]],
  ])("rejects %s", async (_label, changes) => {
    const response = await post(
      "/api/update_environment_variables",
      { changes },
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.json().code).toBe("BadJsonBody");
    const list = await post("/api/list_environment_variables", {}, admin);
    expect(list.json()).toEqual({ environmentVariables: {} });
  });
});

describe("HTTP actions", () => {
  const startSite = () =>
    startSiteServer({ engine: server.engine, port: 0, logger: memoryLogger() });

  test("API port proxies /http/", async () => {
    const response = await fetch(`${server.url}/http/echo?q=1`, {
      method: "POST",
      body: "payload",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("POST /echo?q=1 payload");
    expect(response.headers.get("x-route")).toBe("echo");
    expect(response.headers.get("set-cookie")).toBe("a=1");
  });

  test("site server routes the whole path", async () => {
    const site = await startSite();
    try {
      const ok = await fetch(`http://127.0.0.1:${site.port}/echo`);
      expect(await ok.text()).toBe("GET /echo ");
      const missing = await fetch(`http://127.0.0.1:${site.port}/nope`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe("No HttpAction routed for /nope");
    } finally {
      await site.close();
    }
  });

  test("site server keeps a leading double slash", async () => {
    const site = await startSite();
    try {
      const response = await fetch(`http://127.0.0.1:${site.port}//x/echo`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("No HttpAction routed for //x/echo");
    } finally {
      await site.close();
    }
  });

  test("API port keeps a leading double slash", async () => {
    const response = await fetch(`${server.url}//x/http/echo`);
    expect(response.status).toBe(404);
    expect(response.headers.get("x-route")).toBeNull();
  });
});

test("abandoned request body is not logged as an error", async () => {
  const socket = connect(server.port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.write(
    "POST /api/mutation HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.destroy();

  // The server still serves requests, and it logged the abandoned one.
  expect(await client().mutation(increment, { name: "after" })).toBe(1);
  await expect
    .poll(() => server.logger.lines.filter((line) => line.includes("closed")))
    .toEqual(["INFO POST /api/mutation: the client closed the request"]);
  expect(
    server.logger.lines.filter((line) => line.startsWith("ERROR")),
  ).toEqual([]);
});
