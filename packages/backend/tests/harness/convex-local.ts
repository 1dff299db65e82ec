import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  startBackend,
  type Backend,
  type BackendOptions,
} from "@intake/convex-local";
import { ConvexHttpClient } from "convex/browser";
import type { Value } from "convex/values";
import { decodeJwt } from "jose";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { functionAddress } from "./address";
import { generateAuthKeys } from "./auth-keys";
import type { Caller, TestBackend } from "./types";

/** The package folder, whose `convex/` the local backend serves. */
const projectDir = fileURLToPath(new URL("../..", import.meta.url));

/** Long enough for the Password provider's minimum of 8 characters. */
const testPassword = "test-password-1";

/**
 * `setAdminAuth` and `function` of ConvexHttpClient in convex 1.48 exist
 * at runtime but are marked internal and left out of the package's types.
 * `function` posts to `/api/function`, which runs any function type and,
 * for admin callers, functions of components.
 */
interface AdminHttpClient {
  setAdminAuth(adminKey: string): void;
  function(
    name: string,
    componentPath: string | undefined,
    args: Record<string, Value>,
  ): Promise<unknown>;
}

const writeStderr = (message: string) => {
  process.stderr.write(`convex-local: ${message}\n`);
};

// Start-up lines would drown the test output, and the concurrency tests
// cause write-conflict retries on purpose, so neither reaches stderr.
const quietLogger: NonNullable<BackendOptions["logger"]> = {
  info: () => {},
  warn: (message) => {
    if (!message.startsWith("Retried due to write conflicts")) {
      writeStderr(message);
    }
  },
  error: writeStderr,
};

interface LocalServer {
  backend: Backend;
  stateDir: string;
}

let server: Promise<LocalServer> | undefined;

/**
 * Sets the Convex Auth environment: an RS256 key pair for signing session
 * JWTs, the JWKS that the deployment serves to verify them, and SITE_URL.
 */
async function configureAuth(backend: Backend): Promise<void> {
  const keys = await generateAuthKeys();
  await backend.engine.env.set("JWT_PRIVATE_KEY", keys.privateKey);
  await backend.engine.env.set("JWKS", keys.jwks);
  // Convex Auth reads SITE_URL only to build redirects, which password
  // sign-in does not use, so the backend's own site address is enough.
  await backend.engine.env.set("SITE_URL", backend.siteUrl);
}

async function startServer(): Promise<LocalServer> {
  const stateDir = mkdtempSync(path.join(tmpdir(), "intake-backend-test-"));
  const backend = await startBackend({
    projectDir,
    stateDir,
    port: 0,
    sitePort: 0,
    logger: quietLogger,
  });
  try {
    await configureAuth(backend);
  } catch (error) {
    await backend.close();
    throw error;
  }
  return { backend, stateDir };
}

/**
 * Returns the local backend of this test file, starting it on first use
 * with an empty database in a fresh temporary folder.
 */
export async function localBackend(): Promise<Backend> {
  server ??= startServer();
  return (await server).backend;
}

/** Stops the backend of this test file, if one started, and deletes its data. */
export async function stopLocalBackend(): Promise<void> {
  const running = server;
  server = undefined;
  const started = await running?.catch(() => undefined);
  if (started === undefined) return;
  await started.backend.close();
  // NOTE: close() can resolve while the backend still loads a function
  // instance from the state folder. That load then logs "Cannot find
  // module" after this removal. The tests are unaffected.
  rmSync(started.stateDir, { recursive: true, force: true });
}

/** Returns a new anonymous HTTP client of the local backend. */
export async function newLocalClient(): Promise<ConvexHttpClient> {
  const backend = await localBackend();
  return new ConvexHttpClient(backend.url, { logger: false });
}

function callerFor(client: () => Promise<ConvexHttpClient>): Caller {
  return {
    query: async (fn, args) => (await client()).query(fn, args),
    mutation: async (fn, args) => (await client()).mutation(fn, args),
    action: async (fn, args) => (await client()).action(fn, args),
  };
}

async function newAdminClient(): Promise<AdminHttpClient> {
  const backend = await localBackend();
  const client = await newLocalClient();
  const admin = client as unknown as AdminHttpClient;
  admin.setAdminAuth(backend.adminKey);
  return admin;
}

let backendCount = 0;

/**
 * Creates a view of this file's local backend for one test. Calls go over
 * HTTP through ConvexHttpClient. Users sign up through `auth:signIn` with
 * the Password provider and call with the session JWT it returns.
 */
export function createLocalTestBackend(): TestBackend {
  backendCount += 1;
  const emailTag = `t${backendCount}`;
  // Clients are made on first use, so a test that calls nothing starts
  // no backend.
  let anonymous: Promise<ConvexHttpClient> | undefined;
  const anonymousClient = () => (anonymous ??= newLocalClient());
  let admin: Promise<AdminHttpClient> | undefined;

  return {
    ...callerFor(anonymousClient),
    run: async (fn, args) => {
      admin ??= newAdminClient();
      const { componentPath, udfPath } = functionAddress(fn);
      // The app's own functions take no component path.
      return (await admin).function(
        udfPath,
        componentPath === "" ? undefined : componentPath,
        args as Record<string, Value>,
      ) as never;
    },
    setEnv: async (name, value) => {
      const backend = await localBackend();
      if (value === null) await backend.engine.env.remove(name);
      else await backend.engine.env.set(name, value);
    },
    signUp: async (requested) => {
      // Every test of the file shares the database, so each TestBackend
      // tags its emails: "ada@clinic.test" becomes "ada+t3@clinic.test".
      const [local, domain] = requested.split("@");
      const email = `${local}+${emailTag}@${domain}`;
      const result = await (
        await anonymousClient()
      ).action(api.auth.signIn, {
        provider: "password",
        params: { email, password: testPassword, flow: "signUp" },
      });
      const token = result.tokens?.token;
      if (token === undefined) {
        throw new Error(`Sign-up of ${email} returned no session token.`);
      }
      // Convex Auth's JWT subject is "<userId>|<sessionId>".
      const subject = decodeJwt(token).sub ?? "";
      const userId = subject.split("|")[0] as Id<"users">;
      const client = await newLocalClient();
      client.setAuth(token);
      return { ...callerFor(async () => client), userId, email };
    },
  };
}
