import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import {
  checkInAnswers,
  checkInDefinition,
  createClinic,
  createPublishedForm,
  expectIntakeError,
  newToken,
} from "./fixtures";
import { type Caller, createTestBackend, type TestUser } from "./harness";

/** Clinic A with a published form and one submission, and clinic B. */
async function createWorld() {
  const backend = createTestBackend();
  const clinicA = await createClinic(backend, "Clinic A");
  const clinicB = await createClinic(backend, "Clinic B");
  const form = await createPublishedForm(clinicA.owner, clinicA.clinicId);
  const { submissionId } = await backend.mutation(api.submissions.submit, {
    slug: form.slug,
    versionId: form.versionId,
    visitorId: newToken("visitor"),
    submissionKey: newToken("key"),
    answers: checkInAnswers,
  });
  const colleague = await backend.signUp("colleague@clinic.test");
  return { backend, clinicA, clinicB, form, submissionId, colleague };
}

type World = Awaited<ReturnType<typeof createWorld>>;

interface StaffCase {
  name: string;
  /** Kind thrown to a member of another clinic. */
  otherClinic: "forbidden" | "notFound";
  call: (caller: Caller, world: World) => Promise<unknown>;
}

const staffCases: StaffCase[] = [
  {
    name: "forms.list",
    otherClinic: "forbidden",
    call: (c, w) => c.query(api.forms.list, { clinicId: w.clinicA.clinicId }),
  },
  {
    name: "forms.get",
    otherClinic: "notFound",
    call: (c, w) => c.query(api.forms.get, { formId: w.form.formId }),
  },
  {
    name: "forms.createFromTemplate",
    otherClinic: "forbidden",
    call: (c, w) =>
      c.mutation(api.forms.createFromTemplate, {
        clinicId: w.clinicA.clinicId,
        templateId: "new-patient",
      }),
  },
  {
    name: "forms.createBlank",
    otherClinic: "forbidden",
    call: (c, w) =>
      c.mutation(api.forms.createBlank, {
        clinicId: w.clinicA.clinicId,
        title: "Blank",
      }),
  },
  {
    name: "forms.saveDraft",
    otherClinic: "notFound",
    call: (c, w) =>
      c.mutation(api.forms.saveDraft, {
        formId: w.form.formId,
        definition: checkInDefinition,
        revision: w.form.draftRevision,
      }),
  },
  {
    name: "forms.publish",
    otherClinic: "notFound",
    call: (c, w) =>
      c.mutation(api.forms.publish, {
        formId: w.form.formId,
        revision: w.form.draftRevision,
      }),
  },
  {
    name: "forms.unpublish",
    otherClinic: "notFound",
    call: (c, w) => c.mutation(api.forms.unpublish, { formId: w.form.formId }),
  },
  {
    name: "versions.list",
    otherClinic: "notFound",
    call: (c, w) => c.query(api.versions.list, { formId: w.form.formId }),
  },
  {
    name: "versions.get",
    otherClinic: "notFound",
    call: (c, w) => c.query(api.versions.get, { versionId: w.form.versionId }),
  },
  {
    name: "submissions.list",
    otherClinic: "notFound",
    call: (c, w) => c.query(api.submissions.list, { formId: w.form.formId }),
  },
  {
    name: "submissions.open",
    otherClinic: "notFound",
    call: (c, w) =>
      c.mutation(api.submissions.open, { submissionId: w.submissionId }),
  },
  {
    name: "submissions.print",
    otherClinic: "notFound",
    call: (c, w) =>
      c.mutation(api.submissions.print, { submissionId: w.submissionId }),
  },
  {
    name: "submissions.summary",
    otherClinic: "notFound",
    call: (c, w) =>
      c.query(api.submissions.summary, { submissionId: w.submissionId }),
  },
  {
    name: "submissions.findByReference",
    otherClinic: "forbidden",
    call: (c, w) =>
      c.query(api.submissions.findByReference, {
        clinicId: w.clinicA.clinicId,
        reference: "ABCDEF",
      }),
  },
  {
    name: "submissions.setReviewed",
    otherClinic: "notFound",
    call: (c, w) =>
      c.mutation(api.submissions.setReviewed, {
        submissionId: w.submissionId,
        reviewed: true,
      }),
  },
  {
    name: "stats.forForm",
    otherClinic: "notFound",
    call: (c, w) => c.query(api.stats.forForm, { formId: w.form.formId }),
  },
  {
    name: "members.list",
    otherClinic: "forbidden",
    call: (c, w) => c.query(api.members.list, { clinicId: w.clinicA.clinicId }),
  },
  {
    name: "members.remove",
    otherClinic: "forbidden",
    call: (c, w) =>
      c.mutation(api.members.remove, {
        clinicId: w.clinicA.clinicId,
        userId: w.clinicA.owner.userId,
      }),
  },
];

describe("staff functions", () => {
  test.each(staffCases)("$name rejects anonymous callers", async (row) => {
    const world = await createWorld();
    await expectIntakeError(row.call(world.backend, world), "unauthenticated");
  });

  test.each(staffCases)("$name rejects another clinic", async (row) => {
    const world = await createWorld();
    await expectIntakeError(
      row.call(world.clinicB.owner, world),
      row.otherClinic,
    );
  });

  test.each(staffCases)("$name rejects a clinicless user", async (row) => {
    const world = await createWorld();
    await expectIntakeError(row.call(world.colleague, world), row.otherClinic);
  });

  // members.remove of the only owner is rejected by a rule of its own.
  test.each(staffCases.filter((row) => row.name !== "members.remove"))(
    "$name allows the clinic's owner",
    async (row) => {
      const world = await createWorld();
      await expect(row.call(world.clinicA.owner, world)).resolves.toBeDefined();
    },
  );
});

describe("other clinics' data", () => {
  test("listMine shows only own clinics", async () => {
    const world = await createWorld();
    const mine = await world.clinicB.owner.query(api.clinics.listMine, {});
    expect(mine).toEqual([
      { clinicId: world.clinicB.clinicId, name: "Clinic B", role: "owner" },
    ]);
  });

  test("forms.list shows only own forms", async () => {
    const world = await createWorld();
    const forms = await world.clinicB.owner.query(api.forms.list, {
      clinicId: world.clinicB.clinicId,
    });
    expect(forms).toEqual([]);
  });
});

describe("staff role", () => {
  async function addStaff(world: World): Promise<TestUser> {
    await world.backend.run(internal.members.addExisting, {
      clinicId: world.clinicA.clinicId,
      email: world.colleague.email,
      role: "staff",
    });
    return world.colleague;
  }

  test("staff reads the clinic's forms", async () => {
    const world = await createWorld();
    const staff = await addStaff(world);
    const forms = await staff.query(api.forms.list, {
      clinicId: world.clinicA.clinicId,
    });
    expect(forms.map((form) => form.formId)).toEqual([world.form.formId]);
  });

  test("staff unpublishes a form", async () => {
    const world = await createWorld();
    const staff = await addStaff(world);
    await staff.mutation(api.forms.unpublish, { formId: world.form.formId });
    const form = await staff.query(api.forms.get, {
      formId: world.form.formId,
    });
    expect(form.status).toBe("unpublished");
  });

  test("staff cannot remove members", async () => {
    const world = await createWorld();
    const staff = await addStaff(world);
    await expectIntakeError(
      staff.mutation(api.members.remove, {
        clinicId: world.clinicA.clinicId,
        userId: world.clinicA.owner.userId,
      }),
      "forbidden",
    );
  });
});

describe("argument validation", () => {
  test("rejects an id of the wrong table", async () => {
    const world = await createWorld();
    const call = world.clinicA.owner.query(api.forms.get, {
      formId: world.clinicA.clinicId as unknown as Id<"forms">,
    });
    await expect(call).rejects.toThrow(/Validator error|does not match/);
  });
});
