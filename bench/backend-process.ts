/**
 * Child process that runs one local backend for the benchmark, so its
 * resident memory is measured apart from the clients. It reads requests
 * from the IPC channel and sends each response with the request's `id`.
 */
import { loadCompiledBackend } from "./lib/compiled-backend";
import type {
  BackendRequest,
  BackendResponse,
  BackendStarted,
} from "./lib/backend-protocol";

const [projectDir, stateDir] = process.argv.slice(2);
if (projectDir === undefined || stateDir === undefined) {
  throw new Error("Usage: backend-process.ts <projectDir> <stateDir>");
}

// OCC retries are counted through insights, so per-retry log lines are
// dropped. Errors still reach stderr.
const logger = {
  info: () => {},
  warn: () => {},
  error: (message: string) => process.stderr.write(`${message}\n`),
};

const { startBackend } = await loadCompiledBackend();
const backend = await startBackend({
  projectDir,
  stateDir,
  port: 0,
  sitePort: 0,
  host: "127.0.0.1",
  logger,
});

const started: BackendStarted = { type: "started", url: backend.url };
process.send?.(started);

process.on("message", (request: BackendRequest) => {
  void respond(request);
});

async function respond(request: BackendRequest) {
  let response: BackendResponse;
  switch (request.type) {
    case "insights":
      response = {
        id: request.id,
        type: "insights",
        insights: backend.engine.insights(),
      };
      break;
    case "memory":
      if (request.collectGarbage) globalThis.gc?.();
      response = {
        id: request.id,
        type: "memory",
        rss: process.memoryUsage().rss,
        heapUsed: process.memoryUsage().heapUsed,
      };
      break;
    case "documents":
      response = {
        id: request.id,
        type: "documents",
        documents: [...backend.engine.exportDocuments()]
          .filter(
            (entry) =>
              entry.componentPath === request.componentPath &&
              entry.table === request.table,
          )
          .map((entry) => entry.document as Record<string, unknown>),
      };
      break;
    case "close":
      await backend.close();
      response = { id: request.id, type: "closed" };
      process.send?.(response, () => process.exit(0));
      return;
  }
  process.send?.(response);
}
