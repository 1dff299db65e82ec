// Child process for the durability test: commits messages one by one and
// prints each acknowledged id, until the parent kills it with SIGKILL.
import { createEngine } from "../../src/engine/create-engine";

const [projectDir, stateDir] = process.argv.slice(2);
const silent = { info() {}, warn() {}, error() {} };
const engine = await createEngine({
  projectDir: projectDir!,
  stateDir: stateDir!,
  cloudUrl: "http://127.0.0.1:1",
  siteUrl: "http://127.0.0.1:2",
  logger: silent,
});
for (let i = 0; ; i++) {
  const result = await engine.runMutation({
    path: "messages:send",
    args: { author: "crash", body: `m${i}` },
    caller: { kind: "anonymous" },
  });
  if (!result.ok) throw new Error(result.errorMessage);
  process.stdout.write(`${String(result.value)} ${result.ts}\n`);
}
