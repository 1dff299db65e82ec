import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import type { BackendHandle } from "./backend-handle";
import { runWorkers } from "./stats";

const CALLS_PER_CLIENT = 5;

/**
 * Sends a few inserts from `clients` clients at once, so the backend has
 * loaded its pool of module instances before anything is timed. A cold
 * pool loads instances during the first measured calls.
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
