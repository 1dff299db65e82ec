import { randomUUID } from "node:crypto";

/** How long an upload URL stays valid after `generateUploadUrl`, in ms. */
export const UPLOAD_URL_LIFETIME_MS = 60 * 60 * 1000;

type PendingUpload = { namespace: string; expiresAt: number };

/**
 * Tokens of the upload URLs that `ctx.storage.generateUploadUrl` handed
 * out. Each token stores one file, in the namespace of the component
 * that asked for it, until it expires.
 */
export class UploadTokens {
  private readonly pending = new Map<string, PendingUpload>();

  /** Returns a new token for an upload into `namespace`. */
  issue(namespace: string, now = Date.now()): string {
    this.prune(now);
    const token = randomUUID();
    this.pending.set(token, {
      namespace,
      expiresAt: now + UPLOAD_URL_LIFETIME_MS,
    });
    return token;
  }

  /**
   * Uses up `token` and returns its namespace, or null for a token that
   * was never issued, was used already or has expired.
   */
  take(token: string, now = Date.now()): string | null {
    const upload = this.pending.get(token);
    this.pending.delete(token);
    if (upload === undefined || upload.expiresAt <= now) return null;
    return upload.namespace;
  }

  private prune(now: number): void {
    for (const [token, upload] of this.pending) {
      if (upload.expiresAt <= now) this.pending.delete(token);
    }
  }
}

const registries = new WeakMap<object, UploadTokens>();

/** Returns the upload tokens of one engine, keyed by its executor. */
export function uploadTokensFor(owner: object): UploadTokens {
  let tokens = registries.get(owner);
  if (tokens === undefined) {
    tokens = new UploadTokens();
    registries.set(owner, tokens);
  }
  return tokens;
}
