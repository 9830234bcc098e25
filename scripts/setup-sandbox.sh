#!/usr/bin/env bash
# Prepare the sandbox that runs candidates' code: bubblewrap, and a separate Python runtime with
# pinned numpy/pandas/scikit-learn/scipy and the CPU build of torch under /opt/mlinterview/runtime
# (outside /root, which is 0700).
# Idempotent and quick once done: a stamp file records what was installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

RUNTIME="${MLINTERVIEW_SANDBOX_RUNTIME:-/opt/mlinterview/runtime}"
# torch is installed with constraints.txt, which pins the version whose wheel is the CPU build.
PINS="numpy==2.4.6 pandas==3.1.1 scikit-learn==1.9.1 scipy==1.17.1 torch==2.13.0"
STAMP="$RUNTIME/.mlinterview-runtime"

apt_install bubblewrap python3-venv util-linux

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$PINS" && -x "$RUNTIME/bin/python" ]]; then
  say "sandbox runtime ready at $RUNTIME"
  exit 0
fi
say "building the sandbox runtime at $RUNTIME (Debian's python3 with $PINS)"
# Built beside the live runtime and swapped in at the end, so judging that runs meanwhile keeps
# working and a failed build leaves the old runtime in place. The replaced runtime stays as
# $RUNTIME.previous until the next build (a sandbox started just before the swap still reads it).
NEXT="$RUNTIME.next"
as_root mkdir -p "$(dirname "$RUNTIME")"
as_root rm -rf "$NEXT" "$RUNTIME.previous"
as_root /usr/bin/python3 -m venv "$NEXT"
as_root "$NEXT/bin/python" -m pip install --quiet --no-cache-dir --disable-pip-version-check \
  -c constraints.txt $PINS 2>&1 | { grep -v -e "^WARNING: Location 'file:" || true; }

# Refuse a runtime that pulled CUDA wheels: the CPU build is the only one we support.
if "$NEXT/bin/python" -m pip list 2>/dev/null | grep -qiE '^nvidia-|^triton '; then
  echo "error: CUDA packages were installed into $NEXT; torch must be the CPU build (constraints.txt)." >&2
  exit 1
fi
"$NEXT/bin/python" - <<'PY'
import torch
assert not torch.version.cuda, f"torch {torch.__version__} is a CUDA build; expected the CPU build"
print(f"sandbox runtime: torch {torch.__version__} (CPU build)")
PY

echo "$PINS" | as_root tee "$NEXT/.mlinterview-runtime" >/dev/null
as_root chmod -R a+rX "$NEXT"
if [[ -e "$RUNTIME" ]]; then as_root mv "$RUNTIME" "$RUNTIME.previous"; fi
as_root mv "$NEXT" "$RUNTIME"
as_root chmod a+rX "$(dirname "$RUNTIME")"
say "sandbox runtime ready at $RUNTIME"
