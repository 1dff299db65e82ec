import { CliError } from "./errors";
import { readAdminKey, readLiveServerRecord } from "./state";

/** The URL and admin key a command uses to reach a running backend. */
export type Connection = { url: string; adminKey: string };

/** Options that point a command at a running backend. */
export const CONNECTION_OPTIONS = {
  url: { type: "string" },
  "admin-key": { type: "string" },
} as const;

/** Help lines for `CONNECTION_OPTIONS`. */
export const CONNECTION_OPTIONS_HELP = `  --url URL        Backend URL (default: the backend running on the state folder)
  --admin-key KEY  Admin key (default: STATE/admin-key)`;

/**
 * Finds the backend to talk to: `--url` and `--admin-key` when given,
 * otherwise the live backend and admin key recorded in the state folder.
 */
export function resolveConnection(
  stateDir: string,
  values: { url?: string; "admin-key"?: string },
): Connection {
  const url = values.url ?? readLiveServerRecord(stateDir)?.url;
  if (url === undefined) {
    throw new CliError(
      "serverNotRunning",
      `No backend is running on the state folder ${stateDir}. Start one with \`convex-local dev\`, or pass --url.`,
    );
  }
  const adminKey = values["admin-key"] ?? readAdminKey(stateDir);
  if (adminKey === undefined) {
    throw new CliError(
      "invalidArguments",
      `No admin key found in ${stateDir}/admin-key. Pass --admin-key.`,
    );
  }
  return { url: url.replace(/\/+$/, ""), adminKey };
}

/**
 * Sends an admin request and returns the parsed JSON body of a 200
 * response. Other statuses become a CliError with the server's message.
 */
export async function adminRequest(
  connection: Connection,
  method: "GET" | "POST",
  route: string,
  body?: unknown,
  authorization = `Convex ${connection.adminKey}`,
): Promise<unknown> {
  const response = await adminFetch(
    connection,
    method,
    route,
    body,
    authorization,
  );
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(
      "requestFailed",
      `${method} ${route} returned a body that is not JSON: ${text.slice(0, 200)}`,
    );
  }
}

/**
 * Sends an admin request and returns the 200 response with its body
 * unread, for streamed bodies. Other statuses become a CliError with the
 * server's message.
 */
export async function adminFetch(
  connection: Connection,
  method: "GET" | "POST",
  route: string,
  body?: unknown,
  authorization = `Convex ${connection.adminKey}`,
): Promise<Response> {
  const target = `${connection.url}${route}`;
  let response: Response;
  try {
    response = await fetch(target, {
      method,
      headers: {
        authorization,
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new CliError(
      "serverNotRunning",
      `Failed to reach the backend at ${connection.url}: ${(error as Error).message}. Is \`convex-local dev\` running?`,
      { cause: error },
    );
  }
  if (response.status !== 200) {
    const text = await response.text();
    throw new CliError(
      "requestFailed",
      `${method} ${route} failed with HTTP ${response.status}: ${serverMessage(text)}`,
    );
  }
  return response;
}

/** Extracts `message` from a `{code, message}` error body, else the text. */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof body.message === "string") {
      return typeof body.code === "string"
        ? `${body.code}: ${body.message}`
        : body.message;
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
  return text.slice(0, 500);
}
