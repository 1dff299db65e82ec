import { decodeJwt } from "jose";
import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { resetCodeLength } from "../convex/auth";
import { expectIntakeError } from "./fixtures";
import { createTestBackend, type TestBackend } from "./harness";

const password = "first-password-1";
const newPassword = "second-password-2";

let emailCounter = 0;

/** Returns an address no other test of the file uses. */
function newEmail(): string {
  emailCounter += 1;
  return `reset${emailCounter}@reset.test`;
}

async function signInAction(
  backend: TestBackend,
  params: Record<string, string>,
) {
  return await backend.action(api.auth.signIn, {
    provider: "password",
    params,
  });
}

/** Signs up `email` and returns a backend with the outbox page on. */
async function withAccount(email: string): Promise<TestBackend> {
  const backend = createTestBackend();
  await backend.setEnv("INTAKE_DEV_OUTBOX", "1");
  await signInAction(backend, { flow: "signUp", email, password });
  return backend;
}

/** Returns the newest outbox code sent to `email`, or undefined. */
async function latestCode(backend: TestBackend, email: string) {
  const messages = await backend.query(api.outbox.latest, {});
  return messages?.find((message) => message.to === email)?.code ?? undefined;
}

function userIdOf(token: string | undefined): string {
  if (token === undefined) throw new Error("No session token.");
  return (decodeJwt(token).sub ?? "").split("|")[0] ?? "";
}

describe("password reset", () => {
  test("sends a numeric code to the outbox", async () => {
    const email = newEmail();
    const backend = await withAccount(email);
    const result = await signInAction(backend, { flow: "reset", email });
    expect(result.tokens).toBeNull();
    const code = await latestCode(backend, email);
    expect(code).toMatch(new RegExp(`^\\d{${resetCodeLength}}$`));
  });

  test("code sets the new password", async () => {
    const email = newEmail();
    const backend = await withAccount(email);
    await signInAction(backend, { flow: "reset", email });
    const code = (await latestCode(backend, email)) ?? "";

    const reset = await signInAction(backend, {
      flow: "reset-verification",
      email,
      code,
      newPassword,
    });
    const userId = userIdOf(reset.tokens?.token);
    const signedIn = await signInAction(backend, {
      flow: "signIn",
      email,
      password: newPassword,
    });
    expect(userIdOf(signedIn.tokens?.token)).toBe(userId);
    await expect(
      signInAction(backend, { flow: "signIn", email, password }),
    ).rejects.toThrow();
  });

  test("accepts the email in another case", async () => {
    const email = newEmail();
    const backend = await withAccount(email);
    await signInAction(backend, { flow: "reset", email: email.toUpperCase() });
    const code = (await latestCode(backend, email)) ?? "";
    const reset = await signInAction(backend, {
      flow: "reset-verification",
      email: ` ${email.toUpperCase()}`,
      code,
      newPassword,
    });
    expect(reset.tokens?.token).toBeTypeOf("string");
  });

  test("rejects a wrong code", async () => {
    const email = newEmail();
    const backend = await withAccount(email);
    await signInAction(backend, { flow: "reset", email });
    const code = (await latestCode(backend, email)) ?? "";
    const wrong = code.startsWith("0")
      ? `1${code.slice(1)}`
      : `0${code.slice(1)}`;
    await expect(
      signInAction(backend, {
        flow: "reset-verification",
        email,
        code: wrong,
        newPassword,
      }),
    ).rejects.toThrow();
    const signedIn = await signInAction(backend, {
      flow: "signIn",
      email,
      password,
    });
    expect(signedIn.tokens?.token).toBeTypeOf("string");
  });

  test("code works only once", async () => {
    const email = newEmail();
    const backend = await withAccount(email);
    await signInAction(backend, { flow: "reset", email });
    const code = (await latestCode(backend, email)) ?? "";
    const params = { flow: "reset-verification", email, code, newPassword };
    await signInAction(backend, params);
    await expect(
      signInAction(backend, { ...params, newPassword: "third-password-3" }),
    ).rejects.toThrow();
  });

  test("rejects a short new password", async () => {
    const email = newEmail();
    const backend = await withAccount(email);
    await signInAction(backend, { flow: "reset", email });
    const code = (await latestCode(backend, email)) ?? "";
    const error = await expectIntakeError(
      signInAction(backend, {
        flow: "reset-verification",
        email,
        code,
        newPassword: "short",
      }),
      "invalidArgument",
    );
    expect(error.argument).toBe("password");
  });

  test("unknown email looks like a known one", async () => {
    const known = newEmail();
    const backend = await withAccount(known);
    const unknown = newEmail();
    const knownResult = await signInAction(backend, {
      flow: "reset",
      email: known,
    });
    const unknownResult = await signInAction(backend, {
      flow: "reset",
      email: unknown,
    });
    expect(unknownResult).toEqual(knownResult);
    expect(await latestCode(backend, unknown)).toBeUndefined();
  });

  test("sign-up still works", async () => {
    const backend = createTestBackend();
    const result = await signInAction(backend, {
      flow: "signUp",
      email: newEmail(),
      password,
    });
    expect(result.tokens?.token).toBeTypeOf("string");
  });
});

describe("outbox.latest", () => {
  test("returns null while the variable is unset", async () => {
    const backend = createTestBackend();
    await backend.setEnv("INTAKE_DEV_OUTBOX", null);
    expect(await backend.query(api.outbox.latest, {})).toBeNull();
  });

  test("returns null for any value but 1", async () => {
    const backend = createTestBackend();
    await backend.setEnv("INTAKE_DEV_OUTBOX", "true");
    expect(await backend.query(api.outbox.latest, {})).toBeNull();
  });
});
