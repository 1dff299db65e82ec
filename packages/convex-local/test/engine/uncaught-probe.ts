// Prints the log lines of an invocation whose code leaves a rejected
// promise unhandled and throws from timer callbacks. It runs in a process
// of its own, because the test runner reports every unhandled rejection
// as a failure.
import { runInInvocation } from "../../src/runtime/global";
import { probeInvocation } from "./probe-invocation";

const target = probeInvocation();
runInInvocation(target, () => {
  void Promise.reject(new Error("dangling rejection"));
  setTimeout(() => {
    throw new Error("timeout callback");
  }, 1);
  queueMicrotask(() => {
    throw new Error("microtask callback");
  });
  process.nextTick(() => {
    throw new Error("nextTick callback");
  });
});
await new Promise((resolve) => setTimeout(resolve, 20));
process.stdout.write(
  JSON.stringify(target.logLines.map((line) => line.split("\n")[0])),
);
