import { runInInvocation } from "../runtime/global";
import { newRequestId } from "../runtime/server-error";
import { toFunctionError, type FunctionError } from "./errors";
import type { ExecContext } from "./execution";
import type { Executor } from "./executor";
import type {
  LoadedApp,
  LoadedComponent,
  RegisteredFunction,
} from "./functions";
import { makeHandlers } from "./syscalls";
import { approachingLimitWarning, PendingOperations } from "./warnings";
import type { Caller, UserIdentity } from "./types";

/**
 * Builds the 500 response of a failed HTTP action as Convex's
 * `RedactedJsError::to_http_response_parts` does with logging on: a JSON
 * body with `code` (the request ID and first error line), `trace` (the
 * error with its stack) and, for a `ConvexError`, its `data`.
 */
function errorResponse(requestId: string, error: FunctionError): Response {
  const firstLine = error.message.split("\n")[0] ?? error.message;
  const body: Record<string, unknown> = {
    code: `[Request ID: ${requestId}] Server Error: ${firstLine}`,
    trace: error.message,
  };
  if (error.data !== undefined) body.data = error.data;
  return new Response(JSON.stringify(body), {
    status: 500,
    headers: { "Content-Type": "application/json" },
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * Largest HTTP action request and response body, in bytes: Convex's
 * HTTP_ACTION_BODY_LIMIT (crates/udf/src/http_action.rs), 20 MiB.
 */
export const MAX_HTTP_ACTION_BODY_BYTES = 20 * 1024 * 1024;

type HttpRouterLike = {
  exactRoutes: Map<string, Map<string, RegisteredFunction>>;
  prefixRoutes: Map<string, Map<string, RegisteredFunction>>;
  lookup(
    path: string,
    method: string,
  ): [RegisteredFunction, string, string] | null;
};

function routerOf(component: LoadedComponent): HttpRouterLike | undefined {
  return component.modules.get("http")?.default as HttpRouterLike | undefined;
}

/**
 * Picks the component serving `path` and the path its router sees, as
 * Convex's `route_http_action` (crates/application/src/
 * application_function_runner/http_routing.rs) does, one component level
 * at a time:
 *
 * 1. The app's `httpPrefix` is stripped before its `http.js` routes are
 *    matched. HTTP mounts always match the full path at their level.
 * 2. An exact `http.js` route for the method wins.
 * 3. Otherwise the longest `pathPrefix` route or mount wins, and a mount
 *    wins a tie. A mount continues in the child with the rest of the path.
 * 4. Otherwise the request goes to this level's `http.js`, whose router
 *    returns 404, or, without one, it is not routed at all.
 */
function routeComponent(
  app: LoadedApp,
  path: string,
  method: string,
): { component: LoadedComponent; routePath: string } | null {
  let component = app.get("");
  let routedPath = path;
  while (component) {
    const router = routerOf(component);
    const { node } = component;
    if (!router && node.httpMounts.size === 0) return null;
    const ownPath =
      node.httpPrefix === null
        ? routedPath
        : stripPrefix(routedPath, node.httpPrefix);

    if (ownPath !== null && router?.exactRoutes.get(ownPath)?.has(method)) {
      return { component, routePath: ownPath };
    }

    // The longest match leaves the shortest rest of the path. Convex
    // compares the new rest without its leading `/` against the best rest
    // with it, so this does too.
    let best: { rest: string; child: string | null } | null = null;
    const beats = (rest: string) =>
      best === null || rest.length - 1 <= best.rest.length;
    if (ownPath !== null && router) {
      const prefixes = router.prefixRoutes.get(method) ?? new Map();
      for (const prefix of prefixes.keys()) {
        const rest = stripPrefix(ownPath, prefix);
        if (rest !== null && beats(rest)) best = { rest, child: null };
      }
    }
    for (const [prefix, child] of node.httpMounts) {
      const rest = stripPrefix(routedPath, prefix);
      if (rest !== null && beats(rest)) best = { rest, child };
    }

    if (best === null || best.child === null) {
      if (ownPath === null || !router) return null;
      return { component, routePath: ownPath };
    }
    const childNode = node.children.get(best.child);
    component = childNode ? app.get(childNode.path) : undefined;
    routedPath = best.rest;
  }
  return null;
}

/** Strips `prefix` (ending in `/`) off `path`, keeping a leading `/`. */
function stripPrefix(path: string, prefix: string): string | null {
  return path.startsWith(prefix) ? `/${path.slice(prefix.length)}` : null;
}

/**
 * Serves one request with the `convex/http.*` router (or a component's
 * mounted router): exact paths, then the longest `pathPrefix`; HEAD is
 * routed as GET. The identity comes from a `Bearer` token, when valid.
 */
export async function runHttpAction(
  executor: Executor,
  request: Request,
  authenticate: (token: string) => Promise<UserIdentity>,
): Promise<Response> {
  const { app, release } = await executor.acquireInstance("httpAction");
  try {
    return await serve(executor, app, request, authenticate);
  } finally {
    release();
  }
}

async function serve(
  executor: Executor,
  app: LoadedApp,
  request: Request,
  authenticate: (token: string) => Promise<UserIdentity>,
): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname;
  const method = request.method === "HEAD" ? "GET" : request.method;
  // Routers reject `/.files` routes, so no prefix route may catch them.
  if (path.startsWith("/.files")) {
    return textResponse(404, `No HttpAction routed for ${path}`);
  }
  const routed = routeComponent(app, path, method);
  if (!routed) {
    return textResponse(
      404,
      "This Convex deployment does not have HTTP actions enabled.",
    );
  }
  // The router's own 404 names the path it was given, as Convex's
  // `HttpRouter.runRequest` does.
  const match = routerOf(routed.component)?.lookup(routed.routePath, method);
  if (!match)
    return textResponse(404, `No HttpAction routed for ${routed.routePath}`);
  const [handler, routeMethod, routePath] = match;

  let caller: Caller = { kind: "anonymous" };
  let identity: UserIdentity | null = null;
  const authorization = request.headers.get("Authorization");
  if (authorization?.startsWith("Bearer ")) {
    const token = authorization.slice("Bearer ".length);
    try {
      identity = await authenticate(token);
      caller = { kind: "user", identity, token };
    } catch (error) {
      executor.options.logger.warn(
        `HTTP action ${routeMethod} ${routePath}: ignoring an invalid token: ${(error as Error).message}`,
      );
    }
  }
  const context: ExecContext = {
    instance: app,
    component: routed.component,
    fn: {
      fn: handler,
      kind: "httpAction",
      visibility: "public",
      udfPath: `${routeMethod} ${routePath}`,
      component: routed.component,
    },
    tx: null,
    identity,
    caller,
    requestId: newRequestId(),
    logLines: [],
    pagination: { journalEndCursor: null, endCursor: null, used: false },
    streams: new Map(),
    scheduledFunctionId: null,
    pendingOperations: new PendingOperations(),
  };
  const reportLog = () => {
    if (context.logLines.length > 0) {
      executor.options.onFunctionLog?.(
        context.fn.udfPath,
        context.requestId,
        context.logLines,
      );
    }
  };
  let response: Response;
  try {
    response = await runInInvocation(
      {
        ...makeHandlers(executor, context),
        env: executor.environment(routed.component.node.path),
        logLines: context.logLines,
        pendingOperations: context.pendingOperations,
      },
      () => handler.invokeHttpAction!(request),
    );
  } catch (thrown) {
    const error = toFunctionError(thrown);
    executor.options.logger.warn(
      `HTTP action ${routeMethod} ${routePath} failed: ${error.message.split("\n")[0]}`,
    );
    addHttpActionWarnings(context, null);
    reportLog();
    return errorResponse(context.requestId, error);
  }
  if (response.body === null) {
    addHttpActionWarnings(context, null);
    reportLog();
    return response;
  }
  // Taken now, when the handler settled, and logged with the response size
  // once the body was sent.
  const unawaited = context.pendingOperations!.warning();
  const body = countBody(response.body, (bytesSent) => {
    addHttpActionWarnings(context, bytesSent, unawaited);
    reportLog();
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Appends the warnings of a finished HTTP action to its log lines, in the
 * order of Convex's `add_warnings_to_log_lines_http_action`: the response
 * size (when a body was sent), then the operations the handler left
 * pending when it settled.
 *
 * NOTE: Convex also warns about an HTTP action that ran over 80% of its
 * timeout. This backend sets no timeout on HTTP actions, so it does not.
 */
function addHttpActionWarnings(
  context: ExecContext,
  bytesSent: number | null,
  unawaited = context.pendingOperations!.warning(),
) {
  const size = bytesSent === null ? null : httpResponseSizeWarning(bytesSent);
  if (size !== null) context.logLines.push(size);
  if (unawaited !== null) context.logLines.push(unawaited);
}

/**
 * Returns Convex's warning for an HTTP action response body over 80% of
 * the body limit (`add_warnings_to_log_lines_http_action`), else null.
 */
export function httpResponseSizeWarning(bytesSent: number): string | null {
  return approachingLimitWarning(
    bytesSent,
    MAX_HTTP_ACTION_BODY_BYTES,
    "Large response returned from an HTTP action",
    { unit: " bytes" },
  );
}

/**
 * Passes `body` through unchanged and calls `done` with its byte count
 * once it was read to the end, failed or was cancelled.
 */
function countBody(
  body: ReadableStream<Uint8Array>,
  done: (bytes: number) => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let bytes = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done(bytes);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        finish();
        throw error;
      }
      if (chunk.done) {
        controller.close();
        finish();
        return;
      }
      bytes += chunk.value.byteLength;
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
}
