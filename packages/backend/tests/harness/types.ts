import type {
  FunctionArgs,
  FunctionReference,
  FunctionReturnType,
  FunctionType,
  FunctionVisibility,
} from "convex/server";
import type { Id } from "../../convex/_generated/dataModel";

/** Calls public functions as one caller: anonymous or a signed-in user. */
export interface Caller {
  query<Query extends FunctionReference<"query", "public">>(
    query: Query,
    args: FunctionArgs<Query>,
  ): Promise<FunctionReturnType<Query>>;
  mutation<Mutation extends FunctionReference<"mutation", "public">>(
    mutation: Mutation,
    args: FunctionArgs<Mutation>,
  ): Promise<FunctionReturnType<Mutation>>;
  action<Action extends FunctionReference<"action", "public">>(
    action: Action,
    args: FunctionArgs<Action>,
  ): Promise<FunctionReturnType<Action>>;
}

/** A signed-in user and the caller that acts as them. */
export interface TestUser extends Caller {
  userId: Id<"users">;
  /** The account's email, which may differ from the requested one. */
  email: string;
}

/** Any function a deployment admin may call, components' included. */
export type AdminFunction = FunctionReference<FunctionType, FunctionVisibility>;

/**
 * A backend for one test. The backend itself calls as an anonymous client.
 * The interface names no convex-test type, so the same tests run in memory
 * and against a running local backend.
 *
 * Tests on a local backend share its database with the other tests of the
 * file, so a test isolates itself by creating its own clinics and users.
 */
export interface TestBackend extends Caller {
  /**
   * Runs an internal query, mutation or action, or a component's function,
   * with admin rights and no user identity, for setup and inspection.
   */
  run<Fn extends AdminFunction>(
    fn: Fn,
    args: FunctionArgs<Fn>,
  ): Promise<FunctionReturnType<Fn>>;
  /**
   * Creates a Password account with a session and returns a caller acting
   * as it. Backends that share a database across tests make the email
   * unique, so tests read it from the returned user.
   */
  signUp(email: string): Promise<TestUser>;
  /**
   * Sets a deployment environment variable, or removes it for null. On a
   * shared local backend the change is visible to the file's later tests.
   */
  setEnv(name: string, value: string | null): Promise<void>;
}
