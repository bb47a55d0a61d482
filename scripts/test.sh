#!/usr/bin/env bash
# `make test`: start the services the suite needs, run it, stop them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
trap stop_postgres EXIT
start_postgres
ensure_chromium || echo "services: Chromium unavailable; browser tests will say why they skip" >&2
# The slowest tests are printed, so a suite creeping past its 15 minutes shows where.
.venv/bin/pytest -q -p no:cacheprovider --durations=20 "$@"
