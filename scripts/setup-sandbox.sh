#!/usr/bin/env bash
# Prepare the sandbox that runs candidates' code: bubblewrap, and a separate Python runtime with
# pinned numpy/pandas/scikit-learn under /opt/mlinterview/runtime (outside /root, which is 0700).
# Idempotent and quick once done: a stamp file records what was installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

RUNTIME="${MLINTERVIEW_SANDBOX_RUNTIME:-/opt/mlinterview/runtime}"
PINS="numpy==2.4.6 pandas==3.1.1 scikit-learn==1.9.1 scipy==1.17.1"
STAMP="$RUNTIME/.mlinterview-runtime"

apt_install bubblewrap python3-venv util-linux

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$PINS" && -x "$RUNTIME/bin/python" ]]; then
  say "sandbox runtime ready at $RUNTIME"
  exit 0
fi
say "building the sandbox runtime at $RUNTIME (Debian's python3 with $PINS)"
as_root mkdir -p "$(dirname "$RUNTIME")"
as_root rm -rf "$RUNTIME"
as_root /usr/bin/python3 -m venv "$RUNTIME"
as_root "$RUNTIME/bin/pip" install --quiet --no-cache-dir $PINS
as_root chmod -R a+rX "$(dirname "$RUNTIME")"
echo "$PINS" | as_root tee "$STAMP" >/dev/null
say "sandbox runtime ready at $RUNTIME"
