import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type {
  OccInsight,
  BackendRequest,
  BackendResponse,
  BackendStarted,
} from "./backend-protocol";
import { mainThreadCpuMs } from "./thread-cpu";

const libDir = path.dirname(fileURLToPath(import.meta.url));
const CHILD_SCRIPT = path.join(libDir, "..", "backend-process.ts");
const START_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 10_000;

type Request =
  | { type: "insights" }
  | { type: "memory"; collectGarbage: boolean }
  | { type: "documents"; componentPath: string; table: string }
  | { type: "close" };

/** A backend running in a child process with a throwaway state folder. */
export class BackendHandle {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    (response: BackendResponse) => void
  >();

  private constructor(
    private readonly child: ChildProcess,
    /** Base URL of the API, on 127.0.0.1. */
    readonly url: string,
    private readonly stateDir: string,
  ) {
    child.on("message", (message: BackendResponse) => {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message);
    });
  }

  /**
   * Starts a backend for `projectDir` and waits until it listens.
   * `nodeArguments` go to the child's Node, such as `--cpu-prof`.
   */
  static async start(
    projectDir: string,
    nodeArguments: string[] = [],
  ): Promise<BackendHandle> {
    const stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-bench-"));
    const tsx = createRequire(import.meta.url).resolve("tsx");
    const child = fork(CHILD_SCRIPT, [projectDir, stateDir], {
      execArgv: ["--expose-gc", ...nodeArguments, "--import", tsx],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(
          new Error(`Backend did not start within ${START_TIMEOUT_MS} ms`),
        );
      }, START_TIMEOUT_MS);
      child.once("message", (message: BackendStarted) => {
        clearTimeout(timer);
        resolve(message.url);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`Backend process exited with code ${code} at start`));
      });
    });
    child.removeAllListeners("exit");
    return new BackendHandle(child, url, stateDir);
  }

  /** Returns the CPU time the backend's main thread has used, in ms. */
  mainThreadCpuMs(): number {
    return mainThreadCpuMs(this.child.pid!);
  }

  /** Returns the OCC insights the engine has collected so far. */
  async insights(): Promise<OccInsight[]> {
    const response = await this.request({ type: "insights" });
    return response.type === "insights" ? response.insights : [];
  }

  /** Returns resident set size and used heap of the backend, in bytes. */
  async memory(collectGarbage: boolean) {
    const response = await this.request({ type: "memory", collectGarbage });
    if (response.type !== "memory") {
      throw new Error(`Expected a memory response, got ${response.type}`);
    }
    return { rss: response.rss, heapUsed: response.heapUsed };
  }

  /** Returns every document of a table, in `convexToJson` form. */
  async documents(
    componentPath: string,
    table: string,
  ): Promise<Record<string, unknown>[]> {
    const response = await this.request({
      type: "documents",
      componentPath,
      table,
    });
    if (response.type !== "documents") {
      throw new Error(`Expected a documents response, got ${response.type}`);
    }
    return response.documents;
  }

  /** Stops the backend, waits for the process to exit, removes its state. */
  async close() {
    const exited =
      this.child.exitCode === null
        ? new Promise((resolve) => this.child.once("exit", resolve))
        : Promise.resolve();
    try {
      await this.request({ type: "close" });
      // The child exits by itself once it has sent its response, which lets
      // `--cpu-prof` write its profile. A child that hangs is killed.
      const timer = setTimeout(() => this.child.kill(), EXIT_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    } finally {
      if (this.child.exitCode === null) this.child.kill();
      await exited;
      rmSync(this.stateDir, { recursive: true, force: true });
    }
  }

  private request(request: Request): Promise<BackendResponse> {
    const id = this.nextId++;
    const message = { ...request, id } as BackendRequest;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`Backend request ${request.type} timed out`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
      this.child.send(message);
    });
  }
}
