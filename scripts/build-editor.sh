#!/usr/bin/env bash
# Rebuild the code editor bundle mlinterview/static/mlinterview/editor.js from editor/.
# The versions come from editor/package-lock.json only (npm ci never updates it), and esbuild's
# output depends on nothing but its input, so the same lockfile gives the same bundle byte for byte.
# The built file is committed: installing and running the app needs no Node.js.
set -euo pipefail
cd "$(dirname "$0")/../editor"
npm ci --no-audit --no-fund
npm run build
wc -c ../mlinterview/static/mlinterview/editor.js
