#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: pnpm, the workspace's
# dependencies and, with --browser, Debian's Chromium for the Playwright suite.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1

pnpm_version=10.34.9
if [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  npm install --global "pnpm@$pnpm_version"
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/lib/chromium/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    sudo apt-get update
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
fi

pnpm install --frozen-lockfile
