import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import {
  createClinic,
  createPublishedForm,
  expectIntakeError,
  newToken,
} from "./fixtures";
import { createFileForm } from "./upload-fixtures";

describe("uploads.generateUploadUrl", () => {
  test("returns a URL for a file form", async () => {
    const { backend, form, visitorId } = await createFileForm();
    const url = await backend.mutation(api.uploads.generateUploadUrl, {
      slug: form.slug,
      visitorId,
    });
    expect(url).toMatch(/^https?:\/\//);
  });

  test("form without file questions", async () => {
    const { backend, owner, clinicId } = await createFileForm();
    const plain = await createPublishedForm(owner, clinicId);
    const error = await expectIntakeError(
      backend.mutation(api.uploads.generateUploadUrl, {
        slug: plain.slug,
        visitorId: newToken("visitor"),
      }),
      "invalidArgument",
    );
    expect(error.argument).toBe("slug");
  });

  test("unknown slug is formNotFound", async () => {
    const { backend } = await createFileForm();
    await expectIntakeError(
      backend.mutation(api.uploads.generateUploadUrl, {
        slug: "no-such-form",
        visitorId: newToken("visitor"),
      }),
      "formNotFound",
    );
  });

  test("malformed visitor id", async () => {
    const { backend, form } = await createFileForm();
    await expectIntakeError(
      backend.mutation(api.uploads.generateUploadUrl, {
        slug: form.slug,
        visitorId: "short",
      }),
      "invalidArgument",
    );
  });

  test("rate-limits one visitor", async () => {
    const { backend, form, visitorId } = await createFileForm();
    const call = () =>
      backend.mutation(api.uploads.generateUploadUrl, {
        slug: form.slug,
        visitorId,
      });
    for (let index = 0; index < 30; index++) {
      await call();
    }
    const error = await expectIntakeError(call(), "rateLimited");
    expect(error.scope).toBe("visitor");
    expect(error.retryAfterMs).toBeGreaterThan(0);
    // Another visitor still gets a URL.
    const other = await backend.mutation(api.uploads.generateUploadUrl, {
      slug: form.slug,
      visitorId: newToken("visitor"),
    });
    expect(typeof other).toBe("string");
  });
});

describe("uploads.register", () => {
  test("records an accepted file", async () => {
    const { backend, form, visitorId, storeFile, uploadRow } =
      await createFileForm();
    const storageId = await storeFile("image/png", 321);
    const file = await backend.action(api.uploads.register, {
      slug: form.slug,
      visitorId,
      storageId,
      name: "  card.png ",
    });
    expect(file).toEqual({
      name: "card.png",
      contentType: "image/png",
      size: 321,
    });
    const row = await uploadRow(storageId);
    expect(row?.visitorId).toBe(visitorId);
    expect(row?.formId).toBe(form.formId);
    expect(row?.submissionId).toBeNull();
  });

  test("repeat returns the same file", async () => {
    const { backend, form, visitorId, storeFile } = await createFileForm();
    const storageId = await storeFile("application/pdf", 900);
    const args = { slug: form.slug, visitorId, storageId };
    const first = await backend.action(api.uploads.register, args);
    const second = await backend.action(api.uploads.register, args);
    expect(second).toEqual(first);
  });

  test.each([
    { description: "wrong type", contentType: "text/html", size: 10 },
    { description: "no type", contentType: "", size: 10 },
    { description: "too big", contentType: "image/png", size: 5001 },
  ])("$description is deleted", async ({ contentType, size }) => {
    const { backend, form, visitorId, storeFile, storedFile, uploadRow } =
      await createFileForm();
    const storageId = await storeFile(contentType, size);
    const error = await expectIntakeError(
      backend.action(api.uploads.register, {
        slug: form.slug,
        visitorId,
        storageId,
      }),
      "invalidFile",
    );
    expect(error.storageId).toBe(storageId);
    expect(await storedFile(storageId)).toBeNull();
    expect(await uploadRow(storageId)).toBeNull();
  });

  test("another visitor's file is kept", async () => {
    const { backend, form, upload, storedFile, uploadRow, visitorId } =
      await createFileForm();
    const file = await upload();
    await expectIntakeError(
      backend.action(api.uploads.register, {
        slug: form.slug,
        visitorId: newToken("visitor"),
        storageId: file.storageId as Id<"_storage">,
      }),
      "invalidFile",
    );
    expect(await storedFile(file.storageId)).not.toBeNull();
    expect((await uploadRow(file.storageId))?.visitorId).toBe(visitorId);
  });

  test("deleted file is invalidFile", async () => {
    const { backend, form, visitorId, storeFile } = await createFileForm();
    const storageId = await storeFile("image/png", 10);
    await backend.run(internal.testingUploads.deleteFile, { storageId });
    await expectIntakeError(
      backend.action(api.uploads.register, {
        slug: form.slug,
        visitorId,
        storageId,
      }),
      "invalidFile",
    );
  });

  test("form without file questions", async () => {
    const { backend, owner, clinicId, storeFile, storedFile } =
      await createFileForm();
    const plain = await createPublishedForm(owner, clinicId);
    const storageId = await storeFile("image/png", 10);
    await expectIntakeError(
      backend.action(api.uploads.register, {
        slug: plain.slug,
        visitorId: newToken("visitor"),
        storageId,
      }),
      "invalidFile",
    );
    expect(await storedFile(storageId)).toBeNull();
  });
});

describe("uploads.deleteStale", () => {
  test("deletes old unattached uploads", async () => {
    const { backend, upload, submitArgs, storedFile, uploadRow } =
      await createFileForm();
    const stale = await upload();
    const fresh = await upload();
    const attached = await upload();
    await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", card: attached }),
    );
    const day = 24 * 60 * 60 * 1000;
    for (const file of [stale, attached]) {
      await backend.run(internal.testingUploads.backdateUpload, {
        storageId: file.storageId as Id<"_storage">,
        ms: day + 60_000,
      });
    }

    const deleted = await backend.run(internal.uploads.deleteStale, {});
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await storedFile(stale.storageId)).toBeNull();
    expect(await uploadRow(stale.storageId)).toBeNull();
    expect(await storedFile(fresh.storageId)).not.toBeNull();
    expect(await storedFile(attached.storageId)).not.toBeNull();
    expect(await uploadRow(attached.storageId)).not.toBeNull();
  });
});

describe("orphanFiles.deleteUnregistered", () => {
  test("deletes old unregistered files only", async () => {
    const { backend, storeFile, upload, submitArgs, storedFile } =
      await createFileForm();
    const unregistered = await storeFile("image/png", 10);
    const registered = await upload();
    const attached = await upload();
    await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", card: attached }),
    );

    // With the default age of 24 hours, every file here is too new.
    await backend.run(internal.orphanFiles.deleteUnregistered, {});
    expect(await storedFile(unregistered)).not.toBeNull();

    const deleted = await backend.run(internal.orphanFiles.deleteUnregistered, {
      maxAgeMs: 0,
    });
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await storedFile(unregistered)).toBeNull();
    expect(await storedFile(registered.storageId)).not.toBeNull();
    expect(await storedFile(attached.storageId)).not.toBeNull();
  });
});

describe("submissions.open files", () => {
  test("returns a URL per stored file", async () => {
    const { backend, owner, upload, submitArgs } = await createFileForm();
    const card = await upload();
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", card }),
    );

    const opened = await owner.mutation(api.submissions.open, {
      submissionId,
    });
    expect(opened.files).toHaveLength(1);
    expect(opened.files[0]?.storageId).toBe(card.storageId);
    expect(opened.files[0]?.url).toMatch(/^https?:\/\//);
  });

  test("deleted file has a null URL", async () => {
    const { backend, owner, upload, submitArgs } = await createFileForm();
    const card = await upload();
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", card }),
    );
    await backend.run(internal.testingUploads.deleteFile, {
      storageId: card.storageId as Id<"_storage">,
    });

    const opened = await owner.mutation(api.submissions.print, {
      submissionId,
    });
    expect(opened.files).toEqual([{ storageId: card.storageId, url: null }]);
  });
});

describe("submissions.open file access", () => {
  test("other clinics and anonymous callers get no URL", async () => {
    const { backend, upload, submitArgs } = await createFileForm();
    const file = await upload();
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", card: file }),
    );

    const other = await createClinic(backend, "Other Clinic");
    await expectIntakeError(
      other.owner.mutation(api.submissions.open, { submissionId }),
      "notFound",
    );
    await expectIntakeError(
      backend.mutation(api.submissions.open, { submissionId }),
      "unauthenticated",
    );
  });

  test("lists only the submission's own files", async () => {
    const { backend, owner, upload, submitArgs } = await createFileForm();
    const first = await upload();
    const second = await upload();
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", card: first }),
    );
    await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", card: second }),
    );

    const opened = await owner.mutation(api.submissions.open, {
      submissionId,
    });
    expect(opened.files.map((file) => file.storageId)).toEqual([
      first.storageId,
    ]);
  });
});
