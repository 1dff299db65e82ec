import { Worker } from "node:worker_threads";
import { WAL_CHECKPOINT_PAGES } from "./database";
import { encodeBatch } from "./batch-encoding";
import type { CommitRows } from "./staged-writes";

/** Writes batches of commit rows durably, one SQLite transaction each. */
export type BatchWriter = {
  /**
   * Resolves once the batch and `lastTs` are durable; rejects on failure.
   * Batches are written in the order they are sent. Once one fails, the
   * batches sent after it fail without being written until `resume`.
   */
  write(commits: CommitRows[], lastTs: bigint): Promise<void>;
  /** Takes batches again after a failure; see `write`. */
  resume(): void;
  close(): Promise<void>;
};

type Reply =
  | { type: "written"; id: number }
  | { type: "failed"; id: number; message: string }
  | { type: "closed" };

/**
 * A `BatchWriter` on a worker thread with its own SQLite connection
 * (commit-worker.mjs). The main thread keeps executing functions and
 * staging the next batch while the worker waits for the fsync. When the
 * worker exits unexpectedly, the batches in flight fail and the next
 * write starts a new worker.
 */
export class WorkerBatchWriter implements BatchWriter {
  private worker: Worker | null = null;
  private readonly pending = new Map<
    number,
    { resolve: () => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private closed: Promise<void> | null = null;

  constructor(private readonly databaseFile: string) {
    this.worker = this.startWorker();
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL("./commit-worker.mjs", import.meta.url), {
      workerData: {
        file: this.databaseFile,
        checkpointPages: WAL_CHECKPOINT_PAGES,
      },
    });
    // An idle worker does not keep the process alive.
    worker.unref();
    worker.on("message", (reply: Reply) => this.settle(reply));
    worker.on("error", (error) => this.failAll(error));
    worker.on("exit", (code) => {
      // NOTE: a worker that exits after committing a batch but before its
      // reply leaves that batch written, although its callers see a failure.
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`The commit worker exited with code ${code}`));
    });
    return worker;
  }

  write(commits: CommitRows[], lastTs: bigint): Promise<void> {
    if (this.closed) {
      return Promise.reject(new Error("The commit worker is closed"));
    }
    // A new worker has no earlier failure, so it needs no "resume".
    const worker = (this.worker ??= this.startWorker());
    const id = this.nextId++;
    // Document values stay behind: the worker needs only the stored rows.
    const batch = encodeBatch(commits);
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, batch, lastTs }, [batch.buffer]);
    });
  }

  resume() {
    if (!this.closed) this.worker?.postMessage({ type: "resume" });
  }

  private settle(reply: Reply) {
    if (reply.type === "closed") return;
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.type === "written") waiter.resolve();
    else waiter.reject(new Error(reply.message));
  }

  private failAll(error: Error) {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const waiter of waiting) waiter.reject(error);
  }

  /** Waits for the batches in flight, then closes the worker's connection. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      const worker = this.worker;
      if (!worker) {
        resolve();
        return;
      }
      worker.ref();
      worker.once("exit", () => resolve());
      worker.on("message", (reply: Reply) => {
        if (reply.type === "closed") void worker.terminate();
      });
      worker.postMessage({ type: "close" });
    });
    return this.closed;
  }
}
