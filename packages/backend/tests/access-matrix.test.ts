/// <reference types="vite/client" />
import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { getIntakeErrorData, type IntakeErrorKind } from "../convex/lib/errors";
import {
  checkInAnswers,
  checkInDefinition,
  createClinic,
  createPublishedForm,
  newToken,
} from "./fixtures";
import { fileFormDefinition } from "./upload-fixtures";
import { type Caller, createTestBackend, type TestUser } from "./harness";

// Every function module of convex/, so a new public function shows up
// here without an entry and fails the first test. The config files
// define no functions, and the app config imports component bundles
// that only the backend loads.
const modules: Record<string, Record<string, unknown>> = import.meta.glob(
  [
    "../convex/**/*.ts",
    "!../convex/_generated/**",
    "!../convex/**/*.d.ts",
    "!../convex/*.config.ts",
  ],
  { eager: true },
);

/** Lists `module:export` of every public query, mutation and action. */
function publicFunctionNames(): string[] {
  const names: string[] = [];
  for (const [file, exports] of Object.entries(modules)) {
    const modulePath = file.replace(/^\.\.\/convex\//, "").replace(/\.ts$/, "");
    for (const [exportName, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue;
      const flags = value as unknown as Record<string, unknown>;
      const registered =
        flags.isQuery === true ||
        flags.isMutation === true ||
        flags.isAction === true;
      if (registered && flags.isPublic === true) {
        names.push(`${modulePath}:${exportName}`);
      }
    }
  }
  return names.sort();
}

/**
 * Clinic A with an owner, a staff member, a spare staff member for
 * removals, a published form and a submission, and clinic B with a staff
 * member, who is the "other clinic" caller.
 */
async function createWorld() {
  const backend = createTestBackend();
  const clinicA = await createClinic(backend, "Matrix A");
  const clinicB = await createClinic(backend, "Matrix B");
  const staff = await backend.signUp("staff@matrix.test");
  const spare = await backend.signUp("spare@matrix.test");
  const otherStaff = await backend.signUp("other@matrix.test");
  const join = async (clinicId: Id<"clinics">, user: TestUser) => {
    await backend.run(internal.members.addExisting, {
      clinicId,
      email: user.email,
      role: "staff",
    });
  };
  await join(clinicA.clinicId, staff);
  await join(clinicA.clinicId, spare);
  await join(clinicB.clinicId, otherStaff);

  const form = await createPublishedForm(clinicA.owner, clinicA.clinicId);
  const submission = await backend.mutation(api.submissions.submit, {
    slug: form.slug,
    versionId: form.versionId,
    visitorId: newToken("visitor"),
    submissionKey: newToken("key"),
    answers: checkInAnswers,
  });
  const callers = {
    anonymous: backend as Caller,
    otherStaff: otherStaff as Caller,
    staff: staff as Caller,
    owner: clinicA.owner as Caller,
  };
  return {
    backend,
    callers,
    clinicId: clinicA.clinicId,
    owner: clinicA.owner,
    spare,
    form,
    submissionId: submission.submissionId,
  };
}

type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * Reads the form's draft revision as its owner, so that each caller's save
 * or publish names the revision the previous caller left.
 */
async function currentDraftRevision(world: World): Promise<string> {
  const form = await world.owner.query(api.forms.get, {
    formId: world.form.formId,
  });
  return String(form.draftRevision);
}

/** What one caller gets: success, or the error kind thrown. */
type Outcome = "allowed" | IntakeErrorKind;

type CallerName = keyof World["callers"];

interface MatrixEntry {
  /** Outcomes per caller. Callers run in this order on one world. */
  expected: Record<CallerName, Outcome>;
  /** Makes the per-call state that `call` needs, such as a fresh invite. */
  prepare?: (world: World) => Promise<string>;
  call: (caller: Caller, world: World, prepared: string) => Promise<unknown>;
}

const everyone: Record<CallerName, Outcome> = {
  anonymous: "allowed",
  otherStaff: "allowed",
  staff: "allowed",
  owner: "allowed",
};
const signedIn: Record<CallerName, Outcome> = {
  ...everyone,
  anonymous: "unauthenticated",
};
const members: Record<CallerName, Outcome> = {
  ...signedIn,
  otherStaff: "forbidden",
};
/** Functions that load a row by id throw `notFound` to other clinics, hiding the id. */
const membersById: Record<CallerName, Outcome> = {
  ...signedIn,
  otherStaff: "notFound",
};
const owners: Record<CallerName, Outcome> = {
  ...members,
  staff: "forbidden",
};

async function newInvite(world: World): Promise<string> {
  const { token } = await world.owner.mutation(api.invites.create, {
    clinicId: world.clinicId,
    role: "staff",
  });
  return token;
}

async function newPoster(world: World): Promise<string> {
  return await world.owner.mutation(api.posters.create, {
    formId: world.form.formId,
    name: `Poster ${newToken("name").slice(-8)}`,
  });
}

/** Publishes a form with file questions and returns its slug. */
async function newFileForm(world: World): Promise<string> {
  const form = await createPublishedForm(
    world.owner,
    world.clinicId,
    fileFormDefinition,
  );
  return form.slug;
}

/** Publishes a form with file questions and stores one file for it. */
async function newStoredUpload(world: World): Promise<string> {
  const slug = await newFileForm(world);
  const storageId = await world.backend.run(internal.testingUploads.storeFile, {
    contentType: "image/png",
    size: 100,
  });
  return JSON.stringify({ slug, storageId });
}

const pageOptions = { numItems: 10, cursor: null };

const matrix: Record<string, MatrixEntry> = {
  "audit:list": {
    expected: owners,
    call: (c, w) =>
      c.query(api.audit.list, {
        clinicId: w.clinicId,
        paginationOpts: pageOptions,
      }),
  },
  "inbox:page": {
    expected: members,
    call: (c, w) =>
      c.query(api.inbox.page, {
        clinicId: w.clinicId,
        paginationOpts: pageOptions,
      }),
  },
  "inbox:exportPage": {
    expected: members,
    call: (c, w) =>
      c.mutation(api.inbox.exportPage, {
        clinicId: w.clinicId,
        formId: w.form.formId,
        paginationOpts: pageOptions,
      }),
  },
  "inbox:formVersions": {
    expected: membersById,
    call: (c, w) => c.query(api.inbox.formVersions, { formId: w.form.formId }),
  },
  "inbox:remove": {
    // Staff of the clinic may not delete, and other clinics do not see it.
    expected: { ...membersById, staff: "forbidden" },
    call: (c, w) =>
      c.mutation(api.inbox.remove, { submissionId: w.submissionId }),
  },
  "posters:create": {
    expected: membersById,
    call: (c, w) =>
      c.mutation(api.posters.create, {
        formId: w.form.formId,
        name: `Door ${newToken("name").slice(-8)}`,
      }),
  },
  "posters:list": {
    expected: membersById,
    call: (c, w) => c.query(api.posters.list, { formId: w.form.formId }),
  },
  "posters:rename": {
    expected: membersById,
    prepare: newPoster,
    call: (c, _w, posterId) =>
      c.mutation(api.posters.rename, {
        posterId: posterId as Id<"posters">,
        name: `Renamed ${newToken("name").slice(-8)}`,
      }),
  },
  "posters:archive": {
    expected: membersById,
    prepare: newPoster,
    call: (c, _w, posterId) =>
      c.mutation(api.posters.archive, { posterId: posterId as Id<"posters"> }),
  },
  "posters:resolve": {
    // Printed posters are public, like the published form they open.
    expected: everyone,
    call: (c) => c.query(api.posters.resolve, { code: "abcdef" }),
  },
  "retention:get": {
    expected: membersById,
    call: (c, w) => c.query(api.retention.get, { formId: w.form.formId }),
  },
  "retention:set": {
    expected: { ...membersById, staff: "forbidden" },
    call: (c, w) =>
      c.mutation(api.retention.set, {
        formId: w.form.formId,
        retentionDays: 365,
      }),
  },
  "stats:byPoster": {
    expected: membersById,
    call: (c, w) => c.query(api.stats.byPoster, { formId: w.form.formId }),
  },
  "uploads:generateUploadUrl": {
    expected: everyone,
    prepare: newFileForm,
    call: (c, _w, slug) =>
      c.mutation(api.uploads.generateUploadUrl, {
        slug,
        visitorId: newToken("visitor"),
      }),
  },
  "uploads:register": {
    expected: everyone,
    prepare: newStoredUpload,
    call: (c, _w, prepared) => {
      const { slug, storageId } = JSON.parse(prepared) as {
        slug: string;
        storageId: Id<"_storage">;
      };
      return c.action(api.uploads.register, {
        slug,
        visitorId: newToken("visitor"),
        storageId,
      });
    },
  },
  "visits:start": {
    expected: everyone,
    call: (c, w) =>
      c.mutation(api.visits.start, {
        slug: w.form.slug,
        visitorId: newToken("visitor"),
      }),
  },
  "visits:progress": {
    expected: everyone,
    call: (c, w) =>
      c.mutation(api.visits.progress, {
        slug: w.form.slug,
        visitorId: newToken("visitor"),
        pageIndex: 0,
        pageCount: 1,
      }),
  },
  "visits:frontDesk": {
    expected: members,
    call: (c, w) => c.query(api.visits.frontDesk, { clinicId: w.clinicId }),
  },
  "auth:signIn": {
    expected: everyone,
    call: (c) =>
      c.action(api.auth.signIn, {
        provider: "password",
        params: { flow: "reset", email: "nobody@matrix.test" },
      }),
  },
  "auth:signOut": {
    expected: everyone,
    call: (c) => c.action(api.auth.signOut, {}),
  },
  "auth:isAuthenticated": {
    expected: everyone,
    call: (c) => c.query(api.auth.isAuthenticated, {}),
  },
  "clinics:listMine": {
    expected: everyone,
    call: (c) => c.query(api.clinics.listMine, {}),
  },
  "clinics:create": {
    expected: signedIn,
    call: (c) => c.mutation(api.clinics.create, { name: "Another clinic" }),
  },
  "forms:list": {
    expected: members,
    call: (c, w) => c.query(api.forms.list, { clinicId: w.clinicId }),
  },
  "forms:get": {
    expected: membersById,
    call: (c, w) => c.query(api.forms.get, { formId: w.form.formId }),
  },
  "forms:createFromTemplate": {
    expected: members,
    call: (c, w) =>
      c.mutation(api.forms.createFromTemplate, {
        clinicId: w.clinicId,
        templateId: "new-patient",
      }),
  },
  "forms:createBlank": {
    expected: members,
    call: (c, w) =>
      c.mutation(api.forms.createBlank, {
        clinicId: w.clinicId,
        title: "Blank",
      }),
  },
  "forms:saveDraft": {
    expected: membersById,
    prepare: currentDraftRevision,
    call: (c, w, revision) =>
      c.mutation(api.forms.saveDraft, {
        formId: w.form.formId,
        definition: checkInDefinition,
        revision: Number(revision),
      }),
  },
  "forms:publish": {
    expected: membersById,
    prepare: currentDraftRevision,
    call: (c, w, revision) =>
      c.mutation(api.forms.publish, {
        formId: w.form.formId,
        revision: Number(revision),
      }),
  },
  "forms:unpublish": {
    expected: membersById,
    call: (c, w) => c.mutation(api.forms.unpublish, { formId: w.form.formId }),
  },
  "forms:getPublished": {
    expected: everyone,
    call: (c, w) => c.query(api.forms.getPublished, { slug: w.form.slug }),
  },
  "invites:create": {
    expected: owners,
    call: (c, w) =>
      c.mutation(api.invites.create, { clinicId: w.clinicId, role: "staff" }),
  },
  "invites:list": {
    expected: owners,
    call: (c, w) => c.query(api.invites.list, { clinicId: w.clinicId }),
  },
  "invites:revoke": {
    expected: owners,
    prepare: async (w) => {
      const { inviteId } = await w.owner.mutation(api.invites.create, {
        clinicId: w.clinicId,
        role: "staff",
      });
      return inviteId;
    },
    call: (c, _w, inviteId) =>
      c.mutation(api.invites.revoke, { inviteId: inviteId as Id<"invites"> }),
  },
  "invites:peek": {
    expected: everyone,
    prepare: newInvite,
    call: (c, _w, token) => c.query(api.invites.peek, { token }),
  },
  "invites:accept": {
    // A member of another clinic joins, and members get "alreadyMember".
    expected: signedIn,
    prepare: newInvite,
    call: (c, _w, token) => c.mutation(api.invites.accept, { token }),
  },
  "members:canExitKiosk": {
    // Everyone gets an answer; members.test.ts checks its value.
    expected: everyone,
    call: (c, w) => c.query(api.members.canExitKiosk, { slug: w.form.slug }),
  },
  "members:list": {
    expected: members,
    call: (c, w) => c.query(api.members.list, { clinicId: w.clinicId }),
  },
  "members:setRole": {
    expected: owners,
    call: (c, w) =>
      c.mutation(api.members.setRole, {
        clinicId: w.clinicId,
        userId: w.spare.userId,
        role: "staff",
      }),
  },
  "members:remove": {
    expected: owners,
    call: (c, w) =>
      c.mutation(api.members.remove, {
        clinicId: w.clinicId,
        userId: w.spare.userId,
      }),
  },
  "members:leave": {
    // Staff leave, and the clinic's only owner may not.
    expected: { ...members, owner: "lastOwner" },
    call: (c, w) => c.mutation(api.members.leave, { clinicId: w.clinicId }),
  },
  "outbox:latest": {
    expected: everyone,
    call: (c) => c.query(api.outbox.latest, {}),
  },
  "stats:forForm": {
    expected: membersById,
    call: (c, w) => c.query(api.stats.forForm, { formId: w.form.formId }),
  },
  "submissions:submit": {
    expected: everyone,
    call: (c, w) =>
      c.mutation(api.submissions.submit, {
        slug: w.form.slug,
        versionId: w.form.versionId,
        visitorId: newToken("visitor"),
        submissionKey: newToken("key"),
        answers: checkInAnswers,
      }),
  },
  "submissions:list": {
    expected: membersById,
    call: (c, w) => c.query(api.submissions.list, { formId: w.form.formId }),
  },
  "submissions:open": {
    expected: membersById,
    call: (c, w) =>
      c.mutation(api.submissions.open, { submissionId: w.submissionId }),
  },
  "submissions:print": {
    expected: membersById,
    call: (c, w) =>
      c.mutation(api.submissions.print, { submissionId: w.submissionId }),
  },
  "submissions:summary": {
    expected: membersById,
    call: (c, w) =>
      c.query(api.submissions.summary, { submissionId: w.submissionId }),
  },
  "submissions:findByReference": {
    expected: members,
    call: (c, w) =>
      c.query(api.submissions.findByReference, {
        clinicId: w.clinicId,
        reference: "ABCDEF",
      }),
  },
  "submissions:setReviewed": {
    expected: membersById,
    call: (c, w) =>
      c.mutation(api.submissions.setReviewed, {
        submissionId: w.submissionId,
        reviewed: true,
      }),
  },
  "versions:list": {
    expected: membersById,
    call: (c, w) => c.query(api.versions.list, { formId: w.form.formId }),
  },
  "versions:get": {
    expected: membersById,
    call: (c, w) => c.query(api.versions.get, { versionId: w.form.versionId }),
  },
  "views:record": {
    expected: everyone,
    call: (c, w) =>
      c.mutation(api.views.record, {
        slug: w.form.slug,
        visitorId: newToken("visitor"),
      }),
  },
};

/** Runs `call` and names the outcome, or the message of a non-user error. */
async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "allowed";
  } catch (error) {
    const kind = getIntakeErrorData(error)?.kind;
    if (kind !== undefined) return kind;
    return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe("access matrix", () => {
  test("lists every public function", () => {
    const names = publicFunctionNames();
    expect(names.length).toBeGreaterThan(20);
    expect(names).toEqual(Object.keys(matrix).sort());
  });

  test.each(Object.entries(matrix).map(([name, entry]) => ({ name, entry })))(
    "$name per caller",
    async ({ entry }) => {
      const world = await createWorld();
      const actual: Record<string, string> = {};
      for (const callerName of Object.keys(entry.expected) as CallerName[]) {
        const prepared = (await entry.prepare?.(world)) ?? "";
        actual[callerName] = await outcomeOf(
          entry.call(world.callers[callerName], world, prepared),
        );
      }
      expect(actual).toEqual(entry.expected);
    },
  );
});
