import type {
  ActionResult,
  Caller,
  Commit,
  ConvexJson,
  Engine,
  FunctionCall,
  FunctionFailure,
  MutationResult,
  QueryResult,
  ReadSet,
  UserIdentity,
  WriteSet,
} from "../../src/engine/types.js";
import type { ExportedDocument } from "../../src/engine/snapshot.js";
import type { OccInsight } from "../../src/transactions/insights.js";

/** Admin key the fake engine accepts. */
export const ADMIN_KEY = "test-admin|0123456789abcdef";

type Store = {
  read(key: string): ConvexJson | undefined;
  identity: UserIdentity | null;
  caller: Caller;
};
type Writer = Store & { write(key: string, value: ConvexJson): void };

type Args = Record<string, ConvexJson>;

/** A user error thrown by a fake function, like `ConvexError`. */
class FakeConvexError extends Error {
  constructor(readonly data: ConvexJson) {
    super(`Uncaught ConvexError: ${JSON.stringify(data)}`);
  }
}

const queries: Record<string, (store: Store, args: Args) => ConvexJson> = {
  "counter:get": (store, args) =>
    store.read(`counter:${String(args.name)}`) ?? 0,
  "messages:list": (store) => store.read("messages") ?? [],
  "auth:whoami": (store) => store.identity?.subject ?? null,
  "errors:query": () => {
    throw new FakeConvexError({ kind: "formNotFound" });
  },
  "values:int64": () => ({ $integer: encodeInt64(42n) }),
  "values:bytes": () => ({ $bytes: "AQID" }),
  "admin:secret": (store) => {
    if (store.caller.kind !== "admin") {
      throw new Error("Could not find public function for 'admin:secret'");
    }
    return "secret";
  },
};

const mutations: Record<string, (store: Writer, args: Args) => ConvexJson> = {
  "counter:increment": (store, args) => {
    const key = `counter:${String(args.name)}`;
    const next = Number(store.read(key) ?? 0) + 1;
    store.write(key, next);
    return next;
  },
  "counter:set": (store, args) => {
    store.write(`counter:${String(args.name)}`, args.value ?? 0);
    return null;
  },
  "messages:send": (store, args) => {
    const list = (store.read("messages") as ConvexJson[] | undefined) ?? [];
    store.write("messages", [...list, args.body ?? null]);
    return list.length + 1;
  },
  "errors:mutation": () => {
    throw new FakeConvexError({
      kind: "invalidAnswers",
      fieldErrors: { email: { code: "invalidEmail" } },
    });
  },
  "noop:nothing": () => null,
};

/** Encodes an int64 the way `convexToJson` does. */
export function encodeInt64(value: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64LE(value);
  return bytes.toString("base64");
}

type KeySet = { keys: Set<string> };

function failure(error: unknown): FunctionFailure {
  if (error instanceof FakeConvexError) {
    return {
      ok: false,
      errorMessage: error.message,
      errorData: error.data,
      logLines: [],
    };
  }
  return { ok: false, errorMessage: (error as Error).message, logLines: [] };
}

function identityOf(caller: Caller): UserIdentity | null {
  if (caller.kind === "user") {
    return caller.identity;
  }
  return caller.kind === "admin" ? (caller.identity ?? null) : null;
}

/**
 * An in-memory `Engine`: a versioned key-value map, a few functions over it,
 * read and write sets of keys, and synchronous commit notifications. It
 * counts the calls the transports make, so tests can check fan-out cost.
 */
export class FakeEngine implements Engine {
  private ts = 1_700_000_000_000_000_000n;
  private readonly history = new Map<
    string,
    { ts: bigint; value: ConvexJson }[]
  >();
  private readonly listeners = new Set<(commit: Commit) => void>();
  private readonly variables = new Map<string, string>();
  /** Calls per function path, for dedupe and fan-out checks. */
  readonly runs = new Map<string, number>();
  overlapChecks = 0;
  /** Number of coming mutations that fail as after their last OCC retry. */
  occFailures = 0;
  /** Delay of `actions:echo`, in milliseconds. */
  actionDelayMs = 0;

  latestTs(): bigint {
    return this.ts;
  }

  private count(path: string): void {
    this.runs.set(path, (this.runs.get(path) ?? 0) + 1);
  }

  private readAt(key: string, ts: bigint): ConvexJson | undefined {
    const versions = this.history.get(key) ?? [];
    let value: ConvexJson | undefined;
    for (const version of versions) {
      if (version.ts <= ts) {
        value = version.value;
      }
    }
    return value;
  }

  async runQuery(call: FunctionCall, ts?: bigint): Promise<QueryResult> {
    this.count(call.path);
    const snapshot = ts ?? this.ts;
    const readSet: KeySet = { keys: new Set() };
    const base = {
      ts: snapshot,
      readSet: readSet as unknown as ReadSet,
      journal: null,
    };
    const handler = queries[call.path];
    if (!handler) {
      return {
        ...base,
        ok: false,
        errorMessage: `Could not find public function for '${call.path}'`,
        logLines: [],
      };
    }
    const store: Store = {
      read: (key) => {
        readSet.keys.add(key);
        return this.readAt(key, snapshot);
      },
      identity: identityOf(call.caller),
      caller: call.caller,
    };
    try {
      const value = handler(store, call.args as Args);
      return { ...base, ok: true, value, logLines: [`ran ${call.path}`] };
    } catch (error) {
      return { ...base, ...failure(error) };
    }
  }

  async runMutation(call: FunctionCall): Promise<MutationResult> {
    this.count(call.path);
    const snapshot = this.ts;
    if (this.occFailures > 0) {
      this.occFailures -= 1;
      return {
        ok: false,
        errorMessage: "Documents read from or written to some table changed",
        systemCode: "OptimisticConcurrencyControlFailure",
        logLines: [],
        ts: snapshot,
      };
    }
    const handler = mutations[call.path];
    if (!handler) {
      return {
        ok: false,
        errorMessage: `Could not find public function for '${call.path}'`,
        logLines: [],
        ts: snapshot,
      };
    }

    const writes = new Map<string, ConvexJson>();
    const store: Writer = {
      read: (key) =>
        writes.has(key) ? writes.get(key) : this.readAt(key, snapshot),
      write: (key, value) => writes.set(key, value),
      identity: identityOf(call.caller),
      caller: call.caller,
    };
    let value: ConvexJson;
    try {
      value = handler(store, call.args as Args);
    } catch (error) {
      return { ...failure(error), ts: snapshot };
    }

    // Lets other calls interleave, as a real mutation does at its awaits.
    await Promise.resolve();
    if (writes.size === 0) {
      return { ok: true, value, logLines: [], ts: snapshot };
    }
    return { ok: true, value, logLines: [], ts: this.commit(writes) };
  }

  private commit(writes: Map<string, ConvexJson>): bigint {
    this.ts += 1_000n;
    for (const [key, value] of writes) {
      const versions = this.history.get(key) ?? [];
      versions.push({ ts: this.ts, value });
      this.history.set(key, versions);
    }
    const writeSet: KeySet = { keys: new Set(writes.keys()) };
    const commit = { ts: this.ts, writes: writeSet as unknown as WriteSet };
    for (const listener of this.listeners) {
      listener(commit);
    }
    return this.ts;
  }

  async runAction(call: FunctionCall): Promise<ActionResult> {
    this.count(call.path);
    if (call.path === "actions:echo") {
      await new Promise((resolve) => setTimeout(resolve, this.actionDelayMs));
      return { ok: true, value: call.args, logLines: ["echoed"] };
    }
    if (call.path === "actions:fail") {
      return failure(new FakeConvexError({ kind: "actionFailed" }));
    }
    return {
      ok: false,
      errorMessage: `Could not find public function for '${call.path}'`,
      logLines: [],
    };
  }

  async runFunction(
    call: FunctionCall,
  ): Promise<ActionResult & { ts?: bigint }> {
    if (call.componentPath) {
      this.count(`${call.componentPath}/${call.path}`);
      return {
        ok: true,
        value: `component ${call.componentPath}`,
        logLines: [],
      };
    }
    if (queries[call.path]) {
      return this.runQuery(call);
    }
    if (mutations[call.path]) {
      return this.runMutation(call);
    }
    return this.runAction(call);
  }

  async runHttpAction(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/echo") {
      const body = request.method === "GET" ? "" : await request.text();
      return new Response(
        `${request.method} ${url.pathname}${url.search} ${body}`,
        {
          status: 200,
          headers: { "X-Route": "echo", "Set-Cookie": "a=1" },
        },
      );
    }
    return new Response(`No HttpAction routed for ${url.pathname}`, {
      status: 404,
    });
  }

  overlaps(readSet: ReadSet, writes: WriteSet): boolean {
    this.overlapChecks += 1;
    const read = (readSet as unknown as KeySet).keys;
    for (const key of (writes as unknown as KeySet).keys) {
      if (read.has(key)) {
        return true;
      }
    }
    return false;
  }

  onCommit(listener: (commit: Commit) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async authenticate(token: string): Promise<UserIdentity> {
    const match = /^valid-token-(\w+)$/.exec(token);
    if (!match) {
      throw new Error("token signature is invalid");
    }
    const subject = match[1]!;
    return {
      subject,
      issuer: "https://issuer.test",
      tokenIdentifier: `https://issuer.test|${subject}`,
    };
  }

  isAdminKey(key: string): boolean {
    return key === ADMIN_KEY;
  }

  env = {
    list: async () => Object.fromEntries(this.variables),
    set: async (name: string, value: string) => {
      this.variables.set(name, value);
    },
    remove: async (name: string) => {
      this.variables.delete(name);
    },
    update: async (changes: { name: string; value?: string }[]) => {
      for (const { name, value } of changes) {
        if (value === undefined) this.variables.delete(name);
        else this.variables.set(name, value);
      }
    },
  };

  insights(): OccInsight[] {
    return [];
  }

  exportDocuments(): ExportedDocument[] {
    return [];
  }

  async importDocuments(): Promise<string[]> {
    throw new Error("The fake engine stores no tables");
  }

  async clearTable(): Promise<number> {
    return 0;
  }

  countDocuments(): number {
    return 0;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
