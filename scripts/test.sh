#!/usr/bin/env bash
# One command for every test on a fresh machine: set up (Chromium included),
# then unit tests, type checks and lint in every package, then the
# Playwright suite against production builds of both apps.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
pnpm turbo run typecheck lint test --concurrency=1
pnpm typecheck:e2e
pnpm build:apps
pnpm e2e
