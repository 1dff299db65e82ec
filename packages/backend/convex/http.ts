import { httpRouter } from "convex/server";
import { auth } from "./auth";

const http = httpRouter();

// Sign-in callbacks plus the OpenID configuration and JWKS that the
// deployment fetches to verify Convex Auth tokens.
auth.addHttpRoutes(http);

export default http;
