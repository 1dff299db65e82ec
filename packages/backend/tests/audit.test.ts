import type { FunctionReturnType } from "convex/server";
import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { expectIntakeError } from "./fixtures";
import type { Caller } from "./harness";
import {
  createInboxWorld,
  type InboxWorld,
  seedSubmissions,
  submitOne,
} from "./inbox-fixtures";

const firstPage = (numItems: number) => ({ numItems, cursor: null });

/** Returns the clinic's audit log, newest first, as its owner reads it. */
async function auditEntries(world: InboxWorld) {
  const { page } = await world.owner.query(api.audit.list, {
    clinicId: world.clinicId,
    paginationOpts: firstPage(50),
  });
  return page;
}

/** Exports every matching row of form A in pages of `pageSize`. */
async function exportAll(
  caller: Caller,
  world: InboxWorld,
  pageSize: number,
  range: { from?: number; to?: number } = {},
) {
  let cursor: string | null = null;
  let exportId: Id<"audit"> | undefined;
  let rowCount = 0;
  for (;;) {
    const result: FunctionReturnType<typeof api.inbox.exportPage> =
      await caller.mutation(api.inbox.exportPage, {
        clinicId: world.clinicId,
        formId: world.formA.formId,
        paginationOpts: { numItems: pageSize, cursor },
        exportId,
        ...range,
      });
    rowCount += result.page.length;
    exportId = result.exportId;
    if (result.isDone) return rowCount;
    cursor = result.continueCursor;
  }
}

describe("audit", () => {
  test("open records one view", async () => {
    const world = await createInboxWorld();
    const { submissionId, reference } = await submitOne(
      world.backend,
      world.formA,
    );
    const opened = await world.staff.mutation(api.submissions.open, {
      submissionId,
    });
    expect(opened.reference).toBe(reference);

    const entries = await auditEntries(world);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe("view");
    expect(entries[0]?.submissionId).toBe(submissionId);
    expect(entries[0]?.actorEmail).toBe(world.staff.email);
    expect(entries[0]?.detail).toBe(`Submission ${reference}`);
    expect(entries[0]?.rowCount).toBeNull();
  });

  test("print records one print", async () => {
    const world = await createInboxWorld();
    const { submissionId } = await submitOne(world.backend, world.formA);
    const printed = await world.staff.mutation(api.submissions.print, {
      submissionId,
    });
    expect(printed.answers.fullName).toBe("Ada Lovelace");

    const entries = await auditEntries(world);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe("print");
    expect(entries[0]?.submissionId).toBe(submissionId);
    expect(entries[0]?.actorEmail).toBe(world.staff.email);
  });

  test("export records one entry with the count", async () => {
    const world = await createInboxWorld();
    const now = Date.now();
    await seedSubmissions(world.backend, world.formA.formId, 7, now);
    await seedSubmissions(world.backend, world.formB.formId, 3, now);
    const from = Date.UTC(2026, 0, 1);

    const rowCount = await exportAll(world.staff, world, 3, { from });
    expect(rowCount).toBe(7);

    const entries = await auditEntries(world);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe("export");
    expect(entries[0]?.rowCount).toBe(7);
    expect(entries[0]?.formTitle).toBe("Check-in");
    expect(entries[0]?.actorEmail).toBe(world.staff.email);
    expect(entries[0]?.detail).toBe(
      "7 submissions of Check-in, sent from 2026-01-01T00:00:00.000Z to any",
    );
  });

  test("empty export records zero rows", async () => {
    const world = await createInboxWorld();
    const rowCount = await exportAll(world.staff, world, 5);
    expect(rowCount).toBe(0);
    const entries = await auditEntries(world);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.rowCount).toBe(0);
  });

  test("summary and inbox page record nothing", async () => {
    const world = await createInboxWorld();
    const { submissionId } = await submitOne(world.backend, world.formA);
    await world.staff.query(api.submissions.summary, { submissionId });
    const inbox = await world.staff.query(api.inbox.page, {
      clinicId: world.clinicId,
      paginationOpts: firstPage(5),
    });
    expect(inbox.page).toHaveLength(1);
    expect(inbox.page[0]).not.toHaveProperty("answers");
    expect(await auditEntries(world)).toEqual([]);
  });

  test.each(["open", "print"] as const)(
    "%s by another clinic records nothing",
    async (name) => {
      const world = await createInboxWorld();
      const { submissionId } = await submitOne(world.backend, world.formA);
      await expectIntakeError(
        world.other.owner.mutation(api.submissions[name], { submissionId }),
        "notFound",
      );
      expect(await auditEntries(world)).toEqual([]);
    },
  );

  test("export by another clinic records nothing", async () => {
    const world = await createInboxWorld();
    await seedSubmissions(world.backend, world.formA.formId, 2, Date.now());
    await expectIntakeError(
      exportAll(world.other.owner, world, 5),
      "forbidden",
    );
    expect(await auditEntries(world)).toEqual([]);
  });

  test("list pages newest first", async () => {
    const world = await createInboxWorld();
    const { submissionId } = await submitOne(world.backend, world.formA);
    for (let index = 0; index < 5; index++) {
      await world.staff.mutation(api.submissions.open, { submissionId });
    }
    const first = await world.owner.query(api.audit.list, {
      clinicId: world.clinicId,
      paginationOpts: firstPage(3),
    });
    const second = await world.owner.query(api.audit.list, {
      clinicId: world.clinicId,
      paginationOpts: { numItems: 3, cursor: first.continueCursor },
    });
    const times = [...first.page, ...second.page].map((entry) => entry.at);
    expect(first.page).toHaveLength(3);
    expect(second.page).toHaveLength(2);
    expect(second.isDone).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test("other clinics see no entries", async () => {
    const world = await createInboxWorld();
    const { submissionId } = await submitOne(world.backend, world.formA);
    await world.owner.mutation(api.submissions.open, { submissionId });
    const { page } = await world.other.owner.query(api.audit.list, {
      clinicId: world.other.clinicId,
      paginationOpts: firstPage(10),
    });
    expect(page).toEqual([]);
  });
});

type Who = "anonymous" | "staff" | "owner" | "otherClinic";
type Outcome = "ok" | "unauthenticated" | "forbidden" | "notFound";

const accessCases: {
  name: string;
  call: (
    caller: Caller,
    world: InboxWorld,
    submissionId: Id<"submissions">,
  ) => Promise<unknown>;
  expected: Record<Who, Outcome>;
}[] = [
  {
    name: "audit.list",
    call: (c, w) =>
      c.query(api.audit.list, {
        clinicId: w.clinicId,
        paginationOpts: firstPage(5),
      }),
    expected: {
      anonymous: "unauthenticated",
      staff: "forbidden",
      owner: "ok",
      otherClinic: "forbidden",
    },
  },
  {
    name: "submissions.open",
    call: (c, _w, submissionId) =>
      c.mutation(api.submissions.open, { submissionId }),
    expected: {
      anonymous: "unauthenticated",
      staff: "ok",
      owner: "ok",
      otherClinic: "notFound",
    },
  },
  {
    name: "submissions.print",
    call: (c, _w, submissionId) =>
      c.mutation(api.submissions.print, { submissionId }),
    expected: {
      anonymous: "unauthenticated",
      staff: "ok",
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
      const outcome = expected[who];
      if (outcome === "ok") {
        await expect(result).resolves.not.toThrow();
      } else {
        await expectIntakeError(result, outcome);
      }
    },
  );
});
