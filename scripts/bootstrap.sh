#!/usr/bin/env bash
# First of the two README commands: installs the workspace from the lockfile, builds
# every package, then runs the main job on an embedded default (the quickstart example).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "bootstrap: Node.js >= 20.19 is required (node was not found on PATH)" >&2
  exit 2
fi

# --strict-allow-scripts: any dependency install script not reviewed in package.json
# "allowScripts" fails the install instead of running silently.
npm ci --strict-allow-scripts --no-audit --no-fund
npx turbo run build --output-logs=errors-only
npm start
