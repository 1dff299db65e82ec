// Prints whether a `process.nextTick` callback scheduled inside an
// invocation runs inside it. It runs in a process of its own, because the
// test runner swaps `process.nextTick` while it reports.
import { currentInvocation, runInInvocation } from "../../src/runtime/global";
import { probeInvocation } from "./probe-invocation";

const target = probeInvocation();
const inside = await runInInvocation(
  target,
  () =>
    new Promise<boolean>((resolve) =>
      process.nextTick(() => resolve(currentInvocation() === target)),
    ),
);
const outside = await new Promise<boolean>((resolve) =>
  process.nextTick(() => resolve(currentInvocation() === undefined)),
);
process.stdout.write(JSON.stringify({ inside, outside }));
