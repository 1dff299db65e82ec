import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import { inviteLifetimeMs } from "../convex/invites";
import { sha256Hex } from "../convex/lib/secrets";
import { createClinic, expectIntakeError } from "./fixtures";
import { createTestBackend } from "./harness";

async function createWorld() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Birch Clinic");
  const colleague = await backend.signUp("colleague@clinic.test");
  return { backend, ...clinic, colleague };
}

describe("invites.create", () => {
  test("returns a random token valid 7 days", async () => {
    const { owner, clinicId } = await createWorld();
    const before = Date.now();
    const first = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    const second = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.token).not.toBe(first.token);
    expect(first.expiresAt).toBeGreaterThanOrEqual(before + inviteLifetimeMs);
    expect(first.expiresAt).toBeLessThan(Date.now() + inviteLifetimeMs + 1000);
  });

  test("stores only the token's hash", async () => {
    const { backend, owner, clinicId } = await createWorld();
    const { token, inviteId } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "owner",
    });
    const stored = await backend.run(internal.testing.findInvite, {
      inviteId,
    });
    expect(stored?.tokenHash).toBe(await sha256Hex(token));
    expect(stored?.fields).not.toContain("token");
    const listed = await owner.query(api.invites.list, { clinicId });
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  test("keeps the email note normalized", async () => {
    const { owner, clinicId } = await createWorld();
    await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
      email: " Grace@Clinic.test ",
    });
    const [invite] = await owner.query(api.invites.list, { clinicId });
    expect(invite?.email).toBe("grace@clinic.test");
    expect(invite?.state).toBe("valid");
  });

  test("rejects a malformed email note", async () => {
    const { owner, clinicId } = await createWorld();
    const error = await expectIntakeError(
      owner.mutation(api.invites.create, {
        clinicId,
        role: "staff",
        email: "not an address",
      }),
      "invalidArgument",
    );
    expect(error.argument).toBe("email");
  });

  test("rejects staff", async () => {
    const { backend, owner, clinicId, colleague } = await createWorld();
    await backend.run(internal.members.addExisting, {
      clinicId,
      email: colleague.email,
      role: "staff",
    });
    const error = await expectIntakeError(
      colleague.mutation(api.invites.create, { clinicId, role: "staff" }),
      "forbidden",
    );
    expect(error.message).toContain("owner");
    expect(await owner.query(api.invites.list, { clinicId })).toEqual([]);
  });
});

describe("invites.peek", () => {
  test("shows the clinic and role anonymously", async () => {
    const { backend, owner, clinicId } = await createWorld();
    const { token } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "owner",
    });
    expect(await backend.query(api.invites.peek, { token })).toEqual({
      clinicName: "Birch Clinic",
      role: "owner",
      state: "valid",
    });
  });

  test.each([
    { $description: "an unknown token", token: "x".repeat(43) },
    { $description: "an empty token", token: "" },
    { $description: "a 1 MiB token", token: "x".repeat(1024 * 1024) },
  ])("returns null for $$description", async ({ token }) => {
    const { backend } = await createWorld();
    expect(await backend.query(api.invites.peek, { token })).toBeNull();
  });

  test("shows an expired invite", async () => {
    const { backend, clinicId } = await createWorld();
    const { token } = await backend.run(internal.invites.createWithExpiry, {
      clinicId,
      role: "staff",
      expiresInMs: -1000,
    });
    const peeked = await backend.query(api.invites.peek, { token });
    expect(peeked?.state).toBe("expired");
  });
});

describe("invites.accept", () => {
  test("adds the member with the role", async () => {
    const { owner, clinicId, colleague } = await createWorld();
    const { token } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    const result = await colleague.mutation(api.invites.accept, { token });
    expect(result).toEqual({ clinicId, status: "joined" });
    const mine = await colleague.query(api.clinics.listMine, {});
    expect(mine).toEqual([{ clinicId, name: "Birch Clinic", role: "staff" }]);
    const peeked = await colleague.query(api.invites.peek, { token });
    expect(peeked?.state).toBe("used");
    expect(await owner.query(api.invites.list, { clinicId })).toEqual([]);
  });

  test("rejects anonymous callers", async () => {
    const { backend, owner, clinicId } = await createWorld();
    const { token } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    await expectIntakeError(
      backend.mutation(api.invites.accept, { token }),
      "unauthenticated",
    );
    const peeked = await backend.query(api.invites.peek, { token });
    expect(peeked?.state).toBe("valid");
  });

  test("rejects a used link", async () => {
    const { backend, owner, clinicId, colleague } = await createWorld();
    const { token } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    await colleague.mutation(api.invites.accept, { token });
    const third = await backend.signUp("third@clinic.test");
    const error = await expectIntakeError(
      third.mutation(api.invites.accept, { token }),
      "inviteUnavailable",
    );
    expect(error.reason).toBe("used");
    expect(await third.query(api.clinics.listMine, {})).toEqual([]);
  });

  test("rejects an expired link", async () => {
    const { backend, clinicId, colleague } = await createWorld();
    const { token } = await backend.run(internal.invites.createWithExpiry, {
      clinicId,
      role: "staff",
      expiresInMs: -1,
    });
    const error = await expectIntakeError(
      colleague.mutation(api.invites.accept, { token }),
      "inviteUnavailable",
    );
    expect(error.reason).toBe("expired");
    expect(error.message).toContain("new one");
    expect(await colleague.query(api.clinics.listMine, {})).toEqual([]);
  });

  test("rejects a revoked link", async () => {
    const { owner, clinicId, colleague } = await createWorld();
    const { token, inviteId } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    await owner.mutation(api.invites.revoke, { inviteId });
    const error = await expectIntakeError(
      colleague.mutation(api.invites.accept, { token }),
      "inviteUnavailable",
    );
    expect(error.reason).toBe("revoked");
    expect(await colleague.query(api.clinics.listMine, {})).toEqual([]);
    expect(await owner.query(api.invites.list, { clinicId })).toEqual([]);
  });

  test("rejects an unknown token", async () => {
    const { colleague } = await createWorld();
    await expectIntakeError(
      colleague.mutation(api.invites.accept, { token: "y".repeat(43) }),
      "notFound",
    );
  });

  test("leaves an existing member's role", async () => {
    const { owner, clinicId } = await createWorld();
    const { token } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    const result = await owner.mutation(api.invites.accept, { token });
    expect(result).toEqual({ clinicId, status: "alreadyMember" });
    const members = await owner.query(api.members.list, { clinicId });
    expect(members).toEqual([
      {
        userId: owner.userId,
        email: owner.email,
        role: "owner",
        isCaller: true,
      },
    ]);
    const peeked = await owner.query(api.invites.peek, { token });
    expect(peeked?.state).toBe("valid");
  });
});

describe("invites.revoke", () => {
  test("rejects an accepted invite", async () => {
    const { owner, clinicId, colleague } = await createWorld();
    const { token, inviteId } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    await colleague.mutation(api.invites.accept, { token });
    const error = await expectIntakeError(
      owner.mutation(api.invites.revoke, { inviteId }),
      "inviteUnavailable",
    );
    expect(error.reason).toBe("used");
  });

  test("rejects owners of another clinic", async () => {
    const { backend, owner, clinicId } = await createWorld();
    const other = await createClinic(backend, "Oak Clinic");
    const { token, inviteId } = await owner.mutation(api.invites.create, {
      clinicId,
      role: "staff",
    });
    const error = await expectIntakeError(
      other.owner.mutation(api.invites.revoke, { inviteId }),
      "forbidden",
    );
    expect(error.message).not.toContain(clinicId);
    const peeked = await backend.query(api.invites.peek, { token });
    expect(peeked?.state).toBe("valid");
  });
});
