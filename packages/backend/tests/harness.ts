/// <reference types="vite/client" />
import shardedCounterTest from "@convex-dev/sharded-counter/test";
import { convexTest } from "convex-test";
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReturnType,
} from "convex/server";
import type { Id } from "../convex/_generated/dataModel";
import type { MutationCtx } from "../convex/_generated/server";
import schema from "../convex/schema";

const modules = import.meta.glob("../convex/**/*.*s");

/** Calls functions as one caller: anonymous or a signed-in user. */
export interface Caller {
  query<Query extends FunctionReference<"query", "public" | "internal">>(
    query: Query,
    args: FunctionArgs<Query>,
  ): Promise<FunctionReturnType<Query>>;
  mutation<
    Mutation extends FunctionReference<"mutation", "public" | "internal">,
  >(
    mutation: Mutation,
    args: FunctionArgs<Mutation>,
  ): Promise<FunctionReturnType<Mutation>>;
  action<Action extends FunctionReference<"action", "public" | "internal">>(
    action: Action,
    args: FunctionArgs<Action>,
  ): Promise<FunctionReturnType<Action>>;
}

/** A signed-in user and the caller that acts as them. */
export interface TestUser extends Caller {
  userId: Id<"users">;
  email: string;
}

/**
 * A fresh backend for one test. The backend itself calls as an anonymous
 * client. The interface names no convex-test type, so a second
 * implementation can drive a running local backend with the same tests.
 */
export interface TestBackend extends Caller {
  /** Runs `fn` in one mutation transaction, for setup and inspection. */
  run<Output>(fn: (ctx: MutationCtx) => Promise<Output>): Promise<Output>;
  /** Creates an account with a session and returns a caller acting as it. */
  signUp(email: string): Promise<TestUser>;
}

type ConvexTestClient = Pick<
  ReturnType<typeof convexTest>,
  "query" | "mutation" | "action"
>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UntypedCall = (fn: unknown, args: unknown) => Promise<any>;

/** Creates an in-memory backend on convex-test with the sharded counter. */
export function createTestBackend(): TestBackend {
  const t = convexTest(schema, modules);
  shardedCounterTest.register(t);

  // convex-test types optional arguments per reference, which generic
  // methods cannot satisfy. The Caller signatures above already tie
  // arguments and results to the reference.
  const callerFor = (client: ConvexTestClient): Caller => ({
    query: (fn, args) => (client.query as UntypedCall)(fn, args),
    mutation: (fn, args) => (client.mutation as UntypedCall)(fn, args),
    action: (fn, args) => (client.action as UntypedCall)(fn, args),
  });

  return {
    ...callerFor(t),
    run: (fn) => t.run(fn),
    signUp: async (email) => {
      const { userId, sessionId } = await t.run(async (ctx) => {
        const userId = await ctx.db.insert("users", { email });
        const sessionId = await ctx.db.insert("authSessions", {
          userId,
          expirationTime: Date.now() + 60 * 60 * 1000,
        });
        return { userId, sessionId };
      });
      // Convex Auth puts "<userId>|<sessionId>" in the JWT subject, and
      // getAuthUserId reads the part before the "|".
      const client = t.withIdentity({ subject: `${userId}|${sessionId}` });
      return { ...callerFor(client), userId, email };
    },
  };
}
