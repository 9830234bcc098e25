#!/usr/bin/env bash
# Install mlinterview into a virtual environment (default ./.venv).
#   scripts/install.sh          the app and its runtime dependencies
#   scripts/install.sh --test   also the test and lint tools
# Safe to re-run: it only installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${MLINTERVIEW_VENV:-.venv}
EXTRAS=""
[[ "${1:-}" == "--test" ]] && EXTRAS="[test]"

source scripts/lib.sh

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
  echo "error: mlinterview needs Python 3.11 ('$PYTHON' is $("$PYTHON" --version 2>&1))." >&2
  echo "       Set PYTHON=/path/to/python3.11 and run this again." >&2
  exit 1
fi

# System libraries: WeasyPrint renders PDFs with Pango; DejaVu gives it a font to draw with.
if command -v dpkg-query >/dev/null; then
  apt_install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  say "creating the virtual environment in $VENV"
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    command -v dpkg-query >/dev/null && apt_install python3-venv
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip setuptools wheel
fi

say "installing mlinterview${EXTRAS} and its dependencies (torch: CPU build, pinned in constraints.txt)"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt -e ".${EXTRAS}" 2>&1 \
  | grep -v -e "^WARNING: Location 'file:" -e "BuildBackendWarning" || true
"$VENV/bin/python" -m pip check >/dev/null || { "$VENV/bin/python" -m pip check; exit 1; }

# Refuse an install that pulled CUDA wheels: the CPU build is the only one we support.
if "$VENV/bin/python" -m pip list 2>/dev/null | grep -qiE '^nvidia-|^triton '; then
  echo "error: CUDA packages were installed into $VENV; torch must be the CPU build (constraints.txt)." >&2
  exit 1
fi
"$VENV/bin/python" - <<'PY'
import torch
assert not torch.version.cuda, f"torch {torch.__version__} is a CUDA build; expected the CPU build"
print(f"torch {torch.__version__} (CPU build)")
PY
