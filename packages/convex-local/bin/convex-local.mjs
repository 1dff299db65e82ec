#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx registers a loader for .ts files.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
