import type { ApiRequest } from "./function-routes.js";
import { sendJson } from "./io.js";

/**
 * `GET /.well-known/jwks.json`: the public keys that verify tokens from
 * `ctx.auth.signJwt`, which Convex serves at the same path of the cloud URL.
 */
export async function serveJwks(api: ApiRequest): Promise<void> {
  const jwks = api.engine.jwks ? await api.engine.jwks() : { keys: [] };
  sendJson(api.response, 200, jwks);
}
