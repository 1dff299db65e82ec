import { gzipSync } from "node:zlib";

/** One script the page loads, with its size as sent and gzipped. */
export interface ScriptSize {
  src: string;
  bytes: number;
  gzipBytes: number;
}

const SCRIPT_TAG = /<script\b([^>]*)>/g;
const SRC_ATTRIBUTE = /\bsrc="([^"]+)"/;
// Browsers that run modules skip `nomodule` scripts without downloading
// them, so Next's legacy polyfills are not part of a phone's first load.
const NO_MODULE_ATTRIBUTE = /\bnomodule\b/i;

/**
 * Fetches the server-rendered page at `url` and sums the gzipped size of
 * every external script it loads, which is what a phone downloads before
 * the page becomes interactive. Inline scripts are part of the HTML.
 */
export async function measureFirstLoad(
  url: string,
): Promise<{ gzipBytes: number; chunks: ScriptSize[] }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} returned ${response.status}`);
  const html = await response.text();

  const sources = new Set<string>();
  for (const match of html.matchAll(SCRIPT_TAG)) {
    const attributes = match[1] ?? "";
    const src = SRC_ATTRIBUTE.exec(attributes)?.[1];
    if (src && !NO_MODULE_ATTRIBUTE.test(attributes)) sources.add(src);
  }

  const chunks: ScriptSize[] = [];
  for (const src of sources) {
    const script = await fetch(new URL(src, url));
    if (!script.ok) throw new Error(`GET ${src} returned ${script.status}`);
    const body = Buffer.from(await script.arrayBuffer());
    chunks.push({ src, bytes: body.length, gzipBytes: gzipSync(body).length });
  }
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const gzipBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  return { gzipBytes, chunks };
}
