#!/usr/bin/env bash
# Install the test dependencies (Python and Debian packages) and run the whole suite:
# lint (ruff), types (mypy on the pure-Python cores) and pytest (which validates the shipped content,
# quality gates included, in tests/bank/test_cli.py::test_validate_passes_on_shipped_content).
# Extra arguments go to pytest, e.g. scripts/test.sh tests/bank -x
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/install.sh --test
# Debian's Chromium for the browser tests (Playwright drives it; no browser download),
# poppler's pdftoppm to look at generated PDFs, and Redis for the RQ worker tests (each test
# starts its own server on loopback).
apt_install chromium poppler-utils redis-server
if [[ -f scripts/setup-sandbox.sh ]]; then
  say "setting up the code sandbox (bubblewrap, candidates' runtime)"
  bash scripts/setup-sandbox.sh
fi

export PATH="$PWD/.venv/bin:$PATH"
# One thread per torch (OpenMP) process: the suite runs three pytest processes (and their servers
# and workers) on CI's 2 cores, so torch's own threads only wait for each other. Measured on
# `mlinterview bank validate` (it embeds the bank): 46.7 s of CPU with one thread against 55.5 s
# with two (this machine, quiet). Set OMP_NUM_THREADS yourself to run otherwise.
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
# Tests never touch ./data: each run gets its own data directory.
MLINTERVIEW_DATA_DIR=$(mktemp -d -t mlinterview-test-XXXXXX)
export MLINTERVIEW_DATA_DIR
# Screenshots, PDFs and the coverage report land here and are kept after the run (CI can keep
# them); set MLINTERVIEW_TEST_ARTIFACTS to choose the folder.
MLINTERVIEW_TEST_ARTIFACTS=${MLINTERVIEW_TEST_ARTIFACTS:-$(mktemp -d -t mlinterview-artifacts-XXXXXX)}
export MLINTERVIEW_TEST_ARTIFACTS
mkdir -p "$MLINTERVIEW_TEST_ARTIFACTS/coverage"
# Coverage of the SQLite pass, which runs every test (and of the Python subprocesses the tests
# start: the CLI, gunicorn, workers, the sandbox's helper), is reported at the end.
export COVERAGE_FILE="$MLINTERVIEW_TEST_ARTIFACTS/coverage/.coverage"
rm -f "$COVERAGE_FILE" "$COVERAGE_FILE".*
cleanup() { rm -rf "$MLINTERVIEW_DATA_DIR"; }
trap cleanup EXIT

say "ruff"
ruff check .
say "mypy (pure-Python cores)"
mypy $(ls -d mlinterview/bank mlinterview/kits mlinterview/practice mlinterview/scoring mlinterview/sandbox mlinterview/exercises mlinterview/integrity mlinterview/fairness mlinterview/embedding.py 2>/dev/null)
# The parts that touch the database run again on a real PostgreSQL server started on loopback
# (skipped when arguments select particular tests; set MLINTERVIEW_SKIP_POSTGRES=1 to skip).
# That pass runs BESIDE the SQLite pass, not after it: the suite keeps about one core busy on
# average (CI run 11: 1,744 s of CPU in 1,715 s of wall time on 2 cores), and the sandbox, the
# servers and the ports the tests start are all safe to share between processes. Each pass has its
# own data directory; MLINTERVIEW_SERIAL_PASSES=1 runs them one after the other instead.
postgres_pass=""
if [[ $# -eq 0 && -z "${MLINTERVIEW_SKIP_POSTGRES:-}" && -z "${DATABASE_URL:-}" ]]; then
  postgres_pass=yes
  PG_DIR=$(mktemp -d -t mlinterview-pg-XXXXXX)
  PG_DATA_DIR=$(mktemp -d -t mlinterview-test-pg-XXXXXX)
  PG_LOG="$MLINTERVIEW_TEST_ARTIFACTS/pytest-postgresql.log"
  cleanup() {
    bash scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1
    rm -rf "$MLINTERVIEW_DATA_DIR" "$PG_DATA_DIR"
  }
  PG_ENV=$(bash scripts/postgres.sh start "$PG_DIR" | tail -n 1)
fi

# Test files under the PostgreSQL pass's folders that never ask for the database (the CSV writers'
# escaping, the deploy check, log redaction, the terminal practice deck and its CLI, the SQLite
# file's permissions, which concern SQLite alone, and the trial run of every exercise's reference in
# the sandbox): they would only repeat the SQLite pass (the first five about 2.5 minutes of this
# pass in a run on a loaded machine; the trial runs, 113 exercises, 136 s on a quiet one).
# tests/test_test_script.py checks that none of them asks for a database.
NO_DATABASE_TESTS=(
  tests/web/test_csvsafe.py tests/web/test_deploy_check.py tests/web/test_log_redaction.py
  tests/web/test_private_data.py tests/practice/test_deck.py tests/practice/test_terminal.py
  tests/assessments/test_trial_run_references.py
)
run_postgres_pass() {
  # Browser tests where behaviour depends on the database: the assessment loop (row locks on
  # autosave and submit, the worker's leases) and the workflows of issue 15 that write under
  # concurrency or query across tables (the builder's concurrent adds lost an item on PostgreSQL
  # only). The role navigation, practice and accessibility scans check markup and links; they run
  # on SQLite only, which keeps CI under 25 minutes on 2 cores. The RQ tests kill and restart Redis
  # and RQ workers; what they check does not depend on the database, and they cost about 4
  # minutes, so they run in the SQLite pass only. The browser and worker tests' apps start from
  # a copy of one set-up app (tests/e2e/conftest.py, AppTemplate; on PostgreSQL a database created
  # from a template database), which test_app_template checks on both databases.
  (
    eval "$PG_ENV"
    export MLINTERVIEW_DATA_DIR="$PG_DATA_DIR"
    export MLINTERVIEW_TEST_ARTIFACTS="$MLINTERVIEW_TEST_ARTIFACTS/postgresql"
    mkdir -p "$MLINTERVIEW_TEST_ARTIFACTS"
    unset COVERAGE_FILE COVERAGE_PROCESS_START
    python -m pytest -p no:cacheprovider \
      tests/accounts tests/assessments tests/interviews tests/practice tests/web tests/workers tests/api \
      tests/e2e/test_assessment_loop.py tests/e2e/test_invitation_mail.py tests/e2e/test_builder_browser.py \
      tests/e2e/test_fresh_draws.py tests/e2e/test_exports_browser.py tests/e2e/test_code_editor.py \
      tests/e2e/test_candidate_progress_browser.py tests/e2e/test_interview_panel.py \
      tests/e2e/test_app_template.py \
      --durations=25 \
      --ignore=tests/workers/test_rq.py \
      --deselect "tests/workers/test_upgrade.py::test_an_rq_job_queued_under_the_old_task_path_is_moved_when_a_worker_starts" \
      --deselect "tests/assessments/test_jobs.py::test_the_rq_worker_scores_first_then_takes_trial_runs_and_judging_in_turn" \
      "${NO_DATABASE_TESTS[@]/#/--ignore=}"
  )
}

sqlite_status=0
postgres_status=0
if [[ -n "$postgres_pass" && -z "${MLINTERVIEW_SERIAL_PASSES:-}" ]]; then
  say "pytest (PostgreSQL) started beside the SQLite pass; its output follows the SQLite pass (and is in $PG_LOG)"
  run_postgres_pass > "$PG_LOG" 2>&1 &
  postgres_pid=$!
fi
# The SQLite pass runs every test. With no arguments it runs as three shards side by side (beside
# the PostgreSQL pass): the pure-Python cores, the browser tests with the benchmarks and the
# worker tests (real servers and processes), and the Django apps, each with its own data directory (MLINTERVIEW_SERIAL_PASSES=1: one process, as before).
# Every top-level entry of tests/ not named in the first two shards goes to the third, so a new
# test folder always runs. Three shards rather than two: the browser tests spend much of their
# time waiting on servers and workers, which left a core idle (run 22: 2,408 s of CPU in 1,447 s
# of tests on 2 cores; run 23, with tests/workers still among the apps: apps 1,439 s, browser
# 909 s). The 25 slowest tests of each shard are listed, so a slower CI run says
# where the time went.
CORE_SHARD=(tests/exercises tests/sandbox tests/scoring tests/bank tests/kits)
BROWSER_SHARD=(tests/e2e tests/bench tests/workers)
run_sqlite_shard() {  # data directory, then pytest arguments
  local data_dir=$1 started=$SECONDS status=0
  shift
  MLINTERVIEW_DATA_DIR="$data_dir" python -m coverage run -m pytest -p no:cacheprovider --durations=25 "$@" \
    || status=$?
  echo "shard wall time: $((SECONDS - started)) s"
  return $status
}
if [[ $# -eq 0 && -z "${MLINTERVIEW_SERIAL_PASSES:-}" ]]; then
  APPS_SHARD=()
  for entry in tests/*; do
    [[ -d $entry && $(basename "$entry") != __pycache__ ]] || [[ $entry == tests/test_*.py ]] || continue
    [[ " ${CORE_SHARD[*]} ${BROWSER_SHARD[*]} " == *" $entry "* ]] || APPS_SHARD+=("$entry")
  done
  CORE_DATA_DIR=$(mktemp -d -t mlinterview-test-core-XXXXXX)
  CORE_LOG="$MLINTERVIEW_TEST_ARTIFACTS/pytest-sqlite-cores.log"
  say "pytest (SQLite, the embedded default): ${CORE_SHARD[*]} started beside the rest; its output follows (and is in $CORE_LOG)"
  run_sqlite_shard "$CORE_DATA_DIR" "${CORE_SHARD[@]}" > "$CORE_LOG" 2>&1 &
  core_pid=$!
  BROWSER_DATA_DIR=$(mktemp -d -t mlinterview-test-browser-XXXXXX)
  BROWSER_LOG="$MLINTERVIEW_TEST_ARTIFACTS/pytest-sqlite-browser.log"
  say "pytest (SQLite, the embedded default): ${BROWSER_SHARD[*]} started beside the rest; its output follows (and is in $BROWSER_LOG)"
  run_sqlite_shard "$BROWSER_DATA_DIR" "${BROWSER_SHARD[@]}" > "$BROWSER_LOG" 2>&1 &
  browser_pid=$!
  say "pytest (SQLite, the embedded default): ${APPS_SHARD[*]}"
  run_sqlite_shard "$MLINTERVIEW_DATA_DIR" "${APPS_SHARD[@]}" || sqlite_status=$?
  core_status=0
  wait "$core_pid" || core_status=$?
  say "pytest (SQLite): ${CORE_SHARD[*]}"
  cat "$CORE_LOG"
  rm -rf "$CORE_DATA_DIR"
  [[ $core_status -eq 0 ]] || sqlite_status=$core_status
  browser_status=0
  wait "$browser_pid" || browser_status=$?
  say "pytest (SQLite): ${BROWSER_SHARD[*]}"
  cat "$BROWSER_LOG"
  rm -rf "$BROWSER_DATA_DIR"
  [[ $browser_status -eq 0 ]] || sqlite_status=$browser_status
else
  say "pytest (SQLite, the embedded default)"
  run_sqlite_shard "$MLINTERVIEW_DATA_DIR" "$@" || sqlite_status=$?
fi
if [[ -n "$postgres_pass" ]]; then
  if [[ -n "${MLINTERVIEW_SERIAL_PASSES:-}" ]]; then
    say "pytest (PostgreSQL): every test that uses the database, and the assessment loop in the browser"
    run_postgres_pass || postgres_status=$?
  else
    wait "$postgres_pid" || postgres_status=$?
    say "pytest (PostgreSQL): every test that uses the database, and the assessment loop in the browser"
    cat "$PG_LOG"
  fi
fi
if [[ $sqlite_status -ne 0 || $postgres_status -ne 0 ]]; then
  say "FAILED: SQLite pass exit $sqlite_status, PostgreSQL pass exit $postgres_status"
  exit 1
fi

say "coverage of the SQLite pass (line and branch, subprocesses included; least covered first)"
python -m coverage combine --quiet
python -m coverage report
python -m coverage json --quiet -o "$MLINTERVIEW_TEST_ARTIFACTS/coverage/coverage.json"
say "test artifacts (screenshots, PDFs, coverage) kept in $MLINTERVIEW_TEST_ARTIFACTS"
