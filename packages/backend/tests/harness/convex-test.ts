/// <reference types="vite/client" />
import rateLimiterTest from "@convex-dev/rate-limiter/test";
import shardedCounterTest from "@convex-dev/sharded-counter/test";
import { convexTest } from "convex-test";
import schema from "../../convex/schema";
import { functionAddress, type FunctionAddress } from "./address";
import { generateAuthKeys } from "./auth-keys";
import type { Caller, TestBackend } from "./types";

const modules = import.meta.glob("../../convex/**/*.*s");

type ConvexTestClient = Pick<
  ReturnType<typeof convexTest>,
  "query" | "mutation" | "action"
>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UntypedCall = (fn: unknown, args: unknown) => Promise<any>;

/**
 * `fun` of convex-test 0.0.71 runs a function of any type by address. It
 * exists at runtime but is missing from the package's types.
 */
interface AnyFunctionRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fun(address: FunctionAddress, args: unknown): Promise<any>;
}

let authEnvironment: Promise<void> | undefined;

/**
 * Sets the environment that `auth:signIn` reads, once per test file:
 * session JWT keys, and site addresses for the token issuer and for
 * redirects. convex-test runs functions in this process, so they read
 * `process.env` directly. The addresses are never connected to.
 */
function configureAuthEnvironment(): Promise<void> {
  authEnvironment ??= generateAuthKeys().then((keys) => {
    process.env.JWT_PRIVATE_KEY = keys.privateKey;
    process.env.JWKS = keys.jwks;
    process.env.CONVEX_SITE_URL ??= "http://127.0.0.1";
    process.env.SITE_URL ??= "http://127.0.0.1";
  });
  return authEnvironment;
}

/**
 * Creates an in-memory backend on convex-test with the sharded counter
 * and the rate limiter.
 */
export function createConvexTestBackend(): TestBackend {
  const t = convexTest(schema, modules);
  shardedCounterTest.register(t);
  rateLimiterTest.register(t);

  // convex-test types optional arguments per reference, which generic
  // methods cannot satisfy. The Caller signatures already tie arguments
  // and results to the reference.
  const callerFor = (client: ConvexTestClient): Caller => ({
    query: (fn, args) => (client.query as UntypedCall)(fn, args),
    mutation: (fn, args) => (client.mutation as UntypedCall)(fn, args),
    // Actions include `auth:signIn`, which signs a session JWT.
    action: async (fn, args) => {
      await configureAuthEnvironment();
      return (client.action as UntypedCall)(fn, args);
    },
  });

  return {
    ...callerFor(t),
    run: (fn, args) =>
      (t as unknown as AnyFunctionRunner).fun(functionAddress(fn), args),
    // Functions run in this process and read `process.env` directly.
    setEnv: async (name, value) => {
      if (value === null) delete process.env[name];
      else process.env[name] = value;
    },
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
