"""bench/sandbox_overhead.py's timing of whole judgements (issue 18): what it measures and the
PyTorch bar. A few real judgements of a small exercise in the sandbox; the bench itself, with a
PyTorch exercise and a modelling task, is run by hand (it is a benchmark, not a test)."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys

import pytest

from mlinterview import REPO_DIR
from mlinterview.exercises import Judge, load_exercise
from mlinterview.exercises.model import default_exercises_dir
from mlinterview.sandbox import Sandbox

BENCH = REPO_DIR / "bench"
sys.path.insert(0, str(BENCH))  # the bench script imports its neighbour _common
spec = importlib.util.spec_from_file_location("sandbox_overhead", BENCH / "sandbox_overhead.py")
assert spec is not None and spec.loader is not None
overhead = importlib.util.module_from_spec(spec)
spec.loader.exec_module(overhead)


@pytest.fixture(scope="module")
def judge():
    sandbox = Sandbox(slots=2)
    yield Judge(sandbox)
    sandbox.close()


@pytest.fixture(scope="module")
def standardize():
    return load_exercise(default_exercises_dir() / "standardize")


def test_the_pytorch_bar_is_three_seconds_and_only_judged_when_measured():
    assert overhead.bars_met(1.2, 12.0, 2.9) == {
        "pass_ratio": True,
        "judgements_per_second": True,
        "pytorch_judgement_seconds": True,
    }
    assert overhead.bars_met(1.2, 12.0, 3.2)["pytorch_judgement_seconds"] is False
    assert overhead.bars_met(1.7, 9.0, None) == {"pass_ratio": False, "judgements_per_second": False}


@pytest.mark.sandbox
def test_judgement_times_and_throughput_come_from_real_judgements(judge, standardize):
    timing = overhead.judgement_times(judge, standardize, runs=1)
    assert (
        timing["exercise"] == "standardize"
        and timing["kind"] == str(standardize.kind)
        and timing["runs"] == 1
    )
    assert 0 < timing["sandbox_cpu_seconds"] <= timing["sandbox_wall_seconds"] + 1
    assert 0 < timing["sandbox_wall_seconds"] <= timing["median_seconds"] <= timing["max_seconds"]
    assert timing["peak_memory_mb"] > 0
    assert overhead.judgements_per_second(judge, standardize, judgements=2, rounds=1) > 0


@pytest.mark.sandbox
def test_a_reference_that_does_not_score_full_marks_stops_the_bench(judge, standardize):
    # Timing a judgement that failed (a broken runtime, say) would report a meaningless number.
    broken = dataclasses.replace(
        standardize, solution_source="def standardize(X_train, X_test):\n    return X_test\n"
    )
    with pytest.raises(SystemExit, match="scored"):
        overhead.judgement_times(judge, broken, runs=1)


@pytest.mark.sandbox
def test_the_bare_harness_answers_every_case_from_the_judges_own_spec(judge, standardize):
    # The bench times the harness outside the sandbox on what the judge would send; when the judge
    # changed how it sends a case's inputs, the bench's hand-built copy of the spec broke.
    import json
    import subprocess

    folder = overhead.bare_harness_folder(judge, standardize)
    subprocess.run([str(judge.sandbox.python), "main.py"], cwd=folder, check=True, timeout=60)
    results = json.loads((folder / "results.json").read_text())
    assert sorted(results["cases"], key=int) == [str(i) for i in range(len(standardize.cases))]
    assert all("value" in outcome for outcome in results["cases"].values())
