// The main job: convex-local with the backend's functions, the demo clinic,
// and both apps in development mode, all on 127.0.0.1.
import {
  demo,
  startApps,
  startBackend,
  stateDirFor,
  stopChildren,
  urls,
} from "./lib/stack.mjs";

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopChildren();
    process.exit(0);
  });
}

try {
  await startBackend({ stateDir: stateDirFor("dev") });
  await startApps("dev");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopChildren();
  process.exit(1);
}

console.warn(`
Intake is running:
  Staff app     ${urls.admin}
  Patient app   ${urls.intake}/f/${demo.formSlug}
  Convex API    ${urls.api} (HTTP actions: ${urls.site})

Demo sign-in: ${demo.email} / ${demo.password}
Press Ctrl+C to stop.
`);
