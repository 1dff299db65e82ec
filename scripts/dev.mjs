// Runs the main job: convex-local with the backend's functions, the demo clinic,
// and both apps in development mode, all on 127.0.0.1.
import {
  demo,
  onUnexpectedExit,
  startApps,
  startBackend,
  stateDirFor,
  stopChildren,
  urls,
} from "./lib/stack.mjs";

async function stop(exitCode) {
  await stopChildren();
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => void stop(0));
}

// `pnpm dev` may exit on SIGTERM without passing it on, so the stack also
// stops when the process that started it is gone.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch (error) {
    if (error.code === "ESRCH") void stop(0);
  }
}, 1_000).unref();

// Half a stack misleads: apps without a backend fail every call. So when
// any part exits on its own, everything stops.
onUnexpectedExit((name, status) => {
  console.error(
    `${name} exited (${status}), so the stack stops. Run it again.`,
  );
  void stop(1);
});

try {
  await startBackend({ stateDir: stateDirFor("dev") });
  await startApps("dev");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}

process.stdout.write(`
Intake is running:
  Staff app     ${urls.admin}
  Patient app   ${urls.intake}/f/${demo.formSlug}
  Kiosk         ${urls.intake}/kiosk/${demo.formSlug}
  Convex API    ${urls.api} (HTTP actions: ${urls.site})

Demo sign-in: ${demo.email} / ${demo.password}
Press Ctrl+C to stop.

`);
