#!/usr/bin/env bash
# Vendor axe-core (the accessibility rules engine that tests/e2e/test_accessibility.py runs in
# every page) from the npm registry into tests/e2e/axe/axe.min.js. It is a test tool, not part of
# the app: the app never serves it. The version and its integrity hash come from
# vendor/axe-core/package-lock.json only (npm ci never updates the lockfile and refuses a tarball
# whose hash differs), and the file is copied as published, so the same lockfile gives the same
# file byte for byte. The copy is committed: running the tests needs no Node.js and no CDN.
set -euo pipefail
cd "$(dirname "$0")/../vendor/axe-core"
npm ci --no-audit --no-fund
cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE ../../tests/e2e/axe/
node -e 'console.log("axe-core " + require("./node_modules/axe-core/package.json").version)' \
  > ../../tests/e2e/axe/VERSION
sha256sum ../../tests/e2e/axe/axe.min.js
