"use client";

import { ConvexQueryClient } from "@convex-dev/react-query";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ConvexProvider, ConvexReactClient } from "convex/react";
import { useState, type ReactNode } from "react";

import { env } from "./env";

/**
 * Creates the Convex client and the TanStack Query client that reads
 * Convex queries through it. The Convex client opens its WebSocket only
 * on first use, so creating one during server rendering opens no
 * connection.
 */
function createClients() {
  const convex = new ConvexReactClient(env.convexUrl);
  const convexQueryClient = new ConvexQueryClient(convex);
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        queryKeyHashFn: convexQueryClient.hashFn(),
        queryFn: convexQueryClient.queryFn(),
      },
    },
  });
  convexQueryClient.connect(queryClient);
  return { convex, queryClient };
}

/**
 * Supplies the Convex client to `usePreloadedQuery` and `useMutation`, and
 * the query client to TanStack Query hooks. The app reaches the backend
 * only through these clients. Each server render and each browser tab gets
 * its own pair, so no request shares another request's cache.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [{ convex, queryClient }] = useState(createClients);

  return (
    <ConvexProvider client={convex}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ConvexProvider>
  );
}
