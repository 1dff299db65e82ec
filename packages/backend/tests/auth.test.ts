import { decodeJwt } from "jose";
import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { maxPasswordLength, minPasswordLength } from "../convex/auth";
import { demoData } from "../convex/seed";
import { expectIntakeError } from "./fixtures";
import { createTestBackend, type TestBackend } from "./harness";

const password = "correct-horse-1";

let emailCounter = 0;

/**
 * Returns an address no other test of the file uses, because tests on a
 * local backend share its database.
 */
function newEmail(): string {
  emailCounter += 1;
  return `user${emailCounter}@auth.test`;
}

/** Calls the Password provider and returns the session's user id. */
async function passwordAuth(
  backend: TestBackend,
  flow: "signUp" | "signIn",
  email: string,
  secret = password,
): Promise<Id<"users">> {
  const result = await backend.action(api.auth.signIn, {
    provider: "password",
    params: { flow, email, password: secret },
  });
  const token = result.tokens?.token;
  if (token === undefined) throw new Error(`${flow} returned no token.`);
  // Convex Auth's JWT subject is "<userId>|<sessionId>".
  return (decodeJwt(token).sub ?? "").split("|")[0] as Id<"users">;
}

function findAccount(backend: TestBackend, email: string) {
  return backend.run(internal.testing.findPasswordAccount, { email });
}

const invalidEmails = [
  { $description: "a missing @", email: "not an email" },
  { $description: "blanks only", email: "   " },
  { $description: "an empty string", email: "" },
  { $description: "a domain without a dot", email: "ada@clinic" },
  { $description: "a space inside", email: "ada lovelace@clinic.test" },
  { $description: "two @ signs", email: "ada@home@clinic.test" },
  {
    $description: "a 65-character local part",
    email: `${"a".repeat(65)}@x.test`,
  },
  {
    $description: "255 characters",
    email: `ada@${"d".repeat(246)}.test`,
  },
  { $description: "100 KB", email: `${"a".repeat(100_000)}@clinic.test` },
];

describe("password sign-up", () => {
  test("stores the email trimmed and lower-cased", async () => {
    const backend = createTestBackend();
    const email = newEmail();
    const userId = await passwordAuth(
      backend,
      "signUp",
      `  ${email.toUpperCase()} `,
    );
    const account = await findAccount(backend, email);
    expect(account?.userId).toBe(userId);
    expect(await findAccount(backend, email.toUpperCase())).toBeNull();
  });

  test("accepts a 254-character email", async () => {
    const backend = createTestBackend();
    const email = `${newEmail().split("@")[0]}@${"d".repeat(240)}.test`;
    expect(email.length).toBeLessThanOrEqual(254);
    const userId = await passwordAuth(backend, "signUp", email);
    expect((await findAccount(backend, email))?.userId).toBe(userId);
  });

  test("reuses the account of another case", async () => {
    const backend = createTestBackend();
    const demo = await backend.run(internal.seed.demo, {});
    const users = await backend.run(internal.testing.countRows, {
      table: "users",
    });
    // Sign-up with an existing account's password signs in to it.
    const userId = await passwordAuth(
      backend,
      "signUp",
      "DEMO@intake.test",
      demoData.password,
    );
    expect(userId).toBe(demo.userId);
    await expect(
      passwordAuth(backend, "signUp", "Demo@Intake.test", password),
    ).rejects.toThrow(/already exists/);
    const usersAfter = await backend.run(internal.testing.countRows, {
      table: "users",
    });
    expect(usersAfter).toBe(users);
    expect(await findAccount(backend, "DEMO@intake.test")).toBeNull();
  });

  test.each(invalidEmails)("rejects $$description", async ({ email }) => {
    const backend = createTestBackend();
    const error = await expectIntakeError(
      passwordAuth(backend, "signUp", email),
      "invalidArgument",
    );
    expect(error.argument).toBe("email");
    expect(error.message.length).toBeLessThan(200);
  });

  test.each([
    { $description: "a 7-character password", secret: "x".repeat(7) },
    {
      $description: "a password above the maximum",
      secret: "x".repeat(maxPasswordLength + 1),
    },
  ])("rejects $$description", async ({ secret }) => {
    const backend = createTestBackend();
    const email = newEmail();
    const error = await expectIntakeError(
      passwordAuth(backend, "signUp", email, secret),
      "invalidArgument",
    );
    expect(error.argument).toBe("password");
    expect(error.message).toContain(String(minPasswordLength));
    expect(await findAccount(backend, email)).toBeNull();
  });

  test("accepts an 8-character password", async () => {
    const backend = createTestBackend();
    const email = newEmail();
    const secret = "x".repeat(minPasswordLength);
    const userId = await passwordAuth(backend, "signUp", email, secret);
    expect((await findAccount(backend, email))?.userId).toBe(userId);
  });
});

describe("password sign-in", () => {
  test.each([
    { $description: "upper case", email: "DEMO@intake.test" },
    { $description: "blanks around", email: " demo@intake.test " },
    { $description: "exact spelling", email: "demo@intake.test" },
  ])("finds the account by $$description", async ({ email }) => {
    const backend = createTestBackend();
    const demo = await backend.run(internal.seed.demo, {});
    const userId = await passwordAuth(
      backend,
      "signIn",
      email,
      demoData.password,
    );
    expect(userId).toBe(demo.userId);
  });

  test.each(invalidEmails)("rejects $$description", async ({ email }) => {
    const backend = createTestBackend();
    const error = await expectIntakeError(
      passwordAuth(backend, "signIn", email),
      "invalidArgument",
    );
    expect(error.argument).toBe("email");
  });
});
