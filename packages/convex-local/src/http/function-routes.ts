import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  ActionResult,
  Caller,
  ConvexJson,
  Engine,
  FunctionCall,
} from "../engine/types.js";
import type { Logger } from "../logger.js";
import { decodeTs, encodeTs } from "../sync/timestamp.js";
import { canonicalizeUdfPath, isRootComponent } from "../sync/udf-path.js";
import { callerFromAuthorization, hasCredentials } from "./authorization.js";
import { badRequest, HttpError } from "./errors.js";
import { readJsonObject, sendJson } from "./io.js";
import { formatValue, parseFormat, type ValueFormat } from "./value-format.js";

/** The engine's system code for a mutation that failed every OCC retry. */
const OCC_FAILURE = "OptimisticConcurrencyControlFailure";

type Body = Record<string, unknown>;

/** One HTTP API request and the engine that serves it. */
export type ApiRequest = {
  engine: Engine;
  logger: Logger;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
};

function requirePath(body: Body): string {
  if (typeof body.path !== "string" || body.path === "") {
    throw badRequest("BadJsonBody", 'Field "path" must be a function path');
  }
  return canonicalizeUdfPath(body.path);
}

/**
 * Reads function arguments: an array holding one object (what the JS client
 * sends), a plain object, or nothing for `{}`.
 */
function parseArgs(value: unknown): ConvexJson {
  if (value === undefined || value === null) {
    return {};
  }
  if (Array.isArray(value)) {
    if (value.length > 1) {
      throw badRequest(
        "BadJsonBody",
        `Field "args" must hold one argument object, found ${value.length}`,
      );
    }
    return (value[0] ?? {}) as ConvexJson;
  }
  if (typeof value === "object") {
    return value as ConvexJson;
  }
  throw badRequest(
    "BadJsonBody",
    'Field "args" must be an object or an array holding one object',
  );
}

function caller(api: ApiRequest): Promise<Caller> {
  return callerFromAuthorization(api.engine, api.request.headers.authorization);
}

/**
 * Converts a function outcome into the HTTP API body. Function errors are
 * HTTP 200 with `status: "error"`; system failures are HTTP errors with
 * `{code, message}`, for example 503 after the last OCC retry.
 */
export function functionResponse(
  result: ActionResult,
  format: ValueFormat,
): { status: number; body: unknown } {
  if (result.ok) {
    return {
      status: 200,
      body: {
        status: "success",
        value: formatValue(result.value, format),
        logLines: result.logLines,
      },
    };
  }
  const systemStatus: Record<string, number> = {
    [OCC_FAILURE]: 503,
    BadRequest: 400,
  };
  const status = result.systemCode && systemStatus[result.systemCode];
  if (status) {
    return {
      status,
      body: { code: result.systemCode, message: result.errorMessage },
    };
  }
  return {
    status: 200,
    body: {
      status: "error",
      errorMessage: result.errorMessage,
      ...(result.errorData !== undefined
        ? { errorData: formatValue(result.errorData, format) }
        : {}),
      logLines: result.logLines,
    },
  };
}

function send(api: ApiRequest, result: ActionResult, format: ValueFormat) {
  const { status, body } = functionResponse(result, format);
  sendJson(api.response, status, body);
}

/**
 * Builds the call a request body describes. Without an `Authorization`
 * header it returns at once, because only tokens and admin keys need the
 * asynchronous checks.
 */
function callFromBody(
  api: ApiRequest,
  body: Body,
): FunctionCall | Promise<FunctionCall> {
  const path = requirePath(body);
  const args = parseArgs(body.args);
  if (!hasCredentials(api.request.headers.authorization)) {
    return { path, args, caller: { kind: "anonymous" } };
  }
  return caller(api).then((who) => ({ path, args, caller: who }));
}

/** `POST /api/query`, `/api/mutation` and `/api/action`. */
export async function runTypedFunction(
  api: ApiRequest,
  kind: "query" | "mutation" | "action",
): Promise<void> {
  const body = await readJsonObject(api.request);
  const format = parseFormat(body.format);
  const built = callFromBody(api, body);
  const call = built instanceof Promise ? await built : built;
  const { engine } = api;
  const result =
    kind === "query"
      ? await engine.runQuery(call)
      : kind === "mutation"
        ? await engine.runMutation(call)
        : await engine.runAction(call);
  send(api, result, format);
}

/** `GET /api/query?path=…&args=<json>&format=…`. */
export async function runQueryFromSearchParams(api: ApiRequest) {
  const params = api.url.searchParams;
  let args: unknown;
  try {
    args = JSON.parse(params.get("args") ?? "{}");
  } catch (error) {
    throw badRequest(
      "BadQueryArgs",
      `Query parameter "args" must be JSON: ${(error as Error).message}`,
    );
  }
  const body = { path: params.get("path") ?? undefined, args };
  const format = parseFormat(params.get("format") ?? undefined);
  const result = await api.engine.runQuery(await callFromBody(api, body));
  send(api, result, format);
}

/** `POST /api/query_ts`: the latest timestamp, for `consistentQuery`. */
export function queryTimestamp(api: ApiRequest): void {
  sendJson(api.response, 200, { ts: encodeTs(api.engine.latestTs()) });
}

function parseTimestamp(value: unknown): bigint {
  if (typeof value !== "string") {
    throw badRequest("BadJsonBody", 'Field "ts" must be an encoded timestamp');
  }
  try {
    return decodeTs(value);
  } catch (error) {
    throw badRequest("BadJsonBody", (error as Error).message);
  }
}

/** `POST /api/query_at_ts {path, args, ts, format}`. */
export async function runQueryAtTimestamp(api: ApiRequest): Promise<void> {
  const body = await readJsonObject(api.request);
  const format = parseFormat(body.format);
  const ts = parseTimestamp(body.ts);
  const result = await api.engine.runQuery(await callFromBody(api, body), ts);
  send(api, result, format);
}

/** `POST /api/query_batch {queries}`: every query at one timestamp. */
export async function runQueryBatch(api: ApiRequest): Promise<void> {
  const body = await readJsonObject(api.request);
  if (!Array.isArray(body.queries)) {
    throw badRequest("BadJsonBody", 'Field "queries" must be an array');
  }
  const who = await caller(api);
  const ts = api.engine.latestTs();
  const queries = body.queries.map((query: unknown) => {
    if (typeof query !== "object" || query === null) {
      throw badRequest("BadJsonBody", "Each batched query must be an object");
    }
    const entry = query as Body;
    return {
      call: {
        path: requirePath(entry),
        args: parseArgs(entry.args),
        caller: who,
      },
      format: parseFormat(entry.format),
    };
  });
  const results = await Promise.all(
    queries.map(async ({ call, format }) => {
      const outcome = functionResponse(
        await api.engine.runQuery(call, ts),
        format,
      );
      return outcome.status === 200
        ? outcome.body
        : {
            status: "error",
            errorMessage: (outcome.body as { message: string }).message,
            logLines: [],
          };
    }),
  );
  sendJson(api.response, 200, { results });
}

/**
 * `POST /api/function {componentPath, path, format, args}`: any function
 * type. `args` is the argument object itself. Non-root components need the
 * admin key.
 */
export async function runAnyFunction(api: ApiRequest): Promise<void> {
  const body = await readJsonObject(api.request);
  const format = parseFormat(body.format);
  const call = await callFromBody(api, { ...body, args: body.args ?? {} });
  const componentPath =
    typeof body.componentPath === "string" ? body.componentPath : undefined;
  if (!isRootComponent(componentPath) && call.caller.kind !== "admin") {
    throw new HttpError(
      403,
      "Forbidden",
      "Only admin or system users can call functions on non-root components directly",
    );
  }
  const result = await api.engine.runFunction({ ...call, componentPath });
  send(api, result, format);
}

/**
 * `POST /api/run/<module path>/<function> {args, format?}`: any root
 * function; the format defaults to clean JSON.
 */
export async function runFunctionByUrl(
  api: ApiRequest,
  functionPath: string,
): Promise<void> {
  const segments = functionPath.split("/").filter((segment) => segment !== "");
  if (segments.length < 2) {
    throw new HttpError(
      404,
      "NotFound",
      `Function path "/api/run/${functionPath}" must name a module and a function`,
    );
  }
  const name = segments.pop()!;
  const body = await readJsonObject(api.request);
  const format = parseFormat(body.format);
  const call = await callFromBody(api, {
    path: `${segments.join("/")}:${name}`,
    args: body.args,
  });
  send(api, await api.engine.runFunction(call), format);
}
