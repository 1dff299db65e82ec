import { describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { createFileForm } from "./upload-fixtures";

describe("inbox.remove files", () => {
  test("deletes files and upload rows", async () => {
    const { backend, owner, upload, submitArgs, storedFile, uploadRow } =
      await createFileForm();
    const card = await upload();
    const photo = await upload();
    const { submissionId } = await backend.mutation(
      api.submissions.submit,
      submitArgs({
        ownerName: "Ana",
        card,
        pets: [{ petName: "Rex", photo }],
      }),
    );

    await owner.mutation(api.inbox.remove, { submissionId });
    for (const file of [card, photo]) {
      expect(await storedFile(file.storageId)).toBeNull();
      expect(await uploadRow(file.storageId)).toBeNull();
    }
  });
});
