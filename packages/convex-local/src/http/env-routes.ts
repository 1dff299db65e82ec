import type { ApiRequest } from "./function-routes.js";
import { requireAdmin } from "./authorization.js";
import { badRequest } from "./errors.js";
import { readJsonObject, sendJson } from "./io.js";

/** Convex's limits on environment variables: name length and value size. */
const MAX_NAME_LENGTH = 40;
const MAX_VALUE_BYTES = 8 * 1024;
const NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*$/;

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
  if (name.length > MAX_NAME_LENGTH) {
    throw badRequest(
      "InvalidEnvVarName",
      `Environment variable name "${name}" is longer than ${MAX_NAME_LENGTH} characters`,
    );
  }
  if (!NAME_PATTERN.test(name)) {
    throw badRequest(
      "InvalidEnvVarName",
      `Environment variable name "${name}" must start with a letter and ` +
        "contain only letters, digits and underscores",
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
  if (Buffer.byteLength(newValue) > MAX_VALUE_BYTES) {
    throw badRequest(
      "InvalidEnvVarValue",
      `Value of environment variable "${name}" is larger than ${MAX_VALUE_BYTES} bytes`,
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
