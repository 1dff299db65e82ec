import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { expectIntakeError } from "./fixtures";
import type { Caller } from "./harness";
import { createInboxWorld, submitOne } from "./inbox-fixtures";

const firstPage = (numItems: number) => ({ numItems, cursor: null });

describe("audit", () => {
  test("records view, print and export", async () => {
    const world = await createInboxWorld();
    const { submissionId, reference } = await submitOne(
      world.backend,
      world.formA,
    );
    await world.staff.mutation(api.audit.record, {
      submissionId,
      action: "view",
    });
    await world.staff.mutation(api.audit.record, {
      submissionId,
      action: "print",
    });
    await world.staff.mutation(api.audit.recordExport, {
      formId: world.formA.formId,
      rowCount: 1,
      from: Date.UTC(2026, 0, 1),
    });

    const { page } = await world.owner.query(api.audit.list, {
      clinicId: world.clinicId,
      paginationOpts: firstPage(10),
    });
    expect(page.map((entry) => entry.action)).toEqual([
      "export",
      "print",
      "view",
    ]);
    expect(page[2]?.detail).toBe(`Submission ${reference}`);
    expect(page[2]?.actorEmail).toBe(world.staff.email);
    expect(page[0]?.detail).toBe(
      "1 submissions of Check-in, sent from 2026-01-01T00:00:00.000Z to any",
    );
    expect(page[0]?.formTitle).toBe("Check-in");
  });

  test("list pages newest first", async () => {
    const world = await createInboxWorld();
    const { submissionId } = await submitOne(world.backend, world.formA);
    for (let index = 0; index < 5; index++) {
      await world.staff.mutation(api.audit.record, {
        submissionId,
        action: "view",
      });
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
    await world.owner.mutation(api.audit.record, {
      submissionId,
      action: "view",
    });
    const { page } = await world.other.owner.query(api.audit.list, {
      clinicId: world.other.clinicId,
      paginationOpts: firstPage(10),
    });
    expect(page).toEqual([]);
  });

  test("recordExport rejects a negative count", async () => {
    const world = await createInboxWorld();
    await expectIntakeError(
      world.staff.mutation(api.audit.recordExport, {
        formId: world.formA.formId,
        rowCount: -1,
      }),
      "invalidArgument",
    );
  });
});

type Who = "anonymous" | "staff" | "owner" | "otherClinic";
type Outcome = "ok" | "unauthenticated" | "forbidden" | "notFound";

const accessCases: {
  name: string;
  call: (
    caller: Caller,
    world: Awaited<ReturnType<typeof createInboxWorld>>,
    submissionId: Awaited<ReturnType<typeof submitOne>>["submissionId"],
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
    name: "audit.record",
    call: (c, _w, submissionId) =>
      c.mutation(api.audit.record, { submissionId, action: "view" }),
    expected: {
      anonymous: "unauthenticated",
      staff: "ok",
      owner: "ok",
      otherClinic: "notFound",
    },
  },
  {
    name: "audit.recordExport",
    call: (c, w) =>
      c.mutation(api.audit.recordExport, {
        formId: w.formA.formId,
        rowCount: 0,
      }),
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
