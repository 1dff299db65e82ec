"use client";

import { ConvexProvider, ConvexReactClient } from "convex/react";
import { useState, type ReactNode } from "react";

import { env } from "./env";

/**
 * Supplies the Convex client to `usePreloadedQuery` and `useMutation`. The
 * app reaches the backend only through this client. Each server render and
 * each browser tab gets its own client, so no request shares another
 * request's cache. The client opens its WebSocket only on first use, so
 * creating one during server rendering opens no connection.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [convex] = useState(() => new ConvexReactClient(env.convexUrl));

  return <ConvexProvider client={convex}>{children}</ConvexProvider>;
}
