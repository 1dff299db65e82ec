/**
 * Messages of the Convex WebSocket sync protocol (convex 1.48,
 * `browser/sync/protocol.ts`), as they appear on the wire: timestamps are
 * EncodedTS strings and values are in `convexToJson` form.
 */
import { loneSurrogateError } from "../engine/syscall-json.js";
import type { ConvexJson } from "../engine/types.js";

export type QueryId = number;

export type AddQuery = {
  type: "Add";
  queryId: QueryId;
  udfPath: string;
  args: ConvexJson[];
  journal?: string | null;
  componentPath?: string;
};

export type RemoveQuery = { type: "Remove"; queryId: QueryId };

export type ClientMessage =
  | {
      type: "Connect";
      sessionId: string;
      connectionCount: number;
      lastCloseReason: string | null;
      maxObservedTimestamp?: string;
      clientTs?: number;
    }
  | {
      type: "ModifyQuerySet";
      baseVersion: number;
      newVersion: number;
      modifications: (AddQuery | RemoveQuery)[];
    }
  | {
      type: "Authenticate";
      tokenType: "User" | "Admin" | "None";
      value?: string;
      baseVersion: number;
      impersonating?: Record<string, unknown>;
    }
  | {
      type: "Mutation" | "Action";
      requestId: number;
      udfPath: string;
      args: ConvexJson[];
      componentPath?: string;
    }
  | { type: "Event"; eventType: string; event: unknown };

export type StateVersion = { querySet: number; identity: number; ts: string };

export type StateModification =
  | {
      type: "QueryUpdated";
      queryId: QueryId;
      value: ConvexJson;
      logLines: string[];
      journal: string | null;
    }
  | {
      type: "QueryFailed";
      queryId: QueryId;
      errorMessage: string;
      logLines: string[];
      errorData?: ConvexJson;
      journal: string | null;
    }
  | { type: "QueryRemoved"; queryId: QueryId };

export type ServerMessage =
  | {
      type: "Transition";
      startVersion: StateVersion;
      endVersion: StateVersion;
      modifications: StateModification[];
      clientClockSkew?: number;
      serverTs?: number;
    }
  | {
      type: "MutationResponse";
      requestId: number;
      success: true;
      result: ConvexJson;
      ts: string;
      logLines: string[];
    }
  | {
      type: "MutationResponse" | "ActionResponse";
      requestId: number;
      success: false;
      result: string;
      logLines: string[];
      errorData?: ConvexJson;
    }
  | {
      type: "ActionResponse";
      requestId: number;
      success: true;
      result: ConvexJson;
      logLines: string[];
    }
  | {
      type: "AuthError";
      error: string;
      baseVersion: number;
      authUpdateAttempted: boolean;
    }
  | { type: "FatalError"; error: string }
  | { type: "Ping" };

/**
 * A client message that breaks the protocol. The session replies with
 * `FatalError`, as the real backend does for bad-request errors.
 */
export class ProtocolError extends Error {
  constructor(
    /** Short error code, for example `BaseVersionMismatch`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ProtocolError";
  }
}

type JsonObject = Record<string, unknown>;

/** Rejects a client message with Convex's `WSMessageInvalidJson` text. */
function fail(message: string): never {
  throw new ProtocolError(
    "WSMessageInvalidJson",
    `Received Invalid JSON on websocket: ${message}`,
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requireInteger(message: JsonObject, field: string): number {
  const value = message[field];
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    fail(`Field "${field}" of ${String(message.type)} must be an integer >= 0`);
  }
  return value;
}

function requireString(message: JsonObject, field: string): string {
  const value = message[field];
  if (typeof value !== "string") {
    fail(`Field "${field}" of ${String(message.type)} must be a string`);
  }
  return value;
}

function optionalString(
  message: JsonObject,
  field: string,
): string | undefined {
  const value = message[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== "string") {
    fail(`Field "${field}" of ${String(message.type)} must be a string`);
  }
  return value;
}

function requireArgs(message: JsonObject): ConvexJson[] {
  const args = message.args;
  if (!Array.isArray(args)) {
    fail(`Field "args" of ${String(message.type)} must be an array`);
  }
  return args as ConvexJson[];
}

function parseModification(value: unknown): AddQuery | RemoveQuery {
  if (!isObject(value)) {
    fail("Each query set modification must be an object");
  }
  if (value.type === "Remove") {
    return { type: "Remove", queryId: requireInteger(value, "queryId") };
  }
  if (value.type !== "Add") {
    fail(`Unknown query set modification type ${JSON.stringify(value.type)}`);
  }
  const journal = value.journal;
  if (
    journal !== undefined &&
    journal !== null &&
    typeof journal !== "string"
  ) {
    fail('Field "journal" of Add must be a string or null');
  }
  return {
    type: "Add",
    queryId: requireInteger(value, "queryId"),
    udfPath: requireString(value, "udfPath"),
    args: requireArgs(value),
    journal: journal ?? null,
    componentPath: optionalString(value, "componentPath"),
  };
}

/**
 * Parses one text frame from a client. Throws `ProtocolError` when the frame
 * is not JSON or not a known message shape.
 */
export function parseClientMessage(text: string): ClientMessage {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    fail((error as Error).message);
  }
  const surrogate = loneSurrogateError(text);
  if (surrogate !== null) fail(surrogate);
  if (!isObject(message)) {
    fail("Received a websocket message that is not a JSON object");
  }
  switch (message.type) {
    case "Connect": {
      const clientTs = message.clientTs;
      return {
        type: "Connect",
        sessionId: requireString(message, "sessionId"),
        connectionCount: requireInteger(message, "connectionCount"),
        lastCloseReason: optionalString(message, "lastCloseReason") ?? null,
        maxObservedTimestamp: optionalString(message, "maxObservedTimestamp"),
        clientTs: typeof clientTs === "number" ? clientTs : undefined,
      };
    }
    case "ModifyQuerySet": {
      const modifications = message.modifications;
      if (!Array.isArray(modifications)) {
        fail('Field "modifications" of ModifyQuerySet must be an array');
      }
      return {
        type: "ModifyQuerySet",
        baseVersion: requireInteger(message, "baseVersion"),
        newVersion: requireInteger(message, "newVersion"),
        modifications: modifications.map(parseModification),
      };
    }
    case "Authenticate": {
      const tokenType = message.tokenType;
      if (
        tokenType !== "User" &&
        tokenType !== "Admin" &&
        tokenType !== "None"
      ) {
        fail(`Unknown Authenticate tokenType ${JSON.stringify(tokenType)}`);
      }
      const impersonating = message.impersonating;
      return {
        type: "Authenticate",
        tokenType,
        value:
          tokenType === "None" ? undefined : requireString(message, "value"),
        baseVersion: requireInteger(message, "baseVersion"),
        impersonating: isObject(impersonating) ? impersonating : undefined,
      };
    }
    case "Mutation":
    case "Action":
      return {
        type: message.type,
        requestId: requireInteger(message, "requestId"),
        udfPath: requireString(message, "udfPath"),
        args: requireArgs(message),
        componentPath: optionalString(message, "componentPath"),
      };
    case "Event":
      return {
        type: "Event",
        eventType: requireString(message, "eventType"),
        event: message.event,
      };
    default:
      fail(`Unknown websocket message type ${JSON.stringify(message.type)}`);
  }
}

/**
 * Returns the single argument object of a protocol `args` array. The client
 * always sends one element; an empty array means no arguments.
 */
export function singleArgument(args: ConvexJson[]): ConvexJson {
  if (args.length === 0) {
    return {};
  }
  if (args.length !== 1) {
    throw new ProtocolError(
      "InvalidArguments",
      `Expected one argument object, found ${args.length} arguments`,
    );
  }
  return args[0] as ConvexJson;
}
