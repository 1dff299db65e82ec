import { request } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startSiteServer } from "../../src/http/site-server";
import type { RunningServer } from "../../src/http/site-server";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;
let site: RunningServer;

beforeAll(async () => {
  t = await startTestEngine("fidelity-app");
  site = await startSiteServer({
    engine: t.engine,
    port: 0,
    logger: { info() {}, warn() {}, error() {} },
  });
});

afterAll(async () => {
  await site.close();
  await t.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function endlessTicks(): number {
  return (globalThis as { endlessTicks?: number }).endlessTicks ?? 0;
}

/** Checks that the `/endless` action's interval stops and stays stopped. */
async function expectTicksStopped() {
  // The server learns of a disconnect a little later, so first wait for a pause.
  await expect
    .poll(
      async () => {
        const before = endlessTicks();
        await sleep(30);
        return endlessTicks() === before;
      },
      { timeout: 5000 },
    )
    .toBe(true);
  const stoppedAt = endlessTicks();
  await sleep(60);
  expect(endlessTicks()).toBe(stoppedAt);
}

test("streamed body logs its lines when it ends", async () => {
  const reports: { requestId: string; lines: string[] }[] = [];
  const stop = t.engine.onFunctionLog((_path, requestId, lines) => {
    // A copy: what was reported then, whatever happens to `lines` later.
    reports.push({ requestId, lines: [...lines] });
  });
  try {
    const response = await t.engine.runHttpAction(
      new Request("http://127.0.0.1/stream"),
    );
    expect(reports.flatMap((report) => report.lines).join("\n")).toContain(
      "stream start",
    );
    expect(await response.text()).toBe("42:0;42:1;42:2;");
    const lines = reports.flatMap((report) => report.lines).join("\n");
    for (const text of ["chunk 0", "chunk 2", "stream done"]) {
      expect(lines).toContain(text);
    }
    expect(new Set(reports.map((report) => report.requestId)).size).toBe(1);
  } finally {
    stop();
  }
});

const OVERFLOW_LINE =
  "[ERROR] Log overflow (maximum 256). Remaining log lines omitted.";

/** Runs `body` with the function log lines reported while it runs. */
async function withLogLines(body: (lines: string[]) => Promise<void>) {
  const lines: string[] = [];
  const stop = t.engine.onFunctionLog((_path, _requestId, reported) => {
    lines.push(...reported);
  });
  try {
    await body(lines);
  } finally {
    stop();
  }
}

test("streamed body keeps at most 256 lines", async () => {
  await withLogLines(async (lines) => {
    const response = await t.engine.runHttpAction(
      new Request("http://127.0.0.1/chatty"),
    );
    expect(await response.text()).toHaveLength(300);
    expect(lines).toHaveLength(256);
    expect(lines[254]).toBe("[LOG] chunk 254");
    expect(lines[255]).toBe(OVERFLOW_LINE);
  });
});

test("query keeps at most 256 lines", async () => {
  await withLogLines(async (lines) => {
    await t.query("streams:chatty", { count: 100 });
    expect(lines).toHaveLength(100);
    lines.length = 0;
    await t.query("streams:chatty", { count: 400 });
    expect(lines).toHaveLength(256);
    expect(lines[254]).toBe("[LOG] line 254");
    expect(lines[255]).toBe(OVERFLOW_LINE);
  });
});

test("cancelled body stops the action's timers", async () => {
  const response = await t.engine.runHttpAction(
    new Request("http://127.0.0.1/endless"),
  );
  const reader = response.body!.getReader();
  expect((await reader.read()).done).toBe(false);
  await reader.cancel();
  await expectTicksStopped();
});

test("cancelled body logs its cancel callback", async () => {
  await withLogLines(async (lines) => {
    const response = await t.engine.runHttpAction(
      new Request("http://127.0.0.1/cancel-logged"),
    );
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel("reader left");
    expect(lines).toEqual(["[LOG] body cancelled: reader left"]);
  });
});

test("client that disconnects ends the action", async () => {
  await new Promise<void>((resolve, reject) => {
    const outgoing = request(`http://127.0.0.1:${site.port}/endless`);
    outgoing.on("response", (incoming) => {
      incoming.once("data", () => {
        outgoing.destroy();
        resolve();
      });
    });
    outgoing.on("error", (error) => {
      if (!outgoing.destroyed) reject(error);
    });
    outgoing.end();
  });
  await expectTicksStopped();
});

test("client gone before the response ends the action", async () => {
  const state = globalThis as {
    endlessTicks?: number;
    delayedRequests?: number;
  };
  const requestsBefore = state.delayedRequests ?? 0;
  // The action sets the count to 0 once its delay is over.
  state.endlessTicks = -1;
  const outgoing = request(`http://127.0.0.1:${site.port}/endless?delayMs=300`);
  outgoing.on("error", () => {});
  outgoing.end();
  await expect
    .poll(() => state.delayedRequests ?? 0, { interval: 5, timeout: 5000 })
    .toBe(requestsBefore + 1);
  outgoing.destroy();
  await expect.poll(endlessTicks, { timeout: 5000 }).toBeGreaterThanOrEqual(0);
  await expectTicksStopped();
});

test("locked body fails the action", async () => {
  const state = globalThis as { lockedTicks?: number };
  const response = await t.engine.runHttpAction(
    new Request("http://127.0.0.1/locked"),
  );
  expect(response.status).toBe(500);
  const body = (await response.json()) as { code: string };
  expect(body.code).toMatch(/^\[Request ID: [0-9a-f]+\] Server Error: /);
  const stoppedAt = state.lockedTicks;
  await sleep(60);
  expect(state.lockedTicks).toBe(stoppedAt);
});

test("string chunk fails the body", async () => {
  // The server ends the connection instead of sending the chunk.
  const received = await fetch(`http://127.0.0.1:${site.port}/string-chunk`)
    .then((response) => response.text())
    .catch((error: unknown) => error);
  expect(received).toBeInstanceOf(Error);
});

test("HEAD request ends a streamed action", async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const outgoing = request(`http://127.0.0.1:${site.port}/endless`, {
      method: "HEAD",
    });
    outgoing.on("response", (incoming) => {
      incoming.resume();
      incoming.on("end", () => resolve(incoming.statusCode ?? 0));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
  expect(status).toBe(200);
  await expectTicksStopped();
});
