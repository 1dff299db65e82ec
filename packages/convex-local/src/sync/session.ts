import type { WebSocket } from "ws";
import {
  adminCaller,
  AuthenticationError,
  userCaller,
} from "../http/authorization.js";
import type { Caller, Engine, FunctionCall } from "../engine/types.js";
import type { Logger } from "../logger.js";
import type { CommitHub } from "./commit-hub.js";
import type { MutationLog } from "./mutation-log.js";
import {
  parseClientMessage,
  ProtocolError,
  singleArgument,
  type ClientMessage,
  type ServerMessage,
} from "./protocol.js";
import { QuerySet } from "./query-set.js";
import { decodeTs, encodeTs } from "./timestamp.js";
import { canonicalizeUdfPath, isRootComponent } from "./udf-path.js";
import { syncRequestId } from "../runtime/server-error.js";

/** The engine's system code for a mutation that failed every OCC retry. */
const OCC_FAILURE = "OptimisticConcurrencyControlFailure";

/** WebSocket close code 1013 "Try Again Later", as real Convex sends on OCC. */
const CLOSE_TRY_AGAIN = 1013;
const CLOSE_INTERNAL_ERROR = 1011;

type FunctionRequest = Extract<ClientMessage, { type: "Mutation" | "Action" }>;
type AuthenticateRequest = Extract<ClientMessage, { type: "Authenticate" }>;

/** The shared services a sync connection runs against. */
export type SessionContext = {
  engine: Engine;
  hub: CommitHub;
  mutationLog: MutationLog;
  logger: Logger;
  /** Interval between protocol `Ping` messages. */
  pingIntervalMs: number;
};

class OccFailure extends Error {}

/**
 * One WebSocket connection of the sync protocol.
 *
 * Client messages are handled one at a time in arrival order, because an
 * `Authenticate` must take effect before the messages after it. Mutations
 * run one at a time per connection; actions run concurrently.
 */
export class SyncSession {
  private readonly querySet: QuerySet;
  private sessionId: string | undefined;
  private clientClockSkew: number | undefined;
  private inbound: Promise<void> = Promise.resolve();
  private mutations: Promise<void> = Promise.resolve();
  private updateRequested = false;
  private forceTransition = false;
  private updating = false;
  private closed = false;
  private readonly pingTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    private readonly context: SessionContext,
  ) {
    this.querySet = new QuerySet(context.hub, () => this.scheduleUpdate());
    socket.on("message", (data, isBinary) => {
      const text = isBinary ? undefined : data.toString();
      this.inbound = this.inbound
        .then(() => this.receive(text))
        .catch((error: unknown) => this.fail(error));
    });
    socket.on("close", () => this.dispose());
    socket.on("error", (error) => {
      context.logger.warn(
        `Sync socket error (session ${this.sessionId ?? "unknown"}): ${error.message}`,
      );
    });
    this.pingTimer = setInterval(
      () => this.send({ type: "Ping" }),
      context.pingIntervalMs,
    );
    this.pingTimer.unref();
  }

  private async receive(text: string | undefined): Promise<void> {
    if (this.closed) {
      return;
    }
    if (text === undefined) {
      throw new ProtocolError(
        "WSMessageInvalidJson",
        "Received a binary websocket message; only text frames are supported",
      );
    }
    await this.handle(parseClientMessage(text));
  }

  private async handle(message: ClientMessage): Promise<void> {
    switch (message.type) {
      case "Connect":
        this.connect(message);
        return;
      case "ModifyQuerySet":
        this.querySet.modifyQuerySet(
          message.baseVersion,
          message.newVersion,
          message.modifications,
        );
        this.scheduleUpdate();
        return;
      case "Authenticate":
        await this.authenticate(message);
        return;
      case "Mutation": {
        const caller = this.querySet.currentCaller;
        this.mutations = this.mutations
          .then(() => this.runMutation(message, caller))
          .catch((error: unknown) => this.fail(error));
        return;
      }
      case "Action":
        void this.runAction(message, this.querySet.currentCaller).catch(
          (error: unknown) => this.fail(error),
        );
        return;
      case "Event":
        return;
    }
  }

  private connect(message: Extract<ClientMessage, { type: "Connect" }>) {
    this.sessionId = message.sessionId;
    if (message.clientTs !== undefined) {
      this.clientClockSkew = message.clientTs - Date.now();
    }
    if (message.maxObservedTimestamp !== undefined) {
      const observed = decodeTs(message.maxObservedTimestamp);
      const latest = this.context.engine.latestTs();
      if (observed > latest) {
        // Serving this client could show it data older than it has seen.
        throw new Error(
          `Client has observed timestamp ${observed}, ahead of the latest ` +
            `timestamp ${latest} of this backend`,
        );
      }
    }
  }

  // NOTE: a user token is verified once, here. Real Convex also rejects
  // later calls once the token's `exp` has passed; this server does not.
  private async authenticate(message: AuthenticateRequest): Promise<void> {
    let caller: Caller;
    try {
      caller = await this.resolveCaller(message);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        this.sendAuthError(error.message, message.baseVersion);
        return;
      }
      throw error;
    }
    this.querySet.setIdentity(message.baseVersion, caller);
    this.scheduleUpdate();
  }

  private resolveCaller(message: AuthenticateRequest): Promise<Caller> {
    if (message.tokenType === "None") {
      return Promise.resolve({ kind: "anonymous" });
    }
    const token = message.value ?? "";
    if (message.tokenType === "Admin") {
      return Promise.resolve(
        adminCaller(this.context.engine, token, message.impersonating),
      );
    }
    return userCaller(this.context.engine, token);
  }

  private sendAuthError(error: string, baseVersion: number): void {
    this.context.logger.warn(
      `Sync authentication failed (session ${this.sessionId ?? "unknown"}): ${error}`,
    );
    this.send({
      type: "AuthError",
      error,
      baseVersion,
      authUpdateAttempted: true,
    });
    this.close();
  }

  private call(message: FunctionRequest, caller: Caller): FunctionCall {
    const sessionId = this.sessionId;
    return {
      path: canonicalizeUdfPath(message.udfPath),
      args: singleArgument(message.args),
      caller,
      componentPath: message.componentPath,
      requestId:
        sessionId === undefined
          ? undefined
          : syncRequestId(sessionId, message.requestId),
      ...(sessionId !== undefined && message.type === "Mutation"
        ? { sessionRequest: { sessionId, requestId: message.requestId } }
        : {}),
    };
  }

  private rejectComponentCall(message: FunctionRequest, caller: Caller) {
    if (isRootComponent(message.componentPath) || caller.kind === "admin") {
      return false;
    }
    this.send({
      type: message.type === "Mutation" ? "MutationResponse" : "ActionResponse",
      requestId: message.requestId,
      success: false,
      result:
        "Only admin or system users can call functions on non-root components directly",
      logLines: [],
    });
    return true;
  }

  private async runMutation(message: FunctionRequest, caller: Caller) {
    if (this.closed || this.rejectComponentCall(message, caller)) {
      return;
    }
    const call = this.call(message, caller);
    const key =
      this.sessionId === undefined
        ? undefined
        : `${this.sessionId}|${message.requestId}`;
    const { engine, mutationLog, hub } = this.context;
    const result = await mutationLog.run(key, () => engine.runMutation(call));

    if (!result.ok && result.systemCode === OCC_FAILURE) {
      throw new OccFailure(result.errorMessage);
    }
    if (this.closed) {
      return;
    }

    if (!result.ok) {
      this.send({
        type: "MutationResponse",
        requestId: message.requestId,
        success: false,
        result: result.errorMessage,
        logLines: result.logLines,
        ...(result.errorData !== undefined
          ? { errorData: result.errorData }
          : {}),
      });
      return;
    }

    this.send({
      type: "MutationResponse",
      requestId: message.requestId,
      success: true,
      result: result.value,
      ts: encodeTs(result.ts),
      logLines: result.logLines,
    });
    // The client resolves the mutation only at a Transition whose endVersion
    // reaches the commit, and that Transition must reflect the writes.
    await hub.waitFor(result.ts);
    this.scheduleUpdate(true);
  }

  private async runAction(message: FunctionRequest, caller: Caller) {
    if (this.rejectComponentCall(message, caller)) {
      return;
    }
    const result = await this.context.engine.runAction(
      this.call(message, caller),
    );
    if (result.ok) {
      this.send({
        type: "ActionResponse",
        requestId: message.requestId,
        success: true,
        result: result.value,
        logLines: result.logLines,
      });
      return;
    }
    this.send({
      type: "ActionResponse",
      requestId: message.requestId,
      success: false,
      result: result.errorMessage,
      logLines: result.logLines,
      ...(result.errorData !== undefined
        ? { errorData: result.errorData }
        : {}),
    });
  }

  private scheduleUpdate(force = false): void {
    this.updateRequested = true;
    this.forceTransition ||= force;
    if (!this.updating) {
      this.updating = true;
      void this.runUpdates();
    }
  }

  private async runUpdates(): Promise<void> {
    try {
      while (this.updateRequested && !this.closed) {
        const force = this.forceTransition;
        this.updateRequested = false;
        this.forceTransition = false;
        const transition = await this.querySet.update(force);
        if (transition && transition.type === "Transition") {
          if (this.clientClockSkew !== undefined) {
            transition.clientClockSkew = this.clientClockSkew;
          }
          this.send(transition);
        }
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.updating = false;
    }
  }

  private send(message: ServerMessage): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) {
      return;
    }
    this.socket.send(JSON.stringify(message));
  }

  /** Reports an error to the client the way real Convex does, then closes. */
  private fail(error: unknown): void {
    if (this.closed) {
      return;
    }
    const session = this.sessionId ?? "unknown";
    if (error instanceof ProtocolError) {
      this.context.logger.warn(
        `Sync protocol error (session ${session}): ${error.code}: ${error.message}`,
      );
      this.send({ type: "FatalError", error: error.message });
      this.close();
      return;
    }
    if (error instanceof OccFailure) {
      this.context.logger.warn(
        `Mutation failed on write conflicts (session ${session}): ${error.message}`,
      );
      this.close(CLOSE_TRY_AGAIN, OCC_FAILURE);
      return;
    }
    this.context.logger.error(
      `Sync session ${session} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    this.close(CLOSE_INTERNAL_ERROR, "InternalServerError");
  }

  /** Closes the socket; without a code the client sees 1005 (no status). */
  close(code?: number, reason?: string): void {
    if (this.closed) {
      return;
    }
    this.dispose();
    if (code === undefined) {
      this.socket.close();
    } else {
      this.socket.close(code, reason);
    }
  }

  private dispose(): void {
    this.closed = true;
    clearInterval(this.pingTimer);
    this.querySet.close();
  }
}
