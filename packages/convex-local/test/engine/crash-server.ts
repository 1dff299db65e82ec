// Child process for the crash tests: serves the fixture app over HTTP as
// `convex-local dev` does, prints the API URL on the first stdout line and
// runs until the parent kills it. With `kill-after-commit` as the third
// argument it kills itself with SIGKILL right after its first durable
// commit, before the committer acknowledges it.
import { startBackend } from "../../src/index";

const [projectDir, stateDir, mode] = process.argv.slice(2);
const silent = { info() {}, warn() {}, error() {} };
// Listens at 30 past INTAKE_PORT_BASE when that is set, on free ports otherwise.
const base = process.env.INTAKE_PORT_BASE;
const port = base ? Number(base) + 30 : 0;
const backend = await startBackend({
  projectDir: projectDir!,
  stateDir: stateDir!,
  port,
  sitePort: base ? port + 1 : 0,
  logger: silent,
});
if (mode === "kill-after-commit") {
  backend.engine.onCommit(() => process.kill(process.pid, "SIGKILL"));
}
process.stdout.write(`${backend.url}\n`);
