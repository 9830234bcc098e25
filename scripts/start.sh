#!/usr/bin/env bash
# Quick start: install mlinterview and serve it at http://127.0.0.1:8000 on the embedded defaults
# (SQLite under ./data, question bank imported, an administrator created on first run, the code
# sandbox prepared, a background worker started beside the web server).
# Extra arguments go to 'mlinterview serve', e.g. scripts/start.sh --port 8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
# The sandbox that judges candidates' code (bubblewrap and the candidates' Python runtime).
bash scripts/setup-sandbox.sh
exec .venv/bin/mlinterview serve "$@"
