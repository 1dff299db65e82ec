import type { Browser, BrowserContextOptions } from "@playwright/test";

/**
 * Lighthouse's "slow 4G" mobile profile as DevTools applies it: 150 ms
 * round trips and 1.6 Mbps down, scaled by Lighthouse's DevTools factors
 * (latency x 3.75, throughput x 0.9).
 */
export const SLOW_4G = {
  latencyMs: 150 * 3.75,
  downloadBytesPerSecond: (1638.4 * 0.9 * 1024) / 8,
  uploadBytesPerSecond: (750 * 0.9 * 1024) / 8,
};

/** CPU slowdown that Lighthouse uses for a mid-range phone. */
export const CPU_SLOWDOWN = 4;

// How long to wait after `load` for a later, larger paint.
const SETTLE_MS = 1_000;

/**
 * Loads `url` `runs` times, each in a new browser context with an empty
 * cache, under slow 4G and a 4x slower CPU, and returns each load's
 * largest contentful paint in milliseconds since navigation start.
 */
export async function measureLcp(
  browser: Browser,
  device: BrowserContextOptions,
  url: string,
  { runs }: { runs: number },
): Promise<number[]> {
  const figures: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext(device);
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: SLOW_4G.latencyMs,
        downloadThroughput: SLOW_4G.downloadBytesPerSecond,
        uploadThroughput: SLOW_4G.uploadBytesPerSecond,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", {
        rate: CPU_SLOWDOWN,
      });

      await page.goto(url, { waitUntil: "load", timeout: 60_000 });
      await page.waitForTimeout(SETTLE_MS);
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              const last = entries[entries.length - 1];
              if (last) resolve(last.startTime);
              else reject(new Error("No largest-contentful-paint entry"));
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
      );
      figures.push(lcp);
    } finally {
      await context.close();
    }
  }
  return figures;
}
