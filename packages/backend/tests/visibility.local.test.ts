import { makeFunctionReference } from "convex/server";
import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { createClinic } from "./fixtures";
import { createTestBackend } from "./harness";

// convex-test lets a test call internal functions like public ones, so
// only a running backend shows that clients cannot reach them.
describe("members.addExisting", () => {
  test("is not callable by clients", async () => {
    const backend = createTestBackend();
    const { owner, clinicId } = await createClinic(backend, "Cedar Clinic");
    const colleague = await backend.signUp("colleague@clinic.test");
    const addExisting = makeFunctionReference<"mutation">(
      "members:addExisting",
    );
    await expect(
      owner.mutation(addExisting, {
        clinicId,
        email: colleague.email,
        role: "owner",
      }),
    ).rejects.toThrow(/Could not find public function/);
    const members = await owner.query(api.members.list, { clinicId });
    expect(members.map((member) => member.userId)).toEqual([owner.userId]);
  });
});
