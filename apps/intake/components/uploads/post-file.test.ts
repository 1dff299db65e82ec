import { describe, expect, test, vi } from "vitest";

import { PostFileError, postFile } from "./post-file";

/** A stand-in request that the test finishes by hand. */
class FakeRequest {
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = "";
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({
      lengthComputable: true,
      loaded,
      total,
    } as ProgressEvent);
  }
  finish(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

function start(signal = new AbortController().signal) {
  const request = new FakeRequest();
  const onProgress = vi.fn();
  const file = new File(["abc"], "card.png", { type: "image/png" });
  const result = postFile("http://127.0.0.1:1/upload", file, {
    onProgress,
    signal,
    createRequest: () => request as unknown as XMLHttpRequest,
  });
  return { request, onProgress, file, result };
}

describe("postFile", () => {
  test("posts the file and returns storageId", async () => {
    const { request, onProgress, file, result } = start();

    request.progress(1, 4);
    request.finish(200, JSON.stringify({ storageId: "kg2abc" }));

    await expect(result).resolves.toBe("kg2abc");
    expect(request.method).toBe("POST");
    expect(request.headers["Content-Type"]).toBe("image/png");
    expect(request.body).toBe(file);
    expect(onProgress).toHaveBeenNthCalledWith(1, 0.25);
    expect(onProgress).toHaveBeenLastCalledWith(1);
  });

  test.each([
    { name: "HTTP error", status: 500, text: "", reason: "status" },
    { name: "bad body", status: 200, text: "<html>", reason: "response" },
  ])("$name rejects", async ({ status, text, reason }) => {
    const { request, result } = start();

    request.finish(status, text);

    await expect(result).rejects.toMatchObject({ reason });
  });

  test("network error rejects", async () => {
    const { request, result } = start();

    request.onerror?.();

    await expect(result).rejects.toBeInstanceOf(PostFileError);
  });

  test("abort signal aborts the request", async () => {
    const controller = new AbortController();
    const { result } = start(controller.signal);

    controller.abort();

    await expect(result).rejects.toMatchObject({ reason: "aborted" });
  });
});
