#!/usr/bin/env bash
# Idempotent set-up for a fresh clone on Debian/Ubuntu: the Debian libraries and fonts Qt needs,
# a local virtual environment (.venv) with the project and its Python dependencies, and the
# compiled UI catalogs. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries the Qt wheels link against but do not ship (virtual keyboard → QtMultimedia → libpulse0,
# xcb platform plugin), fonts for every supported script, and Xvfb/xdotool for the real-window test.
DEBIAN_PACKAGES=(libpulse0 libegl1 libgl1 libopengl0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-cursor0 libxcb-shape0
  libxcb-randr0 libxcb-xinerama0 fonts-noto-core fonts-noto-cjk xvfb xdotool)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian-based system; install the Qt runtime libraries listed in docs/INSTALL.md yourself."
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.setup-stamp
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Python dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
fi

if [ -f scripts/build_translations.py ]; then
  .venv/bin/python scripts/build_translations.py --quiet
fi
