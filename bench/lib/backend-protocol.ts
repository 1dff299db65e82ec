import type { LocalEngine } from "../../packages/convex-local/src/index";

/** One OCC insight row of the engine. */
export type OccInsight = ReturnType<LocalEngine["insights"]>[number];

/** Requests the benchmark sends to the backend child process. */
export type BackendRequest =
  | { id: number; type: "insights" }
  | { id: number; type: "memory"; collectGarbage: boolean }
  | { id: number; type: "documents"; componentPath: string; table: string }
  | { id: number; type: "close" };

/** Responses of the backend child process, matched by `id`. */
export type BackendResponse =
  | { id: number; type: "insights"; insights: OccInsight[] }
  | { id: number; type: "memory"; rss: number; heapUsed: number }
  | { id: number; type: "documents"; documents: Record<string, unknown>[] }
  | { id: number; type: "closed" };

/** First message of the child once its servers listen. */
export type BackendStarted = { type: "started"; url: string };
