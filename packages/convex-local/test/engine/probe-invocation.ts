import type { Invocation } from "../../src/runtime/global";

/** Creates an invocation whose syscalls return null, for child-process probes. */
export function probeInvocation(): Invocation {
  return {
    syscall: () => "null",
    asyncSyscall: async () => "null",
    jsSyscall: () => null,
    env: {},
    logLines: [],
  };
}
