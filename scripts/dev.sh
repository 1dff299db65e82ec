#!/usr/bin/env bash
# One command for the main job on a fresh machine: set up, then `pnpm dev`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec pnpm dev
