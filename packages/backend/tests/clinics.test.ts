import { describe, expect, test } from "vitest";
import { makeFunctionReference } from "convex/server";
import { api, internal } from "../convex/_generated/api";
import { createClinic, expectIntakeError } from "./fixtures";
import { createTestBackend } from "./harness";

describe("clinics.create", () => {
  test("makes the caller owner", async () => {
    const backend = createTestBackend();
    const user = await backend.signUp("founder@clinic.test");
    const clinicId = await user.mutation(api.clinics.create, {
      name: "  Sunrise Pediatrics  ",
    });
    const mine = await user.query(api.clinics.listMine, {});
    expect(mine).toEqual([
      { clinicId, name: "Sunrise Pediatrics", role: "owner" },
    ]);
  });

  test.each([
    { $description: "an empty name", name: "   " },
    { $description: "a 121-character name", name: "x".repeat(121) },
    { $description: "a NUL character", name: "Sunrise\u0000 Clinic" },
    { $description: "a right-to-left override", name: "Sunrise \u202Ecinilc" },
    { $description: "a line separator", name: "Sunrise\u2028Clinic" },
  ])("rejects $$description", async ({ name }) => {
    const backend = createTestBackend();
    const user = await backend.signUp("founder@clinic.test");
    const error = await expectIntakeError(
      user.mutation(api.clinics.create, { name }),
      "invalidArgument",
    );
    expect(error.argument).toBe("clinic name");
  });

  test("rejects anonymous callers", async () => {
    const backend = createTestBackend();
    await expectIntakeError(
      backend.mutation(api.clinics.create, { name: "Nobody's Clinic" }),
      "unauthenticated",
    );
  });
});

describe("clinics.listMine", () => {
  test("is empty for anonymous callers", async () => {
    const backend = createTestBackend();
    await createClinic(backend, "Sunrise Pediatrics");
    expect(await backend.query(api.clinics.listMine, {})).toEqual([]);
  });

  test("lists clinics in the order joined", async () => {
    const backend = createTestBackend();
    const zulu = await createClinic(backend, "Zulu Clinic");
    const alpha = await createClinic(backend, "Alpha Clinic");
    await backend.run(internal.members.addExisting, {
      clinicId: alpha.clinicId,
      email: zulu.owner.email,
      role: "staff",
    });
    const mine = await zulu.owner.query(api.clinics.listMine, {});
    expect(mine).toEqual([
      { clinicId: zulu.clinicId, name: "Zulu Clinic", role: "owner" },
      { clinicId: alpha.clinicId, name: "Alpha Clinic", role: "staff" },
    ]);
  });

  test("keeps the first clinic first", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Maple Clinic");
    const before = await owner.query(api.clinics.listMine, {});
    const newer = await owner.mutation(api.clinics.create, {
      name: "Aspen Clinic",
    });
    const after = await owner.query(api.clinics.listMine, {});
    expect(before[0]?.clinicId).toBe(clinicId);
    expect(after[0]?.clinicId).toBe(clinicId);
    expect(after.map((row) => row.clinicId)).toEqual([clinicId, newer]);
  });
});

describe("members", () => {
  test("public add does not exist", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Elm Clinic");
    const colleague = await backend.signUp("colleague@clinic.test");
    const removedAdd = makeFunctionReference<"mutation">("members:add");
    await expect(
      owner.mutation(removedAdd, {
        clinicId,
        email: colleague.email,
        role: "staff",
      }),
    ).rejects.toThrow(/no such export|Could not find public function/);
    const members = await owner.query(api.members.list, { clinicId });
    expect(members.map((member) => member.userId)).toEqual([owner.userId]);
  });

  test("addExisting rejects an unknown email", async () => {
    const backend = createTestBackend();
    const { clinicId } = await createClinic(backend, "Elm Clinic");
    await expectIntakeError(
      backend.run(internal.members.addExisting, {
        clinicId,
        email: "nobody@clinic.test",
        role: "staff",
      }),
      "notFound",
    );
  });

  test("addExisting matches any email case", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Elm Clinic");
    const colleague = await backend.signUp("colleague@clinic.test");
    const userId = await backend.run(internal.members.addExisting, {
      clinicId,
      email: `  ${colleague.email.toUpperCase()} `,
      role: "staff",
    });
    expect(userId).toBe(colleague.userId);
    const members = await owner.query(api.members.list, { clinicId });
    expect(members).toHaveLength(2);
  });

  test("addExisting changes an existing member's role", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Elm Clinic");
    const colleague = await backend.signUp("colleague@clinic.test");
    for (const role of ["staff", "owner"] as const) {
      await backend.run(internal.members.addExisting, {
        clinicId,
        email: colleague.email,
        role,
      });
    }
    const members = await owner.query(api.members.list, { clinicId });
    expect(members).toHaveLength(2);
    expect(members.every((member) => member.role === "owner")).toBe(true);
  });

  test("keeps at least one owner", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Elm Clinic");
    await expectIntakeError(
      owner.mutation(api.members.remove, { clinicId, userId: owner.userId }),
      "lastOwner",
    );
    await expectIntakeError(
      backend.run(internal.members.addExisting, {
        clinicId,
        email: owner.email,
        role: "staff",
      }),
      "lastOwner",
    );
  });

  test("remove takes away access", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Elm Clinic");
    const colleague = await backend.signUp("colleague@clinic.test");
    await backend.run(internal.members.addExisting, {
      clinicId,
      email: colleague.email,
      role: "staff",
    });
    await owner.mutation(api.members.remove, {
      clinicId,
      userId: colleague.userId,
    });
    await expectIntakeError(
      colleague.query(api.forms.list, { clinicId }),
      "forbidden",
    );
  });
});
