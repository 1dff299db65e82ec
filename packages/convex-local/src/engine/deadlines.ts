import { realDateNow } from "../runtime/global";

type Deadline = { due: number; expire: () => void; live: boolean };

/** Dead entries at the front after which the queue's array is compacted. */
const COMPACT_AFTER = 1024;

/**
 * Deadlines of one duration, sharing one timer. Every function call has a
 * deadline and almost all finish long before it, so arming and clearing a
 * timer per call would cost a fast mutation more than its own database
 * work. Deadlines of one duration come due in the order they were added,
 * so one timer for the oldest live deadline serves them all.
 */
class DeadlineQueue {
  private entries: Deadline[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly durationMs: number) {}

  /**
   * Calls `expire` once the duration has passed, unless the returned
   * cancel function was called first.
   */
  add(expire: () => void): () => void {
    this.dropCancelled();
    const entry: Deadline = {
      due: realDateNow() + this.durationMs,
      expire,
      live: true,
    };
    this.entries.push(entry);
    if (!this.timer) this.arm();
    return () => {
      entry.live = false;
    };
  }

  private dropCancelled() {
    while (this.head < this.entries.length && !this.entries[this.head]!.live) {
      this.head += 1;
    }
    if (this.head === this.entries.length) {
      this.entries = [];
      this.head = 0;
    } else if (this.head >= COMPACT_AFTER) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Sets the timer for the oldest live deadline, if any. */
  private arm() {
    this.dropCancelled();
    const next = this.entries[this.head];
    if (!next) {
      this.timer = null;
      return;
    }
    this.timer = setTimeout(
      () => this.fire(),
      Math.max(0, next.due - realDateNow()),
    );
  }

  private fire() {
    const now = realDateNow();
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head]!;
      if (entry.live && entry.due > now) break;
      this.head += 1;
      if (entry.live) {
        entry.live = false;
        entry.expire();
      }
    }
    this.arm();
  }
}

const queues = new Map<number, DeadlineQueue>();

/**
 * Calls `expire` after `durationMs`, unless the returned cancel function
 * is called first.
 */
export function addDeadline(
  durationMs: number,
  expire: () => void,
): () => void {
  let queue = queues.get(durationMs);
  if (!queue) {
    queue = new DeadlineQueue(durationMs);
    queues.set(durationMs, queue);
  }
  return queue.add(expire);
}
