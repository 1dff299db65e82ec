import { runInInvocation, type Invocation } from "../runtime/global";
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
  const invocation: Invocation = {
    ...makeHandlers(executor, context),
    env: executor.environment(routed.component.node.path),
    logLines: context.logLines,
    pendingOperations: context.pendingOperations,
  };
  // Lines reach the log as the action produces them: those before the
  // response at once, those of a streamed body and the warnings when it
  // ends.
  let linesSent = 0;
  const sendLines = () => {
    if (context.logLines.length === linesSent) return;
    const lines = context.logLines.slice(linesSent);
    linesSent = context.logLines.length;
    executor.options.onFunctionLog?.(
      context.fn.udfPath,
      context.requestId,
      lines,
    );
  };
  const finish = (
    bytesSent: number | null,
    unawaited = context.pendingOperations!.warning(),
  ) => {
    // Syscalls from promises the action left running now fail, and
    // timers it left running stop.
    context.finished = true;
    invocation.finished = true;
    addHttpActionWarnings(context, bytesSent, unawaited);
    sendLines();
  };
  try {
    const response = await new Promise<Response>((resolve, reject) => {
      invocation.fail = reject;
      runInInvocation(invocation, async () =>
        handler.invokeHttpAction!(request),
      ).then(resolve, reject);
    });
    if (!response.body) {
      finish(null);
      return response;
    }
    // Taken now, when the handler settled, and logged with the response
    // size once the body was sent.
    const unawaited = context.pendingOperations!.warning();
    // Throws for a body that the action locked with a reader of its own.
    const streamed = streamInInvocation(response, invocation, (bytesSent) =>
      finish(bytesSent, unawaited),
    );
    sendLines();
    return streamed;
  } catch (thrown) {
    const error = toFunctionError(thrown);
    executor.options.logger.warn(
      `HTTP action ${routeMethod} ${routePath} failed: ${error.message.split("\n")[0]}`,
    );
    finish(null);
    return errorResponse(context.requestId, error);
  }
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
  unawaited: string | null,
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
 * Returns `response` with a body that reads the action's body inside its
 * invocation, so the stream's own callbacks run as the action, and that
 * calls `finish` once, with the bytes read, when the body ends, fails or
 * is cancelled.
 */
function streamInInvocation(
  response: Response,
  invocation: Invocation,
  finish: (bytesSent: number) => void,
): Response {
  const reader = response.body!.getReader();
  let bytes = 0;
  let finished = false;
  const finishOnce = () => {
    if (finished) return;
    finished = true;
    finish(bytes);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // An error the action leaves uncaught while its body streams ends
      // the body with that error.
      invocation.fail = (error) => {
        finishOnce();
        controller.error(error);
        reader.cancel(error).catch(() => {});
      };
    },
    async pull(controller) {
      try {
        const { done, value } = await runInInvocation(invocation, () =>
          reader.read(),
        );
        if (done) {
          finishOnce();
          controller.close();
        } else if (value instanceof Uint8Array) {
          bytes += value.byteLength;
          controller.enqueue(value);
        } else {
          // A fetch body contains bytes only: Node's own `Response` rejects
          // other chunks with this error, where the server would send them.
          throw new TypeError("Received non-Uint8Array chunk");
        }
      } catch (error) {
        finishOnce();
        controller.error(error);
      }
    },
    async cancel(reason) {
      // The body's own `cancel` runs as the action, so its lines reach the
      // function log. NOTE: the action ends as soon as that callback starts,
      // so lines it logs after an `await` are lost and its syscalls fail.
      const cancelled = runInInvocation(invocation, () =>
        reader.cancel(reason),
      );
      finishOnce();
      await cancelled;
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
