import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import { demoData } from "../convex/seed";
import { expectIntakeError } from "./fixtures";
import { createTestBackend } from "./harness";

describe("seed.demo", () => {
  test("creates the demo clinic and form", async () => {
    const backend = createTestBackend();
    const result = await backend.run(internal.seed.demo, {});
    expect(result.slug).toBe("new-patient-demo");

    const published = await backend.query(api.forms.getPublished, {
      slug: demoData.slug,
    });
    expect(published?.clinicName).toBe("Maple Street Family Clinic");
    expect(published?.version).toBe(1);

    const account = await backend.run(internal.testing.findPasswordAccount, {
      email: demoData.email,
    });
    expect(account?.userId).toBe(result.userId);
    expect(account?.secret).not.toBe(demoData.password);
  });

  test("demo form rejects empty answers", async () => {
    const backend = createTestBackend();
    await backend.run(internal.seed.demo, {});
    const published = await backend.query(api.forms.getPublished, {
      slug: demoData.slug,
    });
    if (published === null) throw new Error("Demo form is not published.");

    const error = await expectIntakeError(
      backend.mutation(api.submissions.submit, {
        slug: demoData.slug,
        versionId: published.versionId,
        visitorId: "visitor-00000001",
        submissionKey: "key-00000001",
        answers: {},
      }),
      "invalidAnswers",
    );
    const codes = new Set(
      Object.values(error.fieldErrors).map((fieldError) => fieldError.code),
    );
    // Unticked required consents report "notAccepted" rather than "required".
    expect([...codes].sort()).toEqual(["notAccepted", "required"]);
    expect(error.fieldErrors.firstName?.code).toBe("required");
  });

  test("is idempotent", async () => {
    const backend = createTestBackend();
    const first = await backend.run(internal.seed.demo, {});
    const second = await backend.run(internal.seed.demo, {});
    expect(second).toEqual(first);

    const tables = [
      "clinics",
      "members",
      "forms",
      "formVersions",
      "users",
    ] as const;
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = await backend.run(internal.testing.countRows, { table });
    }
    expect(counts).toEqual({
      clinics: 1,
      members: 1,
      forms: 1,
      formVersions: 1,
      users: 1,
    });
  });

  // Last in the file: on a shared local backend it unpublishes the demo form.
  test("keeps an unpublished demo form offline", async () => {
    const backend = createTestBackend();
    const { formId } = await backend.run(internal.seed.demo, {});
    const owner = await backend.signUp("seed-owner@clinic.test");
    await backend.run(internal.seed.ensureDemoClinic, {
      userId: owner.userId,
    });
    await owner.mutation(api.forms.unpublish, { formId });

    await backend.run(internal.seed.demo, {});

    const published = await backend.query(api.forms.getPublished, {
      slug: demoData.slug,
    });
    expect(published).toBeNull();
    const versions = await backend.run(internal.testing.countFormVersions, {
      formId,
    });
    expect(versions).toBe(1);
  });
});
