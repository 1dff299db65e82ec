import { describe, expect, test } from "vitest";
import { api, internal } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { templateSampleAnswers, templates } from "@intake/form-schema";
import {
  createClinic,
  createPublishedForm,
  expectIntakeError,
  newToken,
} from "./fixtures";
import { createTestBackend } from "./harness";
import { createFileForm } from "./upload-fixtures";

describe("submissions.submit with files", () => {
  test("stores files and attaches uploads", async () => {
    const { backend, owner, upload, submitArgs, uploadRow } =
      await createFileForm();
    const card = await upload("application/pdf", 4000);
    const photo = await upload("image/png", 200);
    const answers = {
      ownerName: "Ana",
      card,
      pets: [{ petName: "Rex", photo }],
    };
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs(answers),
    );
    const stored = await owner.mutation(api.submissions.open, { submissionId });
    expect(stored.answers).toEqual(answers);
    expect((await uploadRow(card.storageId))?.submissionId).toBe(submissionId);
    expect((await uploadRow(photo.storageId))?.submissionId).toBe(submissionId);
  });

  test("drops hidden answers", async () => {
    const { backend, owner, submitArgs } = await createFileForm();
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", hasInsurance: false, insurer: "Acme" }),
    );
    const stored = await owner.mutation(api.submissions.open, { submissionId });
    expect(stored.answers).toEqual({ ownerName: "Ana", hasInsurance: false });
  });

  test("hidden file is dropped", async () => {
    const { backend, owner, upload, submitArgs, uploadRow } =
      await createFileForm();
    const proof = await upload();
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", hasInsurance: false, proof }),
    );
    const stored = await owner.mutation(api.submissions.open, { submissionId });
    expect(stored.answers).toEqual({ ownerName: "Ana", hasInsurance: false });
    // Left unattached, so the cleanup deletes it after 24 hours.
    expect((await uploadRow(proof.storageId))?.submissionId).toBeNull();
  });

  test("requireIf applies on the server", async () => {
    const { backend, submitArgs, storedCount } = await createFileForm();
    const error = await expectIntakeError(
      backend.mutation(
        api.submissions.submit,
        submitArgs({ ownerName: "Ana", hasInsurance: true }),
      ),
      "invalidAnswers",
    );
    expect(error.fieldErrors.memberId?.code).toBe("required");
    expect(await storedCount()).toBe(0);
  });

  test("field type and size checked", async () => {
    const { backend, upload, submitArgs, storedCount } = await createFileForm();
    const pdf = await upload("application/pdf", 100);
    const big = await upload("image/png", 2000);
    const error = await expectIntakeError(
      backend.mutation(
        api.submissions.submit,
        submitArgs({ ownerName: "Ana", thumbnail: pdf }),
      ),
      "invalidAnswers",
    );
    expect(error.fieldErrors.thumbnail?.code).toBe("fileType");
    const sizeError = await expectIntakeError(
      backend.mutation(
        api.submissions.submit,
        submitArgs({ ownerName: "Ana", thumbnail: big }),
      ),
      "invalidAnswers",
    );
    expect(sizeError.fieldErrors.thumbnail?.code).toBe("fileTooLarge");
    expect(await storedCount()).toBe(0);
  });

  test("group item error key", async () => {
    const { backend, submitArgs, storeFile } = await createFileForm();
    const storageId = await storeFile("image/png", 10);
    const photo = {
      storageId,
      name: "rex.png",
      contentType: "image/png",
      size: 10,
    };
    const error = await expectIntakeError(
      backend.mutation(
        api.submissions.submit,
        submitArgs({ ownerName: "Ana", pets: [{ petName: "Rex", photo }] }),
      ),
      "invalidFile",
    );
    expect(error.fieldId).toBe("pets.0.photo");
    expect(error.storageId).toBe(storageId);
  });
});

describe("submissions.submit rejects files", () => {
  type Setup = Awaited<ReturnType<typeof createFileForm>>;

  const cases: {
    description: string;
    card: (setup: Setup) => Promise<Record<string, unknown>>;
  }[] = [
    {
      description: "unregistered storage id",
      card: async ({ storeFile }) => {
        const storageId = await storeFile("image/png", 10);
        return { storageId, name: "a", contentType: "image/png", size: 10 };
      },
    },
    {
      description: "malformed storage id",
      card: async () => ({
        storageId: "kg2notreal",
        name: "a",
        contentType: "image/png",
        size: 10,
      }),
    },
    {
      description: "another visitor's upload",
      card: async ({ upload }) =>
        await upload("image/png", 10, newToken("visitor")),
    },
    {
      description: "another form's upload",
      card: async ({ visitorId }) => {
        const other = await createFileForm();
        return await other.upload("image/png", 10, visitorId);
      },
    },
    {
      description: "declared type differs",
      card: async ({ upload }) => ({
        ...(await upload("application/pdf", 10)),
        contentType: "image/png",
      }),
    },
    {
      description: "declared size differs",
      card: async ({ upload }) => ({
        ...(await upload("image/png", 3000)),
        size: 300,
      }),
    },
    {
      description: "file deleted since",
      card: async ({ upload, backend }) => {
        const file = await upload();
        await backend.run(internal.testingUploads.deleteFile, {
          storageId: file.storageId as Id<"_storage">,
        });
        return file;
      },
    },
  ];

  test.each(cases)("$description is invalidFile", async ({ card }) => {
    const setup = await createFileForm();
    const answer = await card(setup);
    const error = await expectIntakeError(
      setup.backend.mutation(
        api.submissions.submit,
        setup.submitArgs({ ownerName: "Ana", card: answer }),
      ),
      "invalidFile",
    );
    expect(error.fieldId).toBe("card");
    expect(await setup.storedCount()).toBe(0);
  });

  test("already attached file", async () => {
    const { backend, upload, submitArgs, storedCount } = await createFileForm();
    const card = await upload();
    await backend.mutation(
      api.submissions.submit,
      submitArgs({ ownerName: "Ana", card }),
    );
    await expectIntakeError(
      backend.mutation(
        api.submissions.submit,
        submitArgs({ ownerName: "Ana", card }),
      ),
      "invalidFile",
    );
    expect(await storedCount()).toBe(1);
  });

  test("same file twice", async () => {
    const { backend, upload, submitArgs, storedCount, uploadRow } =
      await createFileForm();
    const file = await upload();
    await expectIntakeError(
      backend.mutation(
        api.submissions.submit,
        submitArgs({
          ownerName: "Ana",
          card: file,
          pets: [{ petName: "Rex", photo: file }],
        }),
      ),
      "invalidFile",
    );
    expect(await storedCount()).toBe(0);
    expect((await uploadRow(file.storageId))?.submissionId).toBeNull();
  });

  test("error attaches nothing", async () => {
    const { backend, upload, storeFile, submitArgs, uploadRow } =
      await createFileForm();
    const good = await upload();
    const storageId = await storeFile("image/png", 10);
    const bad = { storageId, name: "b", contentType: "image/png", size: 10 };
    await expectIntakeError(
      backend.mutation(
        api.submissions.submit,
        submitArgs({
          ownerName: "Ana",
          card: good,
          pets: [{ petName: "Rex", photo: bad }],
        }),
      ),
      "invalidFile",
    );
    expect((await uploadRow(good.storageId))?.submissionId).toBeNull();
  });
});

describe("submissions.submit answer shapes", () => {
  test.each(templates.map((template) => ({ id: template.id, template })))(
    "stores $id sample answers",
    async ({ id, template }) => {
      const backend = createTestBackend();
      const clinic = await createClinic(backend, `Template ${id}`);
      const form = await createPublishedForm(
        clinic.owner,
        clinic.clinicId,
        template.definition,
      );
      const answers = templateSampleAnswers(id);
      const { submissionId } = await backend.mutation(api.submissions.submit, {
        slug: form.slug,
        versionId: form.versionId,
        visitorId: newToken("visitor"),
        submissionKey: newToken("key"),
        answers,
      });
      const stored = await clinic.owner.mutation(api.submissions.open, {
        submissionId,
      });
      expect(stored.answers).toEqual(answers);
    },
  );
});
