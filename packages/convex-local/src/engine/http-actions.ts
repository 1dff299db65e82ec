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
import type { Caller, UserIdentity } from "./types";

type HttpRouterLike = {
  lookup(
    path: string,
    method: string,
  ): [RegisteredFunction, string, string] | null;
};

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

/** Picks the component serving `path`: the longest matching HTTP mount wins. */
function routeComponent(
  app: LoadedApp,
  path: string,
): { component: LoadedComponent; routePath: string } | null {
  const root = app.get("");
  if (!root) return null;
  const mounts = [...root.node.httpMounts.entries()].sort(
    (a, b) => b[0].length - a[0].length,
  );
  for (const [prefix, childName] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const child = root.node.children.get(childName);
    const component = child ? app.get(child.path) : undefined;
    if (component)
      return { component, routePath: path.slice(prefix.length - 1) };
  }
  return { component: root, routePath: path };
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
  const routed = routeComponent(app, path);
  const router = routed?.component.modules.get("http")?.default as
    HttpRouterLike | undefined;
  const method = request.method === "HEAD" ? "GET" : request.method;
  const match =
    router && !path.startsWith("/.files")
      ? router.lookup(routed!.routePath, method)
      : null;
  if (!routed || !match)
    return textResponse(404, `No HttpAction routed for ${path}`);
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
  };
  try {
    const response = await runInInvocation(
      {
        ...makeHandlers(executor, context),
        env: executor.options.env(),
        logLines: context.logLines,
      },
      () => handler.invokeHttpAction!(request),
    );
    return response;
  } catch (thrown) {
    const error = toFunctionError(thrown);
    executor.options.logger.warn(
      `HTTP action ${routeMethod} ${routePath} failed: ${error.message.split("\n")[0]}`,
    );
    return errorResponse(context.requestId, error);
  } finally {
    if (context.logLines.length > 0) {
      executor.options.onFunctionLog?.(
        context.fn.udfPath,
        context.requestId,
        context.logLines,
      );
    }
  }
}
