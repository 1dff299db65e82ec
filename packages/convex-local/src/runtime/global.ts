import { inspect } from "node:util";
import { promiseHooks } from "node:v8";

/**
 * The runtime state of one running function: the syscall handlers behind
 * the global `Convex` object, its clock and random source, its
 * environment variables and its log lines.
 */
export type Invocation = {
  syscall(op: string, json: string): string;
  asyncSyscall(op: string, json: string): Promise<string>;
  jsSyscall(op: string, arg: unknown): unknown;
  /** Milliseconds since the epoch that `Date` reads; unset in actions. */
  frozenNowMs?: number;
  /** Seeded random source for `Math.random`; unset in actions. */
  random?: () => number;
  /** Environment variables visible through `process.env`. */
  env: Record<string, string>;
  /** Log lines in Convex's `[LEVEL] message` form. */
  logLines: string[];
  /**
   * Counts an action's operations until they settle, for Convex's
   * unawaited-operations warning. Unset in queries and mutations.
   */
  pendingOperations?: {
    track<T>(name: string, promise: Promise<T>): Promise<T>;
  };
  /**
   * Set once the function returned or failed. Its `setTimeout`,
   * `setInterval` and `setImmediate` callbacks then no longer run.
   */
  finished?: boolean;
  /**
   * Fails the running function with an error that its code left uncaught:
   * a rejection with no handler or a throwing timer callback. Convex ends
   * the function with such an error. Unset while a module loads, when the
   * error goes to the log instead.
   */
  fail?: (error: unknown) => void;
};

/**
 * The invocation whose code runs now. It follows a call across `await`
 * and promise callbacks through V8's promise hooks: a promise created
 * while an invocation runs carries it, and its callbacks run with it.
 * Callbacks of `setTimeout`, `setInterval`, `setImmediate`,
 * `queueMicrotask` and `process.nextTick` carry it too (see
 * `installTimers`).
 *
 * Node's `AsyncLocalStorage` does the same through `async_hooks`, which
 * also tracks every socket, parser and tick of the process. On 2 cores it
 * cost an HTTP insert about a tenth of its main-thread time.
 *
 * NOTE: other callbacks, such as event listeners of a socket that an
 * action opened, run without the invocation, so a syscall in one fails as
 * outside a function. `AsyncLocalStorage` would carry it there.
 */
let current: Invocation | undefined;
/** The invocations that promise callbacks interrupted, innermost last. */
const interrupted: (Invocation | undefined)[] = [];
const INVOCATION = Symbol("invocation");

type TaggedPromise = Promise<unknown> & { [INVOCATION]?: Invocation };

function trackPromises() {
  promiseHooks.createHook({
    init(promise: TaggedPromise) {
      if (current !== undefined) promise[INVOCATION] = current;
    },
    before(promise: TaggedPromise) {
      interrupted.push(current);
      current = promise[INVOCATION];
    },
    after() {
      current = interrupted.pop();
    },
  });
}

/** The real clock, unaffected by frozen function clocks. */
export const realDateNow: () => number = Date.now.bind(Date);

/**
 * Reads the real clock with sub-millisecond precision, because
 * `_creationTime` has a fractional part in Convex.
 */
export function realPreciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** The real random source, unaffected by seeded function randomness. */
export const realRandom: () => number = Math.random.bind(Math);

let installed = false;

/** Returns the invocation running in the current async context, if any. */
export function currentInvocation(): Invocation | undefined {
  return current;
}

/** Runs `fn` with `invocation` as the current function context. */
export function runInInvocation<T>(invocation: Invocation, fn: () => T): T {
  installRuntime();
  const outer = current;
  current = invocation;
  try {
    return fn();
  } finally {
    current = outer;
  }
}

function requireInvocation(): Invocation {
  const invocation = current;
  if (!invocation) {
    throw new Error(
      "Convex syscalls can only be made while a Convex function is running",
    );
  }
  return invocation;
}

/**
 * Calls the current invocation's syscall handler with no invocation
 * current, so promises and timers that the backend creates meanwhile, such
 * as a shared deadline timer or a commit flush, do not run as the calling
 * function. The function's own `await` of the result still resumes inside
 * it.
 */
function serveSyscall(
  handler: "syscall" | "asyncSyscall" | "jsSyscall",
  op: string,
  arg: unknown,
): unknown {
  const invocation = requireInvocation();
  current = undefined;
  try {
    return (invocation[handler] as (op: string, arg: unknown) => unknown)(
      op,
      arg,
    );
  } finally {
    current = invocation;
  }
}

/**
 * Installs the process-wide globals that Convex function code relies on:
 * `Convex` (routed to the current invocation), and per-invocation `Date`,
 * `Math.random`, `console` and `process.env`. Outside an invocation every
 * global keeps its normal behaviour.
 */
export function installRuntime() {
  if (installed) return;
  installed = true;
  const globals = globalThis as Record<string, unknown>;
  globals.Convex = {
    syscall: (op: string, json: string) => serveSyscall("syscall", op, json),
    asyncSyscall: (op: string, json: string) =>
      serveSyscall("asyncSyscall", op, json),
    jsSyscall: (op: string, arg: unknown) => serveSyscall("jsSyscall", op, arg),
  };
  trackPromises();
  catchFunctionRejections();
  installTimers(globals);
  installFetch(globals);
  installClock(globals);
  installRandom();
  installConsole();
  installEnv();
}

/**
 * Fails the function with an error that its code left uncaught. A function
 * that has finished, or runs without `fail`, gets `line` in its log instead.
 */
function reportUncaught(invocation: Invocation, error: unknown, line: string) {
  if (invocation.fail && !invocation.finished) {
    invocation.fail(error);
    return;
  }
  appendLogLine(invocation.logLines, line);
}

/**
 * Fails the function whose code left a rejection unhandled, so one
 * forgotten `await` does not stop the backend as Node's default does. A
 * rejected promise of the backend's own code still stops the process
 * unless another listener handles it.
 *
 * NOTE: Node reports a rejection after the microtasks ran, so a function
 * that returns within the same microtasks has finished by then. Its
 * `[ERROR]` line is lost with its already reported log, where Convex
 * would fail the function.
 */
function catchFunctionRejections() {
  const onRejection = (reason: unknown, promise: Promise<unknown>) => {
    const invocation = (promise as TaggedPromise)[INVOCATION];
    if (invocation === undefined) {
      if (process.listenerCount("unhandledRejection") === 1) throw reason;
      return;
    }
    reportUncaught(
      invocation,
      reason,
      `[ERROR] Unhandled promise rejection: ${formatLogArguments([reason])}`,
    );
  };
  process.on("unhandledRejection", onRejection);
}

/**
 * Runs a timer callback of `invocation` inside it. An error the callback
 * throws fails the function, as nothing could catch it, instead of
 * stopping the backend.
 */
function runTimerCallback(
  invocation: Invocation,
  callback: (...values: unknown[]) => unknown,
  values: unknown[],
) {
  runInInvocation(invocation, () => {
    try {
      callback(...values);
    } catch (error) {
      reportUncaught(
        invocation,
        error,
        `[ERROR] Uncaught ${formatLogArguments([error])}`,
      );
    }
  });
}

/**
 * Wraps the global timer functions, so the callback of a timer set during
 * an invocation runs in that invocation, unless the invocation finished
 * by then. Outside one they pass the callback through unchanged.
 */
function installTimers(globals: Record<string, unknown>) {
  const clearInterval = globals.clearInterval as (handle: unknown) => void;
  const wrap = (original: (...args: unknown[]) => unknown, isTimer: boolean) =>
    // A function with `arguments`, so a call outside an invocation, as
    // most of Node's own calls are, passes through without copying them.
    function (this: unknown) {
      // eslint-disable-next-line prefer-rest-params -- see above
      const args = arguments as unknown as unknown[];
      const invocation = current;
      if (invocation === undefined || typeof args[0] !== "function") {
        return Reflect.apply(original, this, args);
      }
      const callback = args[0] as (...values: unknown[]) => unknown;
      args[0] = (...values: unknown[]) => {
        if (isTimer && invocation.finished) {
          // A timeout or immediate fires only once, so this stops intervals.
          clearInterval(handle);
          return;
        }
        runTimerCallback(invocation, callback, values);
      };
      // The callback runs later, once `handle` is set.
      const handle = Reflect.apply(original, this, args);
      return handle;
    };
  for (const name of ["setTimeout", "setInterval", "setImmediate"]) {
    const original = globals[name] as (...args: unknown[]) => unknown;
    // Keeps `setTimeout[promisify.custom]` and similar properties.
    globals[name] = Object.assign(wrap(original, true), original);
  }
  const queueMicrotask = globals.queueMicrotask as (
    ...args: unknown[]
  ) => unknown;
  globals.queueMicrotask = Object.assign(
    wrap(queueMicrotask, false),
    queueMicrotask,
  );
  process.nextTick = wrap(
    process.nextTick as (...args: unknown[]) => unknown,
    false,
  ) as typeof process.nextTick;
}

/**
 * Wraps the global `fetch`, so a request that an action starts counts as
 * pending until its response headers arrive.
 */
function installFetch(globals: Record<string, unknown>) {
  const original = globals.fetch as typeof fetch;
  globals.fetch = Object.assign(function (
    this: unknown,
    ...args: Parameters<typeof fetch>
  ) {
    const pending = current?.pendingOperations;
    const response = Reflect.apply(original, this, args) as Promise<Response>;
    return pending ? pending.track("fetch", response) : response;
  }, original);
}

function installClock(globals: Record<string, unknown>) {
  const RealDate = Date;
  const frozenNow = () => current?.frozenNowMs;
  globals.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      const frozen = args.length === 0 ? frozenNow() : undefined;
      return Reflect.construct(
        target,
        frozen === undefined ? args : [frozen],
        newTarget,
      );
    },
    apply(target, thisArg, args) {
      const frozen = frozenNow();
      if (frozen === undefined) return Reflect.apply(target, thisArg, args);
      return new RealDate(frozen).toString();
    },
    get(target, property, receiver) {
      if (property === "now") return () => frozenNow() ?? realDateNow();
      return Reflect.get(target, property, receiver);
    },
  });
}

function installRandom() {
  Math.random = () => {
    const random = current?.random;
    return random ? random() : realRandom();
  };
}

const LEVELS = {
  log: "LOG",
  info: "INFO",
  warn: "WARN",
  error: "ERROR",
  debug: "DEBUG",
} as const;

/** Formats console arguments as one log line body. */
export function formatLogArguments(args: unknown[]): string {
  return args
    .map((arg) =>
      typeof arg === "string"
        ? arg
        : inspect(arg, { depth: 4, breakLength: Infinity }),
    )
    .join(" ");
}

/**
 * Log lines that one function execution keeps, with nested calls, as
 * `MAX_LOG_LINES` in the Convex backend's crates/isolate/src/environment/
 * helpers/mod.rs. The last of them is the overflow notice.
 */
export const MAX_LOG_LINES = 256;

/**
 * Appends `line` to a function's `lines` as Convex's `emit_log_line`
 * does: below the maximum it is kept, at the maximum an overflow notice
 * takes its place, and after that lines are dropped.
 */
export function appendLogLine(lines: string[], line: string): void {
  if (lines.length < MAX_LOG_LINES - 1) {
    lines.push(line);
  } else if (lines.length === MAX_LOG_LINES - 1) {
    lines.push(
      `[ERROR] Log overflow (maximum ${MAX_LOG_LINES}). Remaining log lines omitted.`,
    );
  }
}

/**
 * Routes console calls made inside an invocation to its log lines; calls
 * from anywhere else reach the real console unchanged.
 */
function installConsole() {
  for (const [method, level] of Object.entries(LEVELS)) {
    const key = method as keyof typeof LEVELS;
    // eslint-disable-next-line no-console -- wraps every console method
    const original = console[key].bind(console);
    // eslint-disable-next-line no-console -- wraps every console method
    console[key] = (...args: unknown[]) => {
      const invocation = current;
      if (!invocation) {
        original(...args);
        return;
      }
      appendLogLine(
        invocation.logLines,
        `[${level}] ${formatLogArguments(args)}`,
      );
    };
  }
}

/** Variable objects that `writableEnv` copied for one invocation. */
const ownedEnvs = new WeakSet<Record<string, string>>();

/**
 * Returns the invocation's own copy of its variables, copying them on the
 * first write, because calls of one component share one object.
 */
function writableEnv(invocation: Invocation): Record<string, string> {
  if (!ownedEnvs.has(invocation.env)) {
    invocation.env = { ...invocation.env };
    ownedEnvs.add(invocation.env);
  }
  return invocation.env;
}

/**
 * Routes `process.env` inside an invocation to its variables. Writes and
 * deletes there change only that invocation's copy, never the variables of
 * the backend process or of other calls.
 */
function installEnv() {
  const real = process.env;
  process.env = new Proxy(real, {
    set(target, property, value) {
      const invocation = current;
      if (invocation && typeof property === "string") {
        // Node's `process.env` stores every value as a string.
        writableEnv(invocation)[property] = String(value);
        return true;
      }
      // With the proxy as receiver, the write would reach `defineProperty`
      // with a partial descriptor, which Node's `process.env` rejects.
      return Reflect.set(target, property, value);
    },
    deleteProperty(target, property) {
      const invocation = current;
      if (invocation && typeof property === "string") {
        delete writableEnv(invocation)[property];
        return true;
      }
      return Reflect.deleteProperty(target, property);
    },
    defineProperty(target, property, descriptor) {
      const invocation = current;
      if (invocation && typeof property === "string") {
        writableEnv(invocation)[property] = String(descriptor.value);
        return true;
      }
      return Reflect.defineProperty(target, property, descriptor);
    },
    get(target, property, receiver) {
      const invocation = current;
      if (invocation && typeof property === "string") {
        return invocation.env[property];
      }
      return Reflect.get(target, property, receiver);
    },
    has(target, property) {
      const invocation = current;
      if (invocation && typeof property === "string") {
        return property in invocation.env;
      }
      return Reflect.has(target, property);
    },
    ownKeys(target) {
      const invocation = current;
      if (invocation) return Object.keys(invocation.env);
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, property) {
      const invocation = current;
      if (invocation && typeof property === "string") {
        if (!(property in invocation.env)) return undefined;
        return {
          value: invocation.env[property],
          writable: true,
          enumerable: true,
          configurable: true,
        };
      }
      return Reflect.getOwnPropertyDescriptor(target, property);
    },
  });
}

/** Creates a seeded pseudo-random source (splitmix32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 0x1_0000_0000;
  };
}
