#!/usr/bin/env bash
# Quick start: install mlinterview and serve it at http://127.0.0.1:8000 on the embedded defaults
# (SQLite under ./data, question bank imported, an administrator created on first run).
# Extra arguments go to 'mlinterview serve', e.g. scripts/start.sh --port 8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/mlinterview serve "$@"
