import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startApiServer } from "../../src/http/api-server.js";
import type { RunningServer } from "../../src/http/site-server.js";
import { startTestEngine, type TestEngine } from "../engine/helpers.js";
import { memoryLogger } from "./harness.js";

const stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-jwt-"));
const admin = { kind: "admin" } as const;
let t: TestEngine;
let server: RunningServer;

beforeAll(async () => {
  t = await startTestEngine("fidelity-app", { stateDir });
  server = await startApiServer({
    engine: t.engine,
    port: 0,
    logger: memoryLogger(),
  });
});

afterAll(async () => {
  await server.close();
  await t.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function fetchJwks() {
  const response = await fetch(
    `http://127.0.0.1:${server.port}/.well-known/jwks.json`,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Parameters<typeof createLocalJWKSet>[0];
}

test("signJwt token verifies against JWKS", async () => {
  const token = (await t.mutation("tokens:sign", {
    claims: { role: "kiosk", clinic: "north" },
    expiresInSeconds: 600,
  })) as string;
  const jwks = await fetchJwks();
  const { payload, protectedHeader } = await jwtVerify(
    token,
    createLocalJWKSet(jwks),
    { issuer: "http://127.0.0.1:1" },
  );
  expect(protectedHeader.alg).toBe("ES256");
  expect(protectedHeader.kid).toBe(jwks.keys[0]!.kid);
  expect(payload.role).toBe("kiosk");
  expect(payload.clinic).toBe("north");
  expect(payload.exp! - payload.iat!).toBe(600);
  expect(jwks.keys[0]).not.toHaveProperty("d");
});

test.each([
  [{ expiresInSeconds: 3601 }, "Invalid `expiresInSeconds`"],
  [{ expiresInSeconds: 0 }, "Invalid `expiresInSeconds`"],
  [{ expiresInSeconds: 60, claims: { exp: 1 } }, "Invalid claim `exp`"],
  [{ expiresInSeconds: 60, claims: { CvxRole: 1 } }, "Invalid claim `CvxRole`"],
  [
    { expiresInSeconds: 60, claims: { convexUser: 1 } },
    "Invalid claim `convexUser`",
  ],
])("signJwt rejects %j", async (args, message) => {
  const result = await t.engine.runMutation({
    path: "tokens:sign",
    args: { claims: {}, ...args },
    caller: admin,
  });
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errorMessage).toContain(message);
});

test("signing key survives restart", async () => {
  const before = (await fetchJwks()).keys[0]!.kid;
  const again = await startTestEngine("fidelity-app", {
    stateDir: mkdtempSync(path.join(tmpdir(), "convex-local-jwt-other-")),
  });
  const token = (await again.mutation("tokens:sign", {
    claims: {},
    expiresInSeconds: 60,
  })) as string;
  expect(decodeProtectedHeader(token).kid).not.toBe(before);
  await again.close();

  await server.close();
  await t.close();
  t = await startTestEngine("fidelity-app", { stateDir });
  server = await startApiServer({
    engine: t.engine,
    port: 0,
    logger: memoryLogger(),
  });
  expect((await fetchJwks()).keys[0]!.kid).toBe(before);
});
