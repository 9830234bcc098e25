#!/usr/bin/env bash
# Vendor htmx from the npm registry into mlinterview/static/mlinterview/htmx.min.js.
# The version and its integrity hash come from vendor/htmx/package-lock.json only (npm ci never
# updates it and checks the hash), and the file is copied as published, so the same lockfile gives
# the same file byte for byte. The copy is committed: running the app needs no Node.js, no CDN.
set -euo pipefail
cd "$(dirname "$0")/../vendor/htmx"
npm ci --no-audit --no-fund
cp node_modules/htmx.org/dist/htmx.min.js ../../mlinterview/static/mlinterview/htmx.min.js
sha256sum ../../mlinterview/static/mlinterview/htmx.min.js
