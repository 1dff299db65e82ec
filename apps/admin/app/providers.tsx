"use client";

import { ConvexAuthProvider } from "@convex-dev/auth/react";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import { createClients } from "@/lib/convex-clients";

/** Provides Convex Auth, the Convex client and TanStack Query to every page. */
export function Providers({ children }: { children: ReactNode }) {
  // useState keeps one pair of clients per browser tab across renders.
  const [clients] = useState(createClients);

  return (
    <ConvexAuthProvider client={clients.convex}>
      <QueryClientProvider client={clients.queryClient}>
        {children}
      </QueryClientProvider>
    </ConvexAuthProvider>
  );
}
