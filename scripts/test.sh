#!/usr/bin/env bash
# `npm test`: installs what the tests need, then type-checks, lints and runs every test for real.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
echo "== types (tsc --noEmit)"
npx tsc --noEmit
echo "== lint (biome)"
npx biome check .
echo "== admin app build (vite)"
npx vite build --logLevel warn
echo "== tests (vitest)"
npx vitest run "$@"
echo "== browser journeys (playwright, system Chromium)"
npx playwright test
