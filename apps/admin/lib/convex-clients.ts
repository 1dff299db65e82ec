import { ConvexQueryClient } from "@convex-dev/react-query";
import { QueryClient } from "@tanstack/react-query";
import { ConvexReactClient } from "convex/react";

import { env } from "@/env";

/**
 * Builds the browser's Convex client and the TanStack Query client that reads
 * Convex queries through it. Query results stay live over the Convex
 * WebSocket, so TanStack Query never refetches or retries them itself.
 */
export function createClients(): {
  convex: ConvexReactClient;
  queryClient: QueryClient;
} {
  const convex = new ConvexReactClient(env.convexUrl);
  const convexQueryClient = new ConvexQueryClient(convex);
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        queryKeyHashFn: convexQueryClient.hashFn(),
        queryFn: convexQueryClient.queryFn(),
        // A Convex query error (no access, not found) does not heal on retry.
        retry: false,
      },
    },
  });
  convexQueryClient.connect(queryClient);
  return { convex, queryClient };
}
