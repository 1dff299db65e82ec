import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEngine, type TestEngine } from "./helpers";

let app: TestEngine;
let prefixed: TestEngine;

beforeAll(async () => {
  app = await startTestEngine("http-app");
  prefixed = await startTestEngine("http-prefix-app");
});

afterAll(async () => {
  await app.close();
  await prefixed.close();
});

async function request(
  engine: TestEngine,
  path: string,
  method = "GET",
): Promise<{ status: number; body: string }> {
  const response = await engine.engine.runHttpAction(
    new Request(`http://127.0.0.1:2${path}`, { method }),
  );
  return { status: response.status, body: await response.text() };
}

describe("pathPrefix routes", () => {
  test.each([
    ["/api/users/me", "|exact|/api/users/me"],
    ["/api/users/42", "|users|/api/users/42"],
    ["/api/users/me/photo", "|users|/api/users/me/photo"],
    ["/api/other", "|api|/api/other"],
    ["/api/", "|api|/api/"],
  ])("GET %s", async (path, expected) => {
    const response = await request(app, path);
    expect(response.status).toBe(200);
    expect(response.body).toBe(expected);
  });

  test("POST takes its method's route", async () => {
    const exact = await request(app, "/api/users/me", "POST");
    expect(exact.status).toBe(200);
    expect(exact.body).toBe("|post|/api/users/me");

    const prefixOnlyForGet = await request(app, "/api/users/42", "POST");
    expect(prefixOnlyForGet.status).toBe(404);
    expect(prefixOnlyForGet.body).toBe(
      "No HttpAction routed for /api/users/42",
    );
  });

  test("HEAD is routed as GET", async () => {
    // The engine returns the GET route's response, and the HTTP server
    // drops its body for HEAD.
    const response = await request(app, "/api/users/me", "HEAD");
    expect(response.status).toBe(200);
    expect(response.body).toBe("|exact|/api/users/me");
  });

  test("unrouted path is 404", async () => {
    const response = await request(app, "/nowhere");
    expect(response.status).toBe(404);
    expect(response.body).toBe("No HttpAction routed for /nowhere");
  });
});

describe("component HTTP mounts", () => {
  test.each([
    ["mounted route", "/widget/hello", "widget|hello|/widget/hello"],
    ["exact app route", "/widget/exact", "|exact|/widget/exact"],
    ["longer app prefix", "/widget/root/x", "|root|/widget/root/x"],
    [
      "longer mount",
      "/widget/gadget/hello",
      "gadget|hello|/widget/gadget/hello",
    ],
    ["nested mount", "/widget/leaf/a/b", "widget/leaf|leaf|/widget/leaf/a/b"],
    [
      "nested mount of a second instance",
      "/widget/gadget/leaf/c",
      "gadget/leaf|leaf|/widget/gadget/leaf/c",
    ],
  ])("%s", async (_name, path, expected) => {
    const response = await request(app, path);
    expect(response.status).toBe(200);
    expect(response.body).toBe(expected);
  });

  test("mount wins a tie with a prefix", async () => {
    // The widget has no `/elsewhere` route, and its router's 404 names the
    // path it was given.
    const response = await request(app, "/widget/elsewhere");
    expect(response.status).toBe(404);
    expect(response.body).toBe("No HttpAction routed for /elsewhere");
  });

  test("mount needs its trailing slash", async () => {
    const response = await request(app, "/widget");
    expect(response.status).toBe(404);
    expect(response.body).toBe("No HttpAction routed for /widget");
  });
});

describe("component environment", () => {
  const site = "http://127.0.0.1:2";

  beforeAll(async () => {
    await app.engine.env.set("PLAIN", "plain value");
    await app.engine.env.set("APP_SECRET", "secret value");
  });

  test.each([
    [
      "app sees the deployment",
      "/env",
      {
        PLAIN: "plain value",
        APP_SECRET: "secret value",
        CONVEX_SITE_URL: site,
      },
    ],
    [
      "component sees its bindings",
      "/widget/env",
      {
        GREETING: "hi",
        FROM_APP: "secret value",
        PLAIN: null,
        CONVEX_SITE_URL: `${site}/widget`,
      },
    ],
    [
      "unbound component sees none",
      "/widget/gadget/env",
      {
        GREETING: null,
        FROM_APP: null,
        PLAIN: null,
        CONVEX_SITE_URL: `${site}/widget/gadget`,
      },
    ],
    [
      "nested binding to the parent",
      "/widget/leaf/env",
      {
        PARENT_GREETING: "hi",
        GREETING: null,
        CONVEX_SITE_URL: `${site}/widget/leaf`,
      },
    ],
    [
      "nested binding to an unset variable",
      "/widget/gadget/leaf/env",
      {
        PARENT_GREETING: null,
        GREETING: null,
        CONVEX_SITE_URL: `${site}/widget/gadget/leaf`,
      },
    ],
  ])("%s", async (_name, path, expected) => {
    const response = await request(app, path);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual(expected);
  });
});

describe("app httpPrefix", () => {
  test("route under the prefix", async () => {
    const response = await request(prefixed, "/v1/ping");
    expect(response.status).toBe(200);
    expect(response.body).toBe("pong");
  });

  test("route without the prefix", async () => {
    const response = await request(prefixed, "/ping");
    expect(response.status).toBe(404);
    expect(response.body).toBe(
      "This Convex deployment does not have HTTP actions enabled.",
    );
  });
});
