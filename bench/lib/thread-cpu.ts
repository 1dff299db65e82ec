import { readFileSync } from "node:fs";

/**
 * Returns the CPU time, in milliseconds, that the main thread of process
 * `pid` has used (user and system), read from Linux's /proc at its clock
 * tick of 10 ms. Worker threads are not counted.
 */
export function mainThreadCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold
  // spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
