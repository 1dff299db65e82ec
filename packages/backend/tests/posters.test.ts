import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import {
  createClinic,
  createPublishedForm,
  expectIntakeError,
} from "./fixtures";
import { createTestBackend } from "./harness";

async function createFormWithStaff() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Elm Dental");
  const form = await createPublishedForm(clinic.owner, clinic.clinicId);
  return { backend, ...clinic, form };
}

describe("posters.create", () => {
  test("stores name and a base32 code", async () => {
    const { owner, form } = await createFormWithStaff();
    const posterId = await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "  Front door ",
    });

    const posters = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    expect(posters).toHaveLength(1);
    expect(posters[0]?.posterId).toBe(posterId);
    expect(posters[0]?.name).toBe("Front door");
    expect(posters[0]?.code).toMatch(/^[a-z2-7]{6}$/);
    expect(posters[0]?.archived).toBe(false);
  });

  test("gives each poster its own code", async () => {
    const { owner, form } = await createFormWithStaff();
    for (const name of ["Front door", "Exam room 2", "Reception"]) {
      await owner.mutation(api.posters.create, { formId: form.formId, name });
    }
    const posters = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    expect(new Set(posters.map((poster) => poster.code)).size).toBe(3);
  });

  test.each([
    { $description: "empty", name: "   " },
    { $description: "61 characters", name: "a".repeat(61) },
    { $description: "with a NUL and an override", name: "\u0000\u202E" },
    { $description: "with a tab", name: "Front\tdoor" },
  ])("rejects a name $$description", async ({ name }) => {
    const { owner, form } = await createFormWithStaff();
    const error = await expectIntakeError(
      owner.mutation(api.posters.create, { formId: form.formId, name }),
      "invalidArgument",
    );
    expect(error.argument).toBe("name");
  });

  test("accepts a 60-character name", async () => {
    const { owner, form } = await createFormWithStaff();
    await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "a".repeat(60),
    });
    const posters = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    expect(posters[0]?.name).toHaveLength(60);
  });

  test("rejects a duplicate name in any case", async () => {
    const { owner, form } = await createFormWithStaff();
    await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Front door",
    });
    const error = await expectIntakeError(
      owner.mutation(api.posters.create, {
        formId: form.formId,
        name: "FRONT DOOR",
      }),
      "invalidArgument",
    );
    expect(error.message).toContain("FRONT DOOR");
  });

  test("allows one name on two forms", async () => {
    const { owner, clinicId, form } = await createFormWithStaff();
    const other = await createPublishedForm(owner, clinicId);
    await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Front door",
    });
    await owner.mutation(api.posters.create, {
      formId: other.formId,
      name: "Front door",
    });
    const posters = await owner.query(api.posters.list, {
      formId: other.formId,
    });
    expect(posters.map((poster) => poster.name)).toEqual(["Front door"]);
  });

  test("rejects staff of another clinic", async () => {
    const { backend, form } = await createFormWithStaff();
    const stranger = await createClinic(backend, "Other Clinic");
    await expectIntakeError(
      stranger.owner.mutation(api.posters.create, {
        formId: form.formId,
        name: "Front door",
      }),
      "notFound",
    );
  });

  test("rejects anonymous callers", async () => {
    const { backend, form } = await createFormWithStaff();
    await expectIntakeError(
      backend.mutation(api.posters.create, {
        formId: form.formId,
        name: "Front door",
      }),
      "unauthenticated",
    );
  });
});

describe("posters.rename", () => {
  test("changes the name and keeps the code", async () => {
    const { owner, form } = await createFormWithStaff();
    const posterId = await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Front door",
    });
    const [before] = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    await owner.mutation(api.posters.rename, { posterId, name: "Entrance" });

    const [after] = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    expect(after?.name).toBe("Entrance");
    expect(after?.code).toBe(before?.code);
  });

  test("keeps its own name in another case", async () => {
    const { owner, form } = await createFormWithStaff();
    const posterId = await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "front door",
    });
    await owner.mutation(api.posters.rename, { posterId, name: "Front Door" });
    const [after] = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    expect(after?.name).toBe("Front Door");
  });

  test("rejects another poster's name", async () => {
    const { owner, form } = await createFormWithStaff();
    await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Front door",
    });
    const posterId = await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Exam room 2",
    });
    await expectIntakeError(
      owner.mutation(api.posters.rename, { posterId, name: "Front door" }),
      "invalidArgument",
    );
  });

  test("rejects staff of another clinic", async () => {
    const { backend, owner, form } = await createFormWithStaff();
    const posterId = await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Front door",
    });
    const stranger = await createClinic(backend, "Far Clinic");
    await expectIntakeError(
      stranger.owner.mutation(api.posters.rename, { posterId, name: "Mine" }),
      "notFound",
    );
  });
});

describe("posters.archive", () => {
  test("hides the poster and frees its name", async () => {
    const { owner, form } = await createFormWithStaff();
    const posterId = await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Front door",
    });
    await owner.mutation(api.posters.archive, { posterId });

    const active = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    expect(active).toEqual([]);
    const all = await owner.query(api.posters.list, {
      formId: form.formId,
      includeArchived: true,
    });
    expect(all.map((poster) => poster.archived)).toEqual([true]);

    await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Front door",
    });
    const recreated = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    expect(recreated).toHaveLength(1);
  });

  test("rejects staff of another clinic", async () => {
    const { backend, owner, form } = await createFormWithStaff();
    const posterId = await owner.mutation(api.posters.create, {
      formId: form.formId,
      name: "Front door",
    });
    const stranger = await createClinic(backend, "Away Clinic");
    await expectIntakeError(
      stranger.owner.mutation(api.posters.archive, { posterId }),
      "notFound",
    );
    const posters = await owner.query(api.posters.list, {
      formId: form.formId,
    });
    expect(posters).toHaveLength(1);
  });
});

describe("posters.resolve", () => {
  async function createPoster() {
    const world = await createFormWithStaff();
    await world.owner.mutation(api.posters.create, {
      formId: world.form.formId,
      name: "Front door",
    });
    const [poster] = await world.owner.query(api.posters.list, {
      formId: world.form.formId,
    });
    if (poster === undefined) throw new Error("No poster.");
    return { ...world, poster };
  }

  test("returns the form's slug to anyone", async () => {
    const { backend, form, poster } = await createPoster();
    const resolved = await backend.query(api.posters.resolve, {
      code: poster.code,
    });
    expect(resolved).toEqual({ slug: form.slug });
  });

  test("resolves an archived poster", async () => {
    const { backend, owner, form, poster } = await createPoster();
    await owner.mutation(api.posters.archive, { posterId: poster.posterId });
    const resolved = await backend.query(api.posters.resolve, {
      code: poster.code,
    });
    expect(resolved).toEqual({ slug: form.slug });
  });

  test("returns null for an unpublished form", async () => {
    const { backend, owner, form, poster } = await createPoster();
    await owner.mutation(api.forms.unpublish, { formId: form.formId });
    const resolved = await backend.query(api.posters.resolve, {
      code: poster.code,
    });
    expect(resolved).toBeNull();
  });

  test.each([
    { $description: "an unknown code", code: "zzzzzz" },
    { $description: "a malformed code", code: "ABC-1!" },
    { $description: "an empty code", code: "" },
    { $description: "a long code", code: "a".repeat(10_000) },
  ])("returns null for $$description", async ({ code }) => {
    const backend = createTestBackend();
    expect(await backend.query(api.posters.resolve, { code })).toBeNull();
  });
});
