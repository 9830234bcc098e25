#!/usr/bin/env python3
"""Break each hiring rule on purpose and check that the test suite notices.

Each mutants file (``tests/mutants/*.yaml``) lists rules as one exact text replacement in the
production code and the tests that guard the rule:

    - id: shortlist-sorted-ascending
      rule: the shortlist ranks the highest total first
      file: mlinterview/web/assessments/services/review.py
      find: "-(r.total or 0.0)"          # must occur exactly once in the file
      replace: "(r.total or 0.0)"
      tests: [tests/assessments/test_shortlist.py]

For every entry the working tree is copied to a scratch folder (the checkout itself is never
touched), the replacement is applied there, and the named tests run. The entry is RED when they
fail (the rule is guarded), SURVIVED when they pass (the tests are too weak) and ERROR when the
text is not found exactly once or pytest could not run the tests. Finally the same tests run on
the unmutated copy and must pass, so a RED is not caused by a test that fails anyway.

    python scripts/mutants.py                       # every file in tests/mutants/
    python scripts/mutants.py tests/mutants/jobs.yaml --only backoff-doubled
    python scripts/mutants.py --json results.json   # also write the table as JSON

Exit status: 0 when every entry is RED and the clean run passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
# pytest exit codes: 0 passed, 1 some tests failed, 2 interrupted, 3 internal error,
# 4 usage error, 5 no tests collected.
PYTEST_FAILED = 1


@dataclass
class Mutant:
    id: str
    rule: str
    file: str
    find: str
    replace: str
    tests: list[str]
    source: str = ""


@dataclass
class Outcome:
    id: str
    source: str
    rule: str
    verdict: str  # RED, SURVIVED or ERROR
    seconds: float
    detail: str = ""
    tests: list[str] = field(default_factory=list)


def load_mutants(paths: list[Path]) -> list[Mutant]:
    mutants: list[Mutant] = []
    seen: set[str] = set()
    for path in paths:
        entries = yaml.safe_load(path.read_text()) or []
        if not isinstance(entries, list):
            raise SystemExit(f"{path}: expected a list of mutants")
        for number, entry in enumerate(entries, start=1):
            missing = {"id", "rule", "file", "find", "replace", "tests"} - set(entry or {})
            if missing:
                raise SystemExit(f"{path}: entry {number} lacks {', '.join(sorted(missing))}")
            if entry["id"] in seen:
                raise SystemExit(f"{path}: mutant id {entry['id']!r} is used twice")
            seen.add(entry["id"])
            tests = entry["tests"] if isinstance(entry["tests"], list) else [entry["tests"]]
            mutants.append(
                Mutant(
                    id=str(entry["id"]),
                    rule=str(entry["rule"]),
                    file=str(entry["file"]),
                    find=str(entry["find"]),
                    replace=str(entry["replace"]),
                    tests=[str(t) for t in tests],
                    source=str(path.relative_to(REPO) if path.is_relative_to(REPO) else path),
                )
            )
    return mutants


def copy_tree(destination: Path) -> None:
    """Copy the files git knows about (tracked and untracked-but-not-ignored), as they are now."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in listed:
        if not raw:
            continue
        relative = raw.decode()
        source = REPO / relative
        if not source.is_file():  # deleted in the working tree
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def run_tests(tree: Path, tests: list[str], timeout: float) -> tuple[int, str]:
    env = dict(os.environ)
    # The scratch copy's package must win over the editable install that points at the checkout.
    env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    env["MLINTERVIEW_DATA_DIR"] = tempfile.mkdtemp(prefix="mlinterview-mutant-data-")
    env.setdefault("MLINTERVIEW_TEST_ARTIFACTS", tempfile.mkdtemp(prefix="mlinterview-mutant-art-"))
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x", "--no-header", *tests]
    try:
        done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {timeout:.0f} s"
    finally:
        shutil.rmtree(env["MLINTERVIEW_DATA_DIR"], ignore_errors=True)
    tail = [line for line in done.stdout.splitlines() if line.strip()][-3:]
    return done.returncode, " | ".join(tail)


def check(mutant: Mutant, tree: Path, timeout: float) -> Outcome:
    start = time.monotonic()
    target = tree / mutant.file
    outcome = Outcome(mutant.id, mutant.source, mutant.rule, "ERROR", 0.0, tests=mutant.tests)
    if not target.is_file():
        outcome.detail = f"{mutant.file} does not exist"
        return outcome
    original = target.read_text()
    count = original.count(mutant.find)
    if count != 1:
        outcome.detail = f"the find text occurs {count} times in {mutant.file} (must be once)"
        return outcome
    target.write_text(original.replace(mutant.find, mutant.replace))
    try:
        code, tail = run_tests(tree, mutant.tests, timeout)
    finally:
        target.write_text(original)
    outcome.seconds = time.monotonic() - start
    outcome.detail = tail
    if code == PYTEST_FAILED:
        outcome.verdict = "RED"
    elif code == 0:
        outcome.verdict = "SURVIVED"
    else:
        outcome.detail = f"pytest exit {code}: {tail}"
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="mutants files (default: tests/mutants/*.yaml)")
    parser.add_argument("--only", action="append", default=[], help="run only this mutant id (repeatable)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds for one pytest run")
    parser.add_argument("--json", type=Path, help="write the outcomes to this JSON file")
    args = parser.parse_args(argv)

    files = [p.resolve() for p in args.files] or sorted((REPO / "tests" / "mutants").glob("*.yaml"))
    mutants = load_mutants(files)
    if args.only:
        unknown = set(args.only) - {m.id for m in mutants}
        if unknown:
            raise SystemExit(f"no mutant with id {', '.join(sorted(unknown))}")
        mutants = [m for m in mutants if m.id in args.only]
    if not mutants:
        raise SystemExit("no mutants to run")

    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="mlinterview-mutants-") as scratch:
        tree = Path(scratch)
        copy_tree(tree)
        for number, mutant in enumerate(mutants, start=1):
            print(f"[{number}/{len(mutants)}] {mutant.id} ...", end=" ", flush=True)
            outcome = check(mutant, tree, args.timeout)
            print(f"{outcome.verdict} ({outcome.seconds:.0f} s)", flush=True)
            outcomes.append(outcome)
        all_tests = sorted({t for m in mutants for t in m.tests})
        print(f"clean run of the {len(all_tests)} guarding test selections ...", end=" ", flush=True)
        clean_code, clean_tail = run_tests(tree, all_tests, args.timeout * 2)
        clean = "PASSED" if clean_code == 0 else f"FAILED (exit {clean_code}): {clean_tail}"
        print(clean)

    width = max(len(o.id) for o in outcomes)
    print()
    print(f"{'mutant':<{width}}  verdict   seconds  rule")
    for o in outcomes:
        print(f"{o.id:<{width}}  {o.verdict:<8}  {o.seconds:7.0f}  {o.rule}")
        if o.verdict != "RED":
            print(f"{'':<{width}}  -> {o.detail}")
    red = sum(o.verdict == "RED" for o in outcomes)
    print(f"\n{red} of {len(outcomes)} mutants RED; clean run {clean}")
    if args.json:
        args.json.write_text(
            json.dumps({"outcomes": [asdict(o) for o in outcomes], "clean": clean}, indent=2) + "\n"
        )
    return 0 if red == len(outcomes) and clean_code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
