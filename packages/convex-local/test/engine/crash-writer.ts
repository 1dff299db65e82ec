// Child process for the durability tests: commits messages from
// `writers` concurrent loops (default 1) and prints each acknowledged id
// and commit timestamp, until the parent kills it with SIGKILL.
import { createEngine } from "../../src/engine/create-engine";

const [projectDir, stateDir, writerArg] = process.argv.slice(2);
const writers = Number(writerArg ?? "1");
const silent = { info() {}, warn() {}, error() {} };
const engine = await createEngine({
  projectDir: projectDir!,
  stateDir: stateDir!,
  cloudUrl: "http://127.0.0.1:1",
  siteUrl: "http://127.0.0.1:2",
  logger: silent,
});

async function write(writer: number) {
  for (let i = 0; ; i++) {
    const result = await engine.runMutation({
      path: "messages:send",
      args: { author: "crash", body: `w${writer}m${i}` },
      caller: { kind: "anonymous" },
    });
    if (!result.ok) throw new Error(result.errorMessage);
    process.stdout.write(`${String(result.value)} ${result.ts}\n`);
  }
}

await Promise.all(Array.from({ length: writers }, (_, i) => write(i)));
