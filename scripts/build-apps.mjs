// Builds both Next.js apps for production with the stack's URLs baked in,
// so `pnpm e2e` tests them against the ports in `scripts/lib/stack.mjs`.
import { spawnSync } from "node:child_process";
import { childEnv, root } from "./lib/stack.mjs";

const build = spawnSync(
  "pnpm",
  [
    "turbo",
    "run",
    "build",
    "--filter=@intake/admin",
    "--filter=@intake/intake",
  ],
  { cwd: root, env: childEnv, stdio: "inherit" },
);
process.exit(build.status ?? 1);
