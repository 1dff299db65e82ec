import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import {
  createClinic,
  createPublishedForm,
  expectIntakeError,
} from "./fixtures";
import { createTestBackend, type TestBackend, type TestUser } from "./harness";

async function addMember(
  backend: TestBackend,
  clinicId: Id<"clinics">,
  user: TestUser,
  role: "owner" | "staff",
) {
  await backend.run(internal.members.addExisting, {
    clinicId,
    email: user.email,
    role,
  });
}

async function createWorld() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Cedar Clinic");
  const staff = await backend.signUp("staff@clinic.test");
  await addMember(backend, clinic.clinicId, staff, "staff");
  return { backend, ...clinic, staff };
}

async function roleOf(caller: TestUser, clinicId: Id<"clinics">) {
  const mine = await caller.query(api.clinics.listMine, {});
  return mine.find((row) => row.clinicId === clinicId)?.role ?? null;
}

describe("members.canExitKiosk", () => {
  test("is true for the form's clinic only", async () => {
    const { backend, owner, clinicId, staff } = await createWorld();
    const form = await createPublishedForm(owner, clinicId);
    const other = await createClinic(backend, "Birch Clinic");
    const stranger = await backend.signUp("stranger@clinic.test");
    const args = { slug: form.slug };

    expect(await owner.query(api.members.canExitKiosk, args)).toBe(true);
    expect(await staff.query(api.members.canExitKiosk, args)).toBe(true);
    expect(await other.owner.query(api.members.canExitKiosk, args)).toBe(false);
    expect(await stranger.query(api.members.canExitKiosk, args)).toBe(false);
    expect(await backend.query(api.members.canExitKiosk, args)).toBe(false);
  });

  test("stays true after unpublishing", async () => {
    const { owner, clinicId, staff } = await createWorld();
    const form = await createPublishedForm(owner, clinicId);
    await owner.mutation(api.forms.unpublish, { formId: form.formId });
    const result = await staff.query(api.members.canExitKiosk, {
      slug: form.slug,
    });
    expect(result).toBe(true);
  });

  test.each([
    { $description: "unknown", slug: "no-such-form" },
    { $description: "malformed", slug: "../Form" },
  ])("is false for an $$description slug", async ({ slug }) => {
    const { staff } = await createWorld();
    expect(await staff.query(api.members.canExitKiosk, { slug })).toBe(false);
  });
});

describe("members.list", () => {
  test("marks the caller's row", async () => {
    const { owner, clinicId, staff } = await createWorld();
    const members = await staff.query(api.members.list, { clinicId });
    const mine = members.filter((member) => member.isCaller);
    expect(mine.map((member) => member.userId)).toEqual([staff.userId]);
    expect(members.map((member) => member.userId)).toContain(owner.userId);
  });
});

describe("members.setRole", () => {
  test("owner promotes staff", async () => {
    const { owner, clinicId, staff } = await createWorld();
    await owner.mutation(api.members.setRole, {
      clinicId,
      userId: staff.userId,
      role: "owner",
    });
    expect(await roleOf(staff, clinicId)).toBe("owner");
  });

  test("owner demotes another owner", async () => {
    const { owner, clinicId, staff } = await createWorld();
    await owner.mutation(api.members.setRole, {
      clinicId,
      userId: staff.userId,
      role: "owner",
    });
    await staff.mutation(api.members.setRole, {
      clinicId,
      userId: owner.userId,
      role: "staff",
    });
    expect(await roleOf(owner, clinicId)).toBe("staff");
  });

  test("last owner cannot demote themselves", async () => {
    const { owner, clinicId } = await createWorld();
    const error = await expectIntakeError(
      owner.mutation(api.members.setRole, {
        clinicId,
        userId: owner.userId,
        role: "staff",
      }),
      "lastOwner",
    );
    expect(error.message).toContain("at least one owner");
    expect(await roleOf(owner, clinicId)).toBe("owner");
  });

  test("staff cannot change roles", async () => {
    const { clinicId, staff } = await createWorld();
    await expectIntakeError(
      staff.mutation(api.members.setRole, {
        clinicId,
        userId: staff.userId,
        role: "owner",
      }),
      "forbidden",
    );
    expect(await roleOf(staff, clinicId)).toBe("staff");
  });

  test("rejects a non-member", async () => {
    const { backend, owner, clinicId } = await createWorld();
    const stranger = await backend.signUp("stranger@clinic.test");
    await expectIntakeError(
      owner.mutation(api.members.setRole, {
        clinicId,
        userId: stranger.userId,
        role: "staff",
      }),
      "notFound",
    );
    expect(await roleOf(stranger, clinicId)).toBeNull();
  });
});

describe("members.leave", () => {
  test("staff leaves the clinic", async () => {
    const { owner, clinicId, staff } = await createWorld();
    await staff.mutation(api.members.leave, { clinicId });
    expect(await roleOf(staff, clinicId)).toBeNull();
    const members = await owner.query(api.members.list, { clinicId });
    expect(members.map((member) => member.userId)).toEqual([owner.userId]);
  });

  test("last owner cannot leave", async () => {
    const { owner, clinicId } = await createWorld();
    await expectIntakeError(
      owner.mutation(api.members.leave, { clinicId }),
      "lastOwner",
    );
    expect(await roleOf(owner, clinicId)).toBe("owner");
  });

  test("one of two owners leaves", async () => {
    const { backend, owner, clinicId, staff } = await createWorld();
    await addMember(backend, clinicId, staff, "owner");
    await owner.mutation(api.members.leave, { clinicId });
    expect(await roleOf(owner, clinicId)).toBeNull();
    expect(await roleOf(staff, clinicId)).toBe("owner");
  });

  test("rejects a non-member", async () => {
    const { backend, clinicId } = await createWorld();
    const stranger = await backend.signUp("stranger@clinic.test");
    await expectIntakeError(
      stranger.mutation(api.members.leave, { clinicId }),
      "forbidden",
    );
  });
});

describe("members.remove", () => {
  test("owner removes staff", async () => {
    const { owner, clinicId, staff } = await createWorld();
    await owner.mutation(api.members.remove, {
      clinicId,
      userId: staff.userId,
    });
    expect(await roleOf(staff, clinicId)).toBeNull();
  });

  test("staff cannot remove staff", async () => {
    const { backend, clinicId, staff } = await createWorld();
    const other = await backend.signUp("other@clinic.test");
    await addMember(backend, clinicId, other, "staff");
    await expectIntakeError(
      staff.mutation(api.members.remove, { clinicId, userId: other.userId }),
      "forbidden",
    );
    expect(await roleOf(other, clinicId)).toBe("staff");
  });
});
