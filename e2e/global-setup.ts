import { rmSync } from "node:fs";
import {
  startApps,
  startBackend,
  stateDirFor,
  stopChildren,
} from "../scripts/lib/stack.mjs";

/**
 * Starts a fresh stack for the suite: convex-local with an empty state
 * folder, the demo clinic, and production builds of both apps.
 */
export default async function globalSetup() {
  const stateDir = stateDirFor("e2e");
  rmSync(stateDir, { recursive: true, force: true });
  try {
    await startBackend({ stateDir });
    await startApps("start");
  } catch (error) {
    await stopChildren();
    throw error;
  }
  return stopChildren;
}
