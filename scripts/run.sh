#!/usr/bin/env bash
# Start the kiosk from a fresh clone (set-up first). Without a display it runs headless and says so.
# Extra arguments go to `python -m kiosk` (e.g. --windowed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m kiosk "$@"
