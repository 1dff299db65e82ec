import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
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

  test("lists every clinic of a member, by name", async () => {
    const backend = createTestBackend();
    const zulu = await createClinic(backend, "Zulu Clinic");
    const alpha = await createClinic(backend, "Alpha Clinic");
    await zulu.owner.mutation(api.members.add, {
      clinicId: zulu.clinicId,
      email: alpha.owner.email,
      role: "staff",
    });
    const mine = await alpha.owner.query(api.clinics.listMine, {});
    expect(mine).toEqual([
      { clinicId: alpha.clinicId, name: "Alpha Clinic", role: "owner" },
      { clinicId: zulu.clinicId, name: "Zulu Clinic", role: "staff" },
    ]);
  });
});

describe("members", () => {
  test("add rejects an unknown email", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Elm Clinic");
    await expectIntakeError(
      owner.mutation(api.members.add, {
        clinicId,
        email: "nobody@clinic.test",
        role: "staff",
      }),
      "notFound",
    );
  });

  test("add changes an existing member's role", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Elm Clinic");
    const colleague = await backend.signUp("colleague@clinic.test");
    for (const role of ["staff", "owner"] as const) {
      await owner.mutation(api.members.add, {
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
      "invalidArgument",
    );
    await expectIntakeError(
      owner.mutation(api.members.add, {
        clinicId,
        email: owner.email,
        role: "staff",
      }),
      "invalidArgument",
    );
  });

  test("remove takes away access", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Elm Clinic");
    const colleague = await backend.signUp("colleague@clinic.test");
    await owner.mutation(api.members.add, {
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
