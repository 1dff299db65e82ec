#!/usr/bin/env bash
# One command for the main job on a fresh machine: set up, then start the
# stack (what `pnpm dev` runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node scripts/dev.mjs
