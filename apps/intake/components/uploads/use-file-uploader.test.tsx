import { FileUploadError, type FileUploader } from "@intake/ui";
import { renderHook } from "@testing-library/react";
import { ConvexError } from "convex/values";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { actions, mutations } from "../../test/convex-mock";
import { postFile } from "./post-file";
import { MESSAGES } from "../i18n/messages";
import { describeUploadError, useFileUploader } from "./use-file-uploader";

vi.mock(
  "../convex-client",
  async () => (await import("../../test/convex-mock")).convexClientMock,
);
vi.mock("./post-file", () => ({ postFile: vi.fn() }));

const generateUploadUrl = mutations["uploads:generateUploadUrl"];
const register = actions["uploads:register"];
const file = new File(["abc"], "card.png", { type: "image/png" });

function upload(uploader: FileUploader | null) {
  if (uploader === null) throw new Error("No uploader");
  return uploader(file, {
    fieldKey: "card",
    onProgress: () => {},
    signal: new AbortController().signal,
  });
}

beforeEach(() => {
  generateUploadUrl.mockReset();
  register.mockReset();
  vi.mocked(postFile).mockReset();
});

describe("useFileUploader", () => {
  test("no visitor means no uploader", () => {
    const { result } = renderHook(() => useFileUploader("vet", null));
    expect(result.current).toBeNull();
  });

  test("upload, register, then answer", async () => {
    generateUploadUrl.mockResolvedValue("http://127.0.0.1:1/upload/abc");
    vi.mocked(postFile).mockResolvedValue("storage1");
    register.mockResolvedValue({
      name: "card.png",
      contentType: "image/png",
      size: 3,
    });
    const { result } = renderHook(() => useFileUploader("vet", "visitor-1"));

    await expect(upload(result.current)).resolves.toEqual({
      storageId: "storage1",
      name: "card.png",
      contentType: "image/png",
      size: 3,
    });
    expect(generateUploadUrl).toHaveBeenCalledWith({
      slug: "vet",
      visitorId: "visitor-1",
    });
    expect(vi.mocked(postFile).mock.calls[0]![0]).toBe(
      "http://127.0.0.1:1/upload/abc",
    );
    expect(register).toHaveBeenCalledWith({
      slug: "vet",
      visitorId: "visitor-1",
      storageId: "storage1",
      name: "card.png",
    });
  });

  test.each([
    {
      name: "invalid file",
      error: new ConvexError({ kind: "invalidFile", message: "Bad type" }),
      expected: /does not accept this file/,
    },
    {
      name: "network failure",
      error: new TypeError("Failed to fetch"),
      expected: /could not be uploaded/,
    },
  ])("$name becomes a patient message", async ({ error, expected }) => {
    generateUploadUrl.mockResolvedValue("http://127.0.0.1:1/upload/abc");
    vi.mocked(postFile).mockResolvedValue("storage1");
    register.mockRejectedValue(error);
    const { result } = renderHook(() => useFileUploader("vet", "visitor-1"));

    const failure = await upload(result.current).catch((caught) => caught);

    expect(failure).toBeInstanceOf(FileUploadError);
    expect((failure as Error).message).toMatch(expected);
  });
});

describe("describeUploadError", () => {
  const rateLimited = (scope: "visitor" | "form", retryAfterMs: number) =>
    new ConvexError({
      kind: "rateLimited",
      message: "internal bucket uploadPerForm",
      retryAfterMs,
      scope,
    });

  test.each([
    {
      description: "visitor limit",
      error: rateLimited("visitor", 30_000),
      text: MESSAGES.en.upload,
      expected:
        /^Too many files were uploaded from this device\. Wait a minute,/,
    },
    {
      description: "form limit",
      error: rateLimited("form", 150_000),
      text: MESSAGES.en.upload,
      expected: /^This form is receiving many files .* Wait 3 minutes,/,
    },
    {
      description: "form limit in Spanish",
      error: rateLimited("form", 60_000),
      text: MESSAGES.es.upload,
      expected: /^Este formulario está recibiendo muchos archivos.* un minuto/,
    },
    {
      description: "rejected file",
      error: new ConvexError({
        kind: "invalidFile",
        message: "Bad type",
        storageId: "s1",
      }),
      text: MESSAGES.en.upload,
      expected: /^The clinic does not accept this file\./,
    },
    {
      description: "network failure",
      error: new TypeError("Failed to fetch"),
      text: MESSAGES.en.upload,
      expected: /^The file could not be uploaded\./,
    },
  ])("$description", ({ error, text, expected }) => {
    const message = describeUploadError(error, text);

    expect(message).toMatch(expected);
    expect(message).not.toContain("uploadPerForm");
  });
});
