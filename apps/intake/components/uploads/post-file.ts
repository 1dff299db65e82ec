/** Options of {@link postFile}. */
export interface PostFileOptions {
  /** Receives the share of bytes sent so far, from 0 to 1. */
  onProgress: (fraction: number) => void;
  signal: AbortSignal;
  /** Creates the request. Tests pass a stand-in. */
  createRequest?: () => XMLHttpRequest;
}

/** Failure of a {@link postFile} call, with its reason. */
export class PostFileError extends Error {
  constructor(
    readonly reason: "network" | "status" | "aborted" | "response",
    message: string,
  ) {
    super(message);
    this.name = "PostFileError";
  }
}

/**
 * Sends a file to a Convex upload URL and resolves to its storage id.
 * It uses XMLHttpRequest because `fetch` reports no upload progress.
 * Convex responds to a successful upload with JSON `{ storageId }`.
 */
export function postFile(
  url: string,
  file: File,
  {
    onProgress,
    signal,
    createRequest = () => new XMLHttpRequest(),
  }: PostFileOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = createRequest();
    const abort = () => request.abort();

    request.open("POST", url);
    if (file.type) request.setRequestHeader("Content-Type", file.type);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    request.onload = () => {
      signal.removeEventListener("abort", abort);
      if (request.status < 200 || request.status >= 300) {
        reject(
          new PostFileError(
            "status",
            `Upload failed with HTTP ${request.status}.`,
          ),
        );
        return;
      }
      const storageId = parseStorageId(request.responseText);
      if (storageId === null) {
        reject(
          new PostFileError("response", "Upload response has no storageId."),
        );
        return;
      }
      onProgress(1);
      resolve(storageId);
    };
    request.onerror = () => {
      signal.removeEventListener("abort", abort);
      reject(new PostFileError("network", "Upload failed: network error."));
    };
    request.onabort = () => {
      reject(new PostFileError("aborted", "Upload aborted."));
    };

    if (signal.aborted) {
      reject(new PostFileError("aborted", "Upload aborted."));
      return;
    }
    signal.addEventListener("abort", abort, { once: true });
    request.send(file);
  });
}

function parseStorageId(text: string): string | null {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null) {
      const { storageId } = body as Record<string, unknown>;
      if (typeof storageId === "string" && storageId !== "") return storageId;
    }
  } catch {
    // Not JSON, which the caller reports as a bad response.
  }
  return null;
}
