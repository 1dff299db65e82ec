import path from "node:path";

import { generateProjectCode } from "../codegen";
import type { Command } from "../command";
import { parseCommandArgs, projectPaths } from "../command";

const HELP = `Usage: convex-local codegen [--dir DIR]

Writes DIR/convex/_generated (api.js, api.d.ts, dataModel.d.ts, server.js,
server.d.ts) from the files in DIR/convex, without a running backend.

Options:
  --dir DIR   Folder that contains convex/ (default: current folder)
  -h, --help  Show this help`;

/** `convex-local codegen`: writes `convex/_generated` offline. */
export const codegenCommand: Command = {
  name: "codegen",
  summary: "Write convex/_generated without a backend",
  help: HELP,
  async run(argv) {
    const { values } = parseCommandArgs("codegen", argv, {
      dir: { type: "string" },
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const { projectDir } = projectPaths(values);
    const result = await generateProjectCode({ projectDir });
    const relative = path.relative(process.cwd(), result.outputDir);
    const shown = relative.startsWith("..")
      ? result.outputDir
      : relative || ".";
    process.stdout.write(
      `Wrote ${result.written.length} of 5 files in ${shown}` +
        (result.unchanged.length > 0
          ? ` (${result.unchanged.length} unchanged)\n`
          : "\n"),
    );
    return 0;
  },
};
