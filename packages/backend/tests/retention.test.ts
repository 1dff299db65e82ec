import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import {
  defaultRetentionDays,
  maxRetentionDays,
  minRetentionDays,
} from "../convex/retention";
import { expectIntakeError } from "./fixtures";
import type { Caller } from "./harness";
import {
  createInboxWorld,
  dayMs,
  seedSubmissions,
  waitUntil,
} from "./inbox-fixtures";

describe("retention.get", () => {
  test("new form has the default", async () => {
    const world = await createInboxWorld();
    const period = await world.staff.query(api.retention.get, {
      formId: world.formA.formId,
    });
    expect(period.retentionDays).toBe(defaultRetentionDays);
    expect(period.isDefault).toBe(false);
  });

  test("unset form gets the default", async () => {
    const world = await createInboxWorld();
    const formId = world.formA.formId;
    await world.backend.run(internal.inboxSeed.clearRetention, { formId });
    const period = await world.staff.query(api.retention.get, { formId });
    expect(period.retentionDays).toBe(defaultRetentionDays);
    expect(period.isDefault).toBe(true);
  });

  test("default is within the bounds", () => {
    expect(defaultRetentionDays).toBeGreaterThanOrEqual(minRetentionDays);
    expect(defaultRetentionDays).toBeLessThanOrEqual(maxRetentionDays);
  });
});

describe("retention.set", () => {
  test("owner sets the period", async () => {
    const world = await createInboxWorld();
    const formId = world.formA.formId;
    await world.owner.mutation(api.retention.set, {
      formId,
      retentionDays: 90,
    });
    const period = await world.staff.query(api.retention.get, { formId });
    expect(period.retentionDays).toBe(90);
    expect(period.isDefault).toBe(false);
  });

  test.each([29, 3651, 45.5, Number.NaN])("rejects %s days", async (days) => {
    const world = await createInboxWorld();
    await expectIntakeError(
      world.owner.mutation(api.retention.set, {
        formId: world.formA.formId,
        retentionDays: days,
      }),
      "invalidArgument",
    );
  });

  test.each([
    { who: "anonymous", kind: "unauthenticated" },
    { who: "staff", kind: "forbidden" },
    { who: "otherClinic", kind: "notFound" },
  ] as const)("rejects $who", async ({ who, kind }) => {
    const world = await createInboxWorld();
    const callers: Record<typeof who, Caller> = {
      anonymous: world.backend,
      staff: world.staff,
      otherClinic: world.other.owner,
    };
    await expectIntakeError(
      callers[who].mutation(api.retention.set, {
        formId: world.formA.formId,
        retentionDays: 30,
      }),
      kind,
    );
  });

  test("get rejects other clinics", async () => {
    const world = await createInboxWorld();
    await expectIntakeError(
      world.other.owner.query(api.retention.get, {
        formId: world.formA.formId,
      }),
      "notFound",
    );
  });
});

describe("retention purge", () => {
  test("deletes old rows in batches", async () => {
    const world = await createInboxWorld();
    const now = Date.now();
    const formId = world.formA.formId;
    await world.owner.mutation(api.retention.set, {
      formId,
      retentionDays: 30,
    });
    await seedSubmissions(world.backend, formId, 5, now - 40 * dayMs);
    await seedSubmissions(world.backend, formId, 2, now - 10 * dayMs);
    await seedSubmissions(
      world.backend,
      world.formB.formId,
      3,
      now - 40 * dayMs,
    );
    const remaining = () =>
      world.backend.run(internal.testing.countClinicSubmissions, {
        clinicId: world.clinicId,
      });

    await world.backend.run(internal.retention.purgeForm, {
      formId,
      cutoff: now - 30 * dayMs,
      deletedSoFar: 0,
      batchSize: 2,
    });
    // Two of the five went at once, and scheduled runs take the rest.
    await waitUntil(async () => (await remaining()) === 5);
    const audit = () =>
      world.owner.query(api.audit.list, {
        clinicId: world.clinicId,
        paginationOpts: { numItems: 10, cursor: null },
      });
    await waitUntil(async () => (await audit()).page.length > 0);

    const { page } = await audit();
    expect(page).toHaveLength(1);
    expect(page[0]?.action).toBe("delete");
    expect(page[0]?.actorEmail).toBeNull();
    expect(page[0]?.detail).toMatch(/^Retention purge deleted 5 submissions/);
  });

  test("purgeExpired uses the default period", async () => {
    const world = await createInboxWorld();
    const now = Date.now();
    await world.owner.mutation(api.retention.set, {
      formId: world.formA.formId,
      retentionDays: 30,
    });
    await world.backend.run(internal.inboxSeed.clearRetention, {
      formId: world.formB.formId,
    });
    const pastDefault = now - (defaultRetentionDays + 5) * dayMs;
    await seedSubmissions(
      world.backend,
      world.formA.formId,
      3,
      now - 60 * dayMs,
    );
    await seedSubmissions(
      world.backend,
      world.formB.formId,
      4,
      now - 60 * dayMs,
    );
    await seedSubmissions(world.backend, world.formB.formId, 2, pastDefault);
    const remaining = () =>
      world.backend.run(internal.testing.countClinicSubmissions, {
        clinicId: world.clinicId,
      });

    await world.backend.run(internal.retention.purgeExpired, { now });
    await waitUntil(async () => (await remaining()) === 4);
    const rows = await world.owner.query(api.inbox.page, {
      clinicId: world.clinicId,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(new Set(rows.page.map((row) => row.formId))).toEqual(
      new Set([world.formB.formId]),
    );
  });
});
