import type { ApiRequest } from "./function-routes.js";
import { requireAdmin } from "./authorization.js";
import { badRequest } from "./errors.js";
import { readJsonObject, sendJson } from "./io.js";

type Change = { name: string; value?: string };

function parseChange(value: unknown): Change {
  if (typeof value !== "object" || value === null) {
    throw badRequest("BadJsonBody", "Each change must be {name, value?}");
  }
  const { name, value: newValue } = value as Record<string, unknown>;
  if (typeof name !== "string") {
    throw badRequest(
      "BadJsonBody",
      'Field "name" of a change must be a string',
    );
  }
  if (newValue === undefined || newValue === null) {
    return { name };
  }
  if (typeof newValue !== "string") {
    throw badRequest(
      "BadJsonBody",
      `Value of environment variable "${name}" must be a string`,
    );
  }
  return { name, value: newValue };
}

/**
 * `POST /api/update_environment_variables {changes: [{name, value?}]}`
 * (admin): sets each variable that has a value and removes each that has
 * none. Every change is validated before any is applied. Returns `{}`.
 */
export async function updateEnvironmentVariables(api: ApiRequest) {
  await requireAdmin(api.engine, api.request.headers.authorization);
  const body = await readJsonObject(api.request);
  if (!Array.isArray(body.changes)) {
    throw badRequest("BadJsonBody", 'Field "changes" must be an array');
  }
  const changes = body.changes.map(parseChange);
  await api.engine.env.update(changes);
  sendJson(api.response, 200, {});
}

/**
 * `GET` or `POST /api/list_environment_variables` (admin): returns
 * `{environmentVariables: {name: value}}`.
 */
export async function listEnvironmentVariables(api: ApiRequest) {
  await requireAdmin(api.engine, api.request.headers.authorization);
  const environmentVariables = await api.engine.env.list();
  sendJson(api.response, 200, { environmentVariables });
}
