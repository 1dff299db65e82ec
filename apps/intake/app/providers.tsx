"use client";

import type { ReactNode } from "react";

import { ConvexClientProvider } from "../components/convex-client";
import { env } from "./env";

/**
 * Supplies the Convex client to the app's hooks. The app reaches the
 * backend only through this client.
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConvexClientProvider url={env.convexUrl}>{children}</ConvexClientProvider>
  );
}
