import { AsyncLocalStorage } from "node:async_hooks";
import { inspect } from "node:util";

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
};

const storage = new AsyncLocalStorage<Invocation>();

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
  return storage.getStore();
}

/** Runs `fn` with `invocation` as the current function context. */
export function runInInvocation<T>(invocation: Invocation, fn: () => T): T {
  installRuntime();
  return storage.run(invocation, fn);
}

function requireInvocation(): Invocation {
  const invocation = storage.getStore();
  if (!invocation) {
    throw new Error(
      "Convex syscalls can only be made while a Convex function is running",
    );
  }
  return invocation;
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
    syscall: (op: string, json: string) =>
      requireInvocation().syscall(op, json),
    asyncSyscall: (op: string, json: string) =>
      requireInvocation().asyncSyscall(op, json),
    jsSyscall: (op: string, arg: unknown) =>
      requireInvocation().jsSyscall(op, arg),
  };
  installClock(globals);
  installRandom();
  installConsole();
  installEnv();
}

function installClock(globals: Record<string, unknown>) {
  const RealDate = Date;
  const frozenNow = () => storage.getStore()?.frozenNowMs;
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
    const random = storage.getStore()?.random;
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
      const invocation = storage.getStore();
      if (!invocation) {
        original(...args);
        return;
      }
      invocation.logLines.push(`[${level}] ${formatLogArguments(args)}`);
    };
  }
}

function installEnv() {
  const real = process.env;
  process.env = new Proxy(real, {
    get(target, property, receiver) {
      const invocation = storage.getStore();
      if (invocation && typeof property === "string") {
        return invocation.env[property];
      }
      return Reflect.get(target, property, receiver);
    },
    has(target, property) {
      const invocation = storage.getStore();
      if (invocation && typeof property === "string") {
        return property in invocation.env;
      }
      return Reflect.has(target, property);
    },
    ownKeys(target) {
      const invocation = storage.getStore();
      if (invocation) return Object.keys(invocation.env);
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, property) {
      const invocation = storage.getStore();
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
