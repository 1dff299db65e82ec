import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import WebSocket from "ws";
import type { BackendHandle } from "../lib/backend-handle";
import { percentile } from "../lib/stats";

/** Figures of the fan-out scenario, in milliseconds. */
export type FanOutResult = {
  subscribers: number;
  writes: number;
  /** Write start until the last subscriber saw it: p50 and p99 over writes. */
  lastP50: number;
  lastP99: number;
  /** Write start until each subscriber saw it, over all deliveries. */
  eachP50: number;
  missedWrites: number;
};

const WRITE_TIMEOUT_MS = 10_000;

/**
 * Subscribes `subscribers` WebSocket clients to one counter, then patches
 * it `writes` times, one write at a time, timing each delivery.
 */
export async function runFanOut(
  backend: BackendHandle,
  options: { subscribers: number; writes: number },
): Promise<FanOutResult> {
  const writer = new ConvexHttpClient(backend.url);
  const id: string = await writer.mutation(anyApi.counters!.create!, {
    name: "fan-out",
  });

  // seen[i] is the latest value subscriber i has received.
  const seen = new Array<number>(options.subscribers).fill(-1);
  let expected = 0;
  let writeStarted = 0;
  let deliveries: number[] = [];
  let onDelivery: () => void = () => {};
  const clients = Array.from({ length: options.subscribers }, (_, index) => {
    const client = new ConvexClient(backend.url, {
      webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    client.onUpdate(anyApi.counters!.getNaive!, { id }, (value: number) => {
      seen[index] = value;
      if (value === expected) {
        deliveries.push(performance.now() - writeStarted);
        onDelivery();
      }
    });
    return client;
  });

  try {
    await waitFor(() => seen.every((value) => value === 0), WRITE_TIMEOUT_MS);
    const lastDeliveries: number[] = [];
    const allDeliveries: number[] = [];
    let missedWrites = 0;
    for (let write = 1; write <= options.writes; write++) {
      expected = write;
      deliveries = [];
      const allSeen = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), WRITE_TIMEOUT_MS);
        onDelivery = () => {
          if (deliveries.length === options.subscribers) {
            clearTimeout(timer);
            resolve(true);
          }
        };
      });
      writeStarted = performance.now();
      await writer.mutation(anyApi.counters!.incrementNaive!, { id });
      if (!(await allSeen)) {
        missedWrites += 1;
        continue;
      }
      lastDeliveries.push(Math.max(...deliveries));
      allDeliveries.push(...deliveries);
    }
    return {
      subscribers: options.subscribers,
      writes: options.writes,
      lastP50: percentile(lastDeliveries, 50),
      lastP99: percentile(lastDeliveries, 99),
      eachP50: percentile(allDeliveries, 50),
      missedWrites,
    };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) {
      throw new Error(
        `Subscribers did not get their first result in ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
