import type { FunctionArgs, FunctionReturnType } from "convex/server";
import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { checkInAnswers, expectIntakeError, newToken } from "./fixtures";
import type { Caller } from "./harness";
import {
  createInboxWorld,
  dayMs,
  type InboxWorld,
  seedSubmissions,
  submitOne,
} from "./inbox-fixtures";

const firstPage = (numItems: number) => ({ numItems, cursor: null });

async function pageAll(
  caller: Caller,
  args: Omit<FunctionArgs<typeof api.inbox.page>, "paginationOpts">,
  numItems: number,
) {
  const rows = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    const result: FunctionReturnType<typeof api.inbox.page> =
      await caller.query(api.inbox.page, {
        ...args,
        paginationOpts: { numItems, cursor },
      });
    rows.push(...result.page);
    pages += 1;
    if (result.isDone) return { rows, pages };
    cursor = result.continueCursor;
  }
}

describe("inbox.page", () => {
  test("lists the clinic newest first", async () => {
    const world = await createInboxWorld();
    const base = Date.UTC(2026, 0, 1);
    await seedSubmissions(world.backend, world.formA.formId, 3, base);
    await seedSubmissions(world.backend, world.formB.formId, 2, base + 30_000);

    const { rows } = await pageAll(
      world.owner,
      { clinicId: world.clinicId },
      100,
    );
    const times = rows.map((row) => row.submittedAt);
    expect(rows).toHaveLength(5);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test("filters by form", async () => {
    const world = await createInboxWorld();
    await seedSubmissions(world.backend, world.formA.formId, 3, Date.now());
    await seedSubmissions(world.backend, world.formB.formId, 2, Date.now());

    const { rows } = await pageAll(
      world.staff,
      { clinicId: world.clinicId, formId: world.formB.formId },
      100,
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.formId))).toEqual(
      new Set([world.formB.formId]),
    );
  });

  test("filters by date range", async () => {
    const world = await createInboxWorld();
    const base = Date.UTC(2026, 2, 1);
    // One a day for five days: March 1 to March 5.
    for (let day = 0; day < 5; day++) {
      await seedSubmissions(
        world.backend,
        world.formA.formId,
        1,
        base + day * dayMs,
      );
    }

    const { rows } = await pageAll(
      world.owner,
      { clinicId: world.clinicId, from: base + dayMs, to: base + 3 * dayMs },
      100,
    );
    expect(rows.map((row) => row.submittedAt)).toEqual([
      base + 2 * dayMs,
      base + dayMs,
    ]);
  });

  test.each([
    { status: "new" as const, expected: 2 },
    { status: "reviewed" as const, expected: 1 },
    { status: "all" as const, expected: 3 },
  ])("filters by status $status", async ({ status, expected }) => {
    const world = await createInboxWorld();
    const submitted = [];
    for (let index = 0; index < 3; index++) {
      submitted.push(await submitOne(world.backend, world.formA));
    }
    await world.staff.mutation(api.submissions.setReviewed, {
      submissionId: submitted[1]!.submissionId,
      reviewed: true,
    });

    for (const formId of [undefined, world.formA.formId]) {
      const { rows } = await pageAll(
        world.staff,
        { clinicId: world.clinicId, formId, status },
        100,
      );
      expect(rows).toHaveLength(expected);
    }
  });

  test("status new again after unreview", async () => {
    const world = await createInboxWorld();
    const { submissionId } = await submitOne(world.backend, world.formA);
    for (const reviewed of [true, false]) {
      await world.staff.mutation(api.submissions.setReviewed, {
        submissionId,
        reviewed,
      });
    }
    const { rows } = await pageAll(
      world.staff,
      { clinicId: world.clinicId, status: "new" },
      10,
    );
    expect(rows.map((row) => row.submissionId)).toEqual([submissionId]);
  });

  test("pages without gaps or repeats", async () => {
    const world = await createInboxWorld();
    await seedSubmissions(world.backend, world.formA.formId, 23, Date.now());

    const { rows, pages } = await pageAll(
      world.owner,
      { clinicId: world.clinicId, formId: world.formA.formId },
      10,
    );
    expect(pages).toBe(3);
    expect(rows).toHaveLength(23);
    expect(new Set(rows.map((row) => row.submissionId)).size).toBe(23);
  });

  test("new submission tops the first page", async () => {
    const world = await createInboxWorld();
    await seedSubmissions(
      world.backend,
      world.formA.formId,
      5,
      Date.now() - dayMs,
    );
    const { submissionId } = await submitOne(world.backend, world.formA);

    const result = await world.staff.query(api.inbox.page, {
      clinicId: world.clinicId,
      paginationOpts: firstPage(3),
    });
    expect(result.page[0]?.submissionId).toBe(submissionId);
    expect(result.isDone).toBe(false);
  });

  test.each([
    { name: "from after to", from: 10, to: 5 },
    { name: "fractional from", from: 1.5, to: undefined },
  ])("rejects $name", async ({ from, to }) => {
    const world = await createInboxWorld();
    await expectIntakeError(
      world.owner.query(api.inbox.page, {
        clinicId: world.clinicId,
        from,
        to,
        paginationOpts: firstPage(10),
      }),
      "invalidArgument",
    );
  });

  test("rejects another clinic's form", async () => {
    const world = await createInboxWorld();
    const otherForm = await world.other.owner.mutation(
      api.forms.createFromTemplate,
      { clinicId: world.other.clinicId, templateId: "new-patient" },
    );
    await expectIntakeError(
      world.owner.query(api.inbox.page, {
        clinicId: world.clinicId,
        formId: otherForm,
        paginationOpts: firstPage(10),
      }),
      "notFound",
    );
  });
});

describe("inbox.page posters", () => {
  test("filters by poster", async () => {
    const world = await createInboxWorld();
    const posterId = await world.owner.mutation(api.posters.create, {
      formId: world.formA.formId,
      name: "Waiting room",
    });
    const posters = await world.owner.query(api.posters.list, {
      formId: world.formA.formId,
    });
    const code = posters.find((poster) => poster.posterId === posterId)?.code;
    const visitorId = newToken("visitor");
    await world.backend.mutation(api.views.record, {
      slug: world.formA.slug,
      visitorId,
      source: code,
    });
    const fromPoster = await world.backend.mutation(api.submissions.submit, {
      slug: world.formA.slug,
      versionId: world.formA.versionId,
      visitorId,
      submissionKey: newToken("key"),
      answers: checkInAnswers,
    });
    await submitOne(world.backend, world.formA);

    for (const status of ["all", "new"] as const) {
      const { rows } = await pageAll(
        world.staff,
        { clinicId: world.clinicId, posterId, status },
        10,
      );
      expect(rows.map((row) => row.submissionId)).toEqual([
        fromPoster.submissionId,
      ]);
      expect(rows[0]?.posterId).toBe(posterId);
    }
  });

  test("rejects a poster of another form", async () => {
    const world = await createInboxWorld();
    const posterId = await world.owner.mutation(api.posters.create, {
      formId: world.formA.formId,
      name: "Front desk",
    });
    await expectIntakeError(
      world.owner.query(api.inbox.page, {
        clinicId: world.clinicId,
        formId: world.formB.formId,
        posterId,
        paginationOpts: firstPage(10),
      }),
      "notFound",
    );
  });
});

describe("inbox.exportPage", () => {
  test("returns answers page by page", async () => {
    const world = await createInboxWorld();
    await seedSubmissions(world.backend, world.formA.formId, 7, Date.now());
    await seedSubmissions(world.backend, world.formB.formId, 4, Date.now());

    const rows = [];
    const exportIds = new Set<string>();
    let cursor: string | null = null;
    let exportId: Id<"audit"> | undefined;
    for (;;) {
      const result: FunctionReturnType<typeof api.inbox.exportPage> =
        await world.staff.mutation(api.inbox.exportPage, {
          clinicId: world.clinicId,
          formId: world.formA.formId,
          paginationOpts: { numItems: 3, cursor },
          exportId,
        });
      rows.push(...result.page);
      exportId = result.exportId;
      exportIds.add(result.exportId);
      if (result.isDone) break;
      cursor = result.continueCursor;
    }
    expect(rows).toHaveLength(7);
    expect(rows[0]?.answers.fullName).toBe("Ada Lovelace");
    expect(rows[0]?.versionId).toBe(world.formA.versionId);
    expect(exportIds.size).toBe(1);
  });

  test("rejects another caller's exportId", async () => {
    const world = await createInboxWorld();
    await seedSubmissions(world.backend, world.formA.formId, 2, Date.now());
    const first = await world.staff.mutation(api.inbox.exportPage, {
      clinicId: world.clinicId,
      formId: world.formA.formId,
      paginationOpts: firstPage(1),
    });
    await expectIntakeError(
      world.owner.mutation(api.inbox.exportPage, {
        clinicId: world.clinicId,
        formId: world.formA.formId,
        paginationOpts: { numItems: 1, cursor: first.continueCursor },
        exportId: first.exportId,
      }),
      "notFound",
    );
    await expectIntakeError(
      world.staff.mutation(api.inbox.exportPage, {
        clinicId: world.clinicId,
        formId: world.formB.formId,
        paginationOpts: firstPage(1),
        exportId: first.exportId,
      }),
      "notFound",
    );
  });
});

describe("inbox.formVersions", () => {
  test("lists definitions newest first", async () => {
    const world = await createInboxWorld();
    const versions = await world.staff.query(api.inbox.formVersions, {
      formId: world.formA.formId,
    });
    expect(versions.map((row) => row.version)).toEqual([1]);
    expect(versions[0]?.definition.title).toBe("Check-in");
  });
});

describe("inbox.remove", () => {
  test("owner deletes and audit records it", async () => {
    const world = await createInboxWorld();
    const { submissionId, reference } = await submitOne(
      world.backend,
      world.formA,
    );
    await world.owner.mutation(api.inbox.remove, { submissionId });

    await expectIntakeError(
      world.owner.mutation(api.submissions.open, { submissionId }),
      "notFound",
    );
    const audit = await world.owner.query(api.audit.list, {
      clinicId: world.clinicId,
      paginationOpts: firstPage(10),
    });
    expect(audit.page[0]?.action).toBe("delete");
    expect(audit.page[0]?.detail).toBe(`Submission ${reference}`);
    expect(audit.page[0]?.actorEmail).toBe(world.owner.email);
  });

  test("staff may not delete", async () => {
    const world = await createInboxWorld();
    const { submissionId } = await submitOne(world.backend, world.formA);
    await expectIntakeError(
      world.staff.mutation(api.inbox.remove, { submissionId }),
      "forbidden",
    );
    const kept = await world.staff.query(api.submissions.summary, {
      submissionId,
    });
    expect(kept.submissionId).toBe(submissionId);
  });
});

type Who = "anonymous" | "staff" | "owner" | "otherClinic";

interface AccessCase {
  name: string;
  call: (
    caller: Caller,
    world: InboxWorld,
    submissionId: Id<"submissions">,
  ) => Promise<unknown>;
  expected: Record<Who, "ok" | "unauthenticated" | "forbidden" | "notFound">;
}

const readCase = {
  anonymous: "unauthenticated",
  staff: "ok",
  owner: "ok",
} as const;

const accessCases: AccessCase[] = [
  {
    name: "inbox.page",
    call: (c, w) =>
      c.query(api.inbox.page, {
        clinicId: w.clinicId,
        paginationOpts: firstPage(5),
      }),
    expected: { ...readCase, otherClinic: "forbidden" },
  },
  {
    name: "inbox.exportPage",
    call: (c, w) =>
      c.mutation(api.inbox.exportPage, {
        clinicId: w.clinicId,
        formId: w.formA.formId,
        paginationOpts: firstPage(5),
      }),
    expected: { ...readCase, otherClinic: "forbidden" },
  },
  {
    name: "inbox.formVersions",
    call: (c, w) => c.query(api.inbox.formVersions, { formId: w.formA.formId }),
    expected: { ...readCase, otherClinic: "notFound" },
  },
  {
    name: "inbox.remove",
    call: (c, _w, submissionId) =>
      c.mutation(api.inbox.remove, { submissionId }),
    expected: {
      anonymous: "unauthenticated",
      staff: "forbidden",
      owner: "ok",
      otherClinic: "notFound",
    },
  },
];

describe.each(accessCases)("$name access", ({ call, expected }) => {
  test.each(["anonymous", "staff", "owner", "otherClinic"] as const)(
    "%s",
    async (who) => {
      const world = await createInboxWorld();
      const { submissionId } = await submitOne(world.backend, world.formA);
      const callers: Record<Who, Caller> = {
        anonymous: world.backend,
        staff: world.staff,
        owner: world.owner,
        otherClinic: world.other.owner,
      };
      const result = call(callers[who], world, submissionId);
      if (expected[who] === "ok") {
        await expect(result).resolves.not.toThrow();
      } else {
        await expectIntakeError(result, expected[who]);
      }
    },
  );
});
