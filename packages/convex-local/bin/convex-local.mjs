#!/usr/bin/env node
// Runs the CLI compiled to plain JavaScript, compiling it first when a
// source is newer than the last build.
import { buildIfStale } from "../scripts/build.mjs";

await buildIfStale();
await import("../dist/cli.mjs");
