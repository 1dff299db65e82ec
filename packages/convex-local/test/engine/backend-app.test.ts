import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createEngine, type LocalEngine } from "../../src/engine/create-engine";
import type { Caller, ConvexJson } from "../../src/engine/types";
import { convexAuthEnv, SiteProxy } from "./auth-helpers";

const BACKEND = path.join(import.meta.dirname, "..", "..", "..", "backend");
const silent = { info() {}, warn() {}, error() {} };
const anonymous: Caller = { kind: "anonymous" };

let engine: LocalEngine;
let proxy: SiteProxy;
let stateDir: string;

beforeAll(async () => {
  proxy = new SiteProxy();
  const siteUrl = await proxy.listen();
  stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-backend-"));
  engine = await createEngine({
    projectDir: BACKEND,
    stateDir,
    cloudUrl: "http://127.0.0.1:1",
    siteUrl,
    logger: silent,
  });
  proxy.attach(engine);
  for (const [name, value] of Object.entries(await convexAuthEnv(siteUrl))) {
    await engine.env.set(name, value);
  }
});

afterAll(async () => {
  await engine.close();
  await proxy.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function signIn(
  email: string,
  password: string,
  flow: "signUp" | "signIn",
) {
  const result = await engine.runAction({
    path: "auth:signIn",
    args: { provider: "password", params: { email, password, flow } },
    caller: anonymous,
  });
  if (!result.ok) throw new Error(result.errorMessage);
  return (result.value as { tokens: { token: string } }).tokens.token;
}

async function asUser(token: string): Promise<Caller> {
  const identity = await engine.authenticate(token);
  return { kind: "user", identity, token };
}

function value(result: {
  ok: boolean;
  value?: ConvexJson;
  errorMessage?: string;
}) {
  if (!result.ok) throw new Error(result.errorMessage);
  return result.value;
}

test("password sign up issues a verifiable token", async () => {
  const token = await signIn(
    "new.user@intake.test",
    "correct-horse-9",
    "signUp",
  );
  const identity = await engine.authenticate(token);
  expect(identity.issuer).toBe(proxy.url);
  expect(identity.tokenIdentifier.startsWith(`${proxy.url}|`)).toBe(true);
  const clinics = value(
    await engine.runQuery({
      path: "clinics:listMine",
      args: {},
      caller: await asUser(token),
    }),
  );
  expect(clinics).toEqual([]);
});

test("seed is idempotent and staff can sign in", async () => {
  const admin: Caller = { kind: "admin" };
  const first = value(
    await engine.runAction({ path: "seed:demo", args: {}, caller: admin }),
  );
  const second = value(
    await engine.runAction({ path: "seed:demo", args: {}, caller: admin }),
  );
  expect(second).toEqual(first);
  const caller = await asUser(
    await signIn("demo@intake.test", "demo-password-1", "signIn"),
  );
  const clinics = value(
    await engine.runQuery({ path: "clinics:listMine", args: {}, caller }),
  ) as {
    name: string;
  }[];
  expect(clinics.map((clinic) => clinic.name)).toEqual([
    "Maple Street Family Clinic",
  ]);
});

test("views count on the sharded counter", async () => {
  const published = value(
    await engine.runQuery({
      path: "forms:getPublished",
      args: { slug: "new-patient-demo" },
      caller: anonymous,
    }),
  ) as { formId: string } | null;
  expect(published).not.toBeNull();
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      engine.runMutation({
        path: "views:record",
        args: { slug: "new-patient-demo", visitorId: `visitor-${i}-abcdef` },
        caller: anonymous,
      }),
    ),
  );
  const recorded = results.filter((result) => result.ok).length;
  expect(recorded).toBe(6);
  const caller = await asUser(
    await signIn("demo@intake.test", "demo-password-1", "signIn"),
  );
  const stats = value(
    await engine.runQuery({
      path: "stats:forForm",
      args: { formId: published!.formId },
      caller,
    }),
  ) as { views: number };
  expect(stats.views).toBe(recorded);
});
