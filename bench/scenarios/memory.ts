import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import type { BackendHandle } from "../lib/backend-handle";
import { runWorkers } from "../lib/stats";

const READ_BACK = 100;

/** Resident memory of the backend process before and after the load. */
export type MemoryResult = {
  documents: number;
  documentBytes: number;
  loadSeconds: number;
  idleRss: number;
  loadedRss: number;
  /** After a full garbage collection in the backend. */
  loadedRssAfterGc: number;
  heapUsedAfterGc: number;
  readBack: number;
};

/**
 * Stores `documents` documents of about `documentBytes` each through
 * batched mutations, then reads the backend's resident memory.
 */
export async function runMemory(
  backend: BackendHandle,
  options: { documents: number; documentBytes: number; batch: number },
): Promise<MemoryResult> {
  const idle = await backend.memory(true);

  const payload = "x".repeat(options.documentBytes);
  let next = 0;
  const started = performance.now();
  // Two writers keep both cores busy. Inserts of new documents never
  // conflict, so no batch is retried.
  await runWorkers(2, async () => {
    const client = new ConvexHttpClient(backend.url);
    while (next < options.documents) {
      const start = next;
      const count = Math.min(options.batch, options.documents - start);
      next += count;
      await client.mutation(anyApi.blobs!.insertMany!, {
        start,
        count,
        payload,
      });
    }
  });
  const loadSeconds = (performance.now() - started) / 1000;

  const loaded = await backend.memory(false);
  const reader = new ConvexHttpClient(backend.url);
  const readBack: number = await reader.query(anyApi.blobs!.first!, {
    limit: READ_BACK,
  });
  const expectedReadBack = Math.min(READ_BACK, options.documents);
  if (readBack !== expectedReadBack) {
    throw new Error(
      `Read back ${readBack} documents after the load, expected ${expectedReadBack}`,
    );
  }
  const collected = await backend.memory(true);
  return {
    documents: options.documents,
    documentBytes: options.documentBytes,
    loadSeconds,
    idleRss: idle.rss,
    loadedRss: loaded.rss,
    loadedRssAfterGc: collected.rss,
    heapUsedAfterGc: collected.heapUsed,
    readBack,
  };
}
