import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import type { BackendHandle } from "./backend-handle";
import { runWorkers } from "./stats";

const CALLS_PER_CLIENT = 5;

/**
 * Sends a few inserts from `clients` clients at once, so V8 has compiled
 * the backend's hot code paths before anything is timed.
 */
export async function warmUp(backend: BackendHandle, clients: number) {
  await runWorkers(clients, async (clientIndex) => {
    const client = new ConvexHttpClient(backend.url);
    for (let n = 0; n < CALLS_PER_CLIENT; n++) {
      await client.mutation(anyApi.items!.insert!, {
        client: clientIndex,
        n: -1 - n,
      });
    }
  });
}
