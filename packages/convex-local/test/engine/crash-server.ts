// Child process for the crash test: serves the fixture app over HTTP as
// `convex-local dev` does, prints the API URL on the first stdout line and
// runs until the parent kills it.
import { startBackend } from "../../src/index";

const [projectDir, stateDir] = process.argv.slice(2);
const silent = { info() {}, warn() {}, error() {} };
const backend = await startBackend({
  projectDir: projectDir!,
  stateDir: stateDir!,
  port: 0,
  sitePort: 0,
  logger: silent,
});
process.stdout.write(`${backend.url}\n`);
