import { exportJWK, exportPKCS8, generateKeyPair } from "jose";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Engine } from "../../src/engine/types";

/** Env vars Convex Auth needs: an RS256 key pair, its JWKS and SITE_URL. */
export async function convexAuthEnv(
  siteUrl: string,
): Promise<Record<string, string>> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", {
    extractable: true,
  });
  const pkcs8 = await exportPKCS8(privateKey);
  const jwk = await exportJWK(publicKey);
  return {
    JWT_PRIVATE_KEY: pkcs8.trimEnd().replace(/\n/g, " "),
    JWKS: JSON.stringify({ keys: [{ use: "sig", ...jwk }] }),
    SITE_URL: siteUrl,
  };
}

/**
 * A 127.0.0.1 HTTP server forwarding to an engine's HTTP actions, so the
 * engine can fetch its own OpenID configuration and JWKS.
 */
export class SiteProxy {
  private server: Server | null = null;
  private engine: Engine | null = null;
  url = "";

  async listen(): Promise<string> {
    this.server = createServer(async (req, res) => {
      if (!this.engine) {
        res.statusCode = 503;
        res.end("engine not ready");
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const request = new Request(`${this.url}${req.url ?? "/"}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      const response = await this.engine.runHttpAction(request);
      res.statusCode = response.status;
      response.headers.forEach((value, key) => res.setHeader(key, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(0, "127.0.0.1", resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  attach(engine: Engine) {
    this.engine = engine;
  }

  async close() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
