import { spawn } from "node:child_process";
import path from "node:path";
import { FIXTURES } from "./helpers";

/**
 * Starts the HTTP server of `crash-server.ts` on a fixture app in a child
 * process and resolves with its URL. `mode` is passed on to the child.
 */
export function startCrashServer(
  fixture: string,
  stateDir: string,
  mode?: "kill-after-commit",
) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(import.meta.dirname, "crash-server.ts"),
      path.join(FIXTURES, fixture),
      stateDir,
      ...(mode ? [mode] : []),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", resolve));
  const url = new Promise<string>((resolve, reject) => {
    let output = "";
    child.on("error", reject);
    child.on("exit", (code) =>
      reject(new Error(`Server exited with code ${code} before listening`)),
    );
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const newline = output.indexOf("\n");
      if (newline !== -1) resolve(output.slice(0, newline));
    });
  });
  return { child, url, exited };
}
