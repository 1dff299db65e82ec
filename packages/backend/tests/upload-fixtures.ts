import type { FormDefinition } from "@intake/form-schema";
import { api, internal } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { createClinic, createPublishedForm, newToken } from "./fixtures";
import { createTestBackend } from "./harness";

/**
 * A form with two file questions of different limits, a repeating group
 * with a photo per item, and insurance questions that appear or become
 * required on an earlier answer.
 */
export const fileFormDefinition: FormDefinition = {
  title: "Pet check-in",
  pages: [
    {
      id: "owner",
      title: "Owner",
      fields: [
        { id: "ownerName", type: "shortText", label: "Name", required: true },
        {
          id: "card",
          type: "file",
          label: "Insurance card",
          accept: ["image/png", "application/pdf"],
          maxSizeBytes: 5000,
        },
        {
          id: "thumbnail",
          type: "file",
          label: "Small photo",
          accept: ["image/png"],
          maxSizeBytes: 1000,
        },
        { id: "hasInsurance", type: "yesNo", label: "Insured?" },
        {
          id: "insurer",
          type: "shortText",
          label: "Insurer",
          showIf: { field: "hasInsurance", op: "equals", value: true },
        },
        {
          id: "proof",
          type: "file",
          label: "Proof of insurance",
          accept: ["image/png"],
          maxSizeBytes: 5000,
          showIf: { field: "hasInsurance", op: "equals", value: true },
        },
        {
          id: "memberId",
          type: "shortText",
          label: "Member id",
          requireIf: { field: "hasInsurance", op: "equals", value: true },
        },
      ],
    },
    {
      id: "pets",
      title: "Pets",
      fields: [
        {
          id: "pets",
          type: "group",
          label: "Pets",
          itemLabel: "Pet",
          fields: [
            { id: "petName", type: "shortText", label: "Name", required: true },
            {
              id: "photo",
              type: "file",
              label: "Photo",
              accept: ["image/png"],
              maxSizeBytes: 5000,
            },
          ],
        },
      ],
    },
  ],
};

/** Sets up a clinic with the file form published, and upload helpers. */
export async function createFileForm() {
  const backend = createTestBackend();
  const clinic = await createClinic(backend, "Paws Clinic");
  const form = await createPublishedForm(
    clinic.owner,
    clinic.clinicId,
    fileFormDefinition,
  );
  const visitorId = newToken("visitor");

  /** Stores a file as the browser's POST to an upload URL would. */
  const storeFile = (contentType: string, size: number) =>
    backend.run(internal.testingUploads.storeFile, { contentType, size });

  /** Stores and registers a file for `visitor`, and returns its answer. */
  const upload = async (
    contentType = "image/png",
    size = 100,
    visitor = visitorId,
  ) => {
    const storageId = await storeFile(contentType, size);
    const file = await backend.action(api.uploads.register, {
      slug: form.slug,
      visitorId: visitor,
      storageId,
      name: "card.png",
    });
    return {
      storageId: storageId as string,
      name: file.name ?? "",
      contentType: file.contentType,
      size: file.size,
    };
  };

  const submitArgs = (answers: Record<string, unknown>) => ({
    slug: form.slug,
    versionId: form.versionId,
    visitorId,
    submissionKey: newToken("key"),
    answers: answers as never,
  });

  const storedCount = () =>
    backend.run(internal.testing.countClinicSubmissions, {
      clinicId: clinic.clinicId,
    });

  const uploadRow = (storageId: string) =>
    backend.run(internal.testingUploads.uploadRow, {
      storageId: storageId as Id<"_storage">,
    });

  const storedFile = (storageId: string) =>
    backend.run(internal.testingUploads.storedFile, {
      storageId: storageId as Id<"_storage">,
    });

  return {
    backend,
    ...clinic,
    form,
    visitorId,
    storeFile,
    upload,
    submitArgs,
    storedCount,
    uploadRow,
    storedFile,
  };
}
