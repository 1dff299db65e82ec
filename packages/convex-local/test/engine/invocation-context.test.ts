import { execFileSync } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import {
  currentInvocation,
  runInInvocation,
  seededRandom,
  type Invocation,
} from "../../src/runtime/global";

function invocation(nowMs: number): Invocation {
  return {
    syscall: () => "null",
    asyncSyscall: async () => "null",
    jsSyscall: () => null,
    env: { INVOCATION_TEST_NAME: `env-${nowMs}` },
    logLines: [],
    frozenNowMs: nowMs,
    random: seededRandom(nowMs),
  };
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads what the globals show: the clock, an env variable and a log. */
function observe(label: string) {
  // eslint-disable-next-line no-console -- routed to the invocation
  console.log(label);
  return { now: Date.now(), name: process.env.INVOCATION_TEST_NAME };
}

describe("invocation context", () => {
  test("interleaved calls keep their own", async () => {
    const first = invocation(1_000);
    const second = invocation(2_000);
    const run = (target: Invocation, label: string) =>
      runInInvocation(target, async () => {
        const seen = [observe(`${label} start`)];
        await tick();
        seen.push(observe(`${label} after immediate`));
        await Promise.resolve();
        seen.push(observe(`${label} after microtask`));
        return seen;
      });
    const [a, b] = await Promise.all([run(first, "a"), run(second, "b")]);
    expect(a).toEqual(Array(3).fill({ now: 1_000, name: "env-1000" }));
    expect(b).toEqual(Array(3).fill({ now: 2_000, name: "env-2000" }));
    expect(first.logLines).toEqual([
      "[LOG] a start",
      "[LOG] a after immediate",
      "[LOG] a after microtask",
    ]);
    expect(second.logLines).toEqual([
      "[LOG] b start",
      "[LOG] b after immediate",
      "[LOG] b after microtask",
    ]);
  });

  test("timer callbacks run inside it", async () => {
    const target = invocation(3_000);
    const seen: (Invocation | undefined)[] = [];
    await runInInvocation(target, async () => {
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          seen.push(currentInvocation());
          resolve();
        }, 1),
      );
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          clearInterval(timer);
          seen.push(currentInvocation());
          resolve();
        }, 1);
      });
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          seen.push(currentInvocation());
          resolve();
        }),
      );
      await new Promise<void>((resolve) =>
        queueMicrotask(() => {
          seen.push(currentInvocation());
          resolve();
        }),
      );
    });
    expect(seen).toHaveLength(4);
    for (const entry of seen) expect(entry).toBe(target);
  });

  test("nextTick callbacks run inside it", () => {
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "next-tick-probe.ts")],
      { encoding: "utf8" },
    );
    expect(JSON.parse(output)).toEqual({ inside: true, outside: true });
  });

  test("uncaught errors go to its log", () => {
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "uncaught-probe.ts")],
      { encoding: "utf8" },
    );
    const lines = JSON.parse(output) as string[];
    expect(lines).toContain(
      "[ERROR] Unhandled promise rejection: Error: dangling rejection",
    );
    expect(lines).toContain("[ERROR] Uncaught Error: timeout callback");
    expect(lines).toContain("[ERROR] Uncaught Error: microtask callback");
    expect(lines).toContain("[ERROR] Uncaught Error: nextTick callback");
    expect(lines).toHaveLength(4);
  });

  test("syscalls run outside it", async () => {
    const seen: (Invocation | undefined)[] = [];
    const target: Invocation = {
      ...invocation(11_000),
      asyncSyscall: async () => {
        seen.push(currentInvocation());
        await new Promise<void>((resolve) =>
          setTimeout(() => {
            seen.push(currentInvocation());
            resolve();
          }, 1),
        );
        seen.push(currentInvocation());
        return "null";
      },
    };
    const convex = (globalThis as { Convex?: Invocation }).Convex!;
    const after = await runInInvocation(target, async () => {
      await convex.asyncSyscall("1.0/test", "{}");
      return currentInvocation();
    });

    expect(seen).toEqual([undefined, undefined, undefined]);
    expect(after).toBe(target);
  });

  test("timers stop once it finished", async () => {
    const target = invocation(10_000);
    let ticks = 0;
    let timeouts = 0;
    let interval: NodeJS.Timeout | undefined;
    await runInInvocation(target, async () => {
      interval = setInterval(() => {
        ticks += 1;
      }, 1);
      while (ticks < 2) await new Promise((resolve) => setImmediate(resolve));
      // Set last, so it is still pending when the function finishes, however
      // long the loop took.
      setTimeout(() => {
        timeouts += 1;
      }, 5);
    });
    target.finished = true;
    const ticksAtFinish = ticks;
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(interval);

    expect(ticks).toBe(ticksAtFinish);
    expect(timeouts).toBe(0);
  });

  test("awaiting an outside promise keeps it", async () => {
    let release = () => {};
    const outside = new Promise<void>((resolve) => {
      release = resolve;
    });
    const target = invocation(4_000);
    const done = runInInvocation(target, async () => {
      await outside;
      return currentInvocation();
    });
    setTimeout(release, 1);
    expect(await done).toBe(target);
  });

  test("nothing leaks outside", async () => {
    await runInInvocation(invocation(5_000), async () => {
      setTimeout(() => {}, 1);
      await tick();
    });
    expect(currentInvocation()).toBeUndefined();
    await tick();
    expect(currentInvocation()).toBeUndefined();
    expect(Date.now()).toBeGreaterThan(5_000);
    expect(process.env.INVOCATION_TEST_NAME).toBeUndefined();
  });

  test("env writes stay inside it", () => {
    const shared: Record<string, string> = { SHARED_NAME: "shared" };
    const target: Invocation = { ...invocation(7_000), env: shared };
    const other: Invocation = { ...invocation(8_000), env: shared };
    const hostHome = process.env.HOME;
    runInInvocation(target, () => {
      process.env.WRITTEN_NAME = "written";
      (process.env as Record<string, unknown>).NUMBER_NAME = 5;
      Object.defineProperty(process.env, "DEFINED_NAME", {
        value: "defined",
        enumerable: true,
        configurable: true,
        writable: true,
      });
      delete process.env.SHARED_NAME;
      delete process.env.HOME;
    });

    expect(target.env).toEqual({
      WRITTEN_NAME: "written",
      NUMBER_NAME: "5",
      DEFINED_NAME: "defined",
    });
    expect(shared).toEqual({ SHARED_NAME: "shared" });

    runInInvocation(other, () => {
      expect(process.env.SHARED_NAME).toBe("shared");
      expect(process.env.WRITTEN_NAME).toBeUndefined();
    });

    expect(process.env.WRITTEN_NAME).toBeUndefined();
    expect(process.env.NUMBER_NAME).toBeUndefined();
    expect(process.env.DEFINED_NAME).toBeUndefined();
    expect(process.env.HOME).toBe(hostHome);
  });

  test("host env stays writable", () => {
    runInInvocation(invocation(9_000), () => {});
    process.env.HOST_WRITE_NAME = "first";
    process.env.HOST_WRITE_NAME = "second";
    expect(process.env.HOST_WRITE_NAME).toBe("second");
    delete process.env.HOST_WRITE_NAME;
    expect("HOST_WRITE_NAME" in process.env).toBe(false);
  });

  test("promisified setTimeout still works", async () => {
    const sleep = promisify(setTimeout);
    await runInInvocation(invocation(6_000), async () => {
      expect(await sleep(1, "value")).toBe("value");
    });
  });
});
