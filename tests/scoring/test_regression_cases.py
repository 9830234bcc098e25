"""Issue 13's quoted failures (tests/scoring/regression_cases.yaml), each checked on the reader.

Every case fails on the default scorer of today (bench/regression_cases.py keeps the check and
prints the table). Here each one is a test of the reader scorer, which is to replace it once it
passes them all.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from mlinterview import REPO_DIR

BENCH = REPO_DIR / "bench"
sys.path.insert(0, str(BENCH))  # the bench script imports its neighbour _common
spec = importlib.util.spec_from_file_location("regression_cases", BENCH / "regression_cases.py")
assert spec is not None and spec.loader is not None
regression = importlib.util.module_from_spec(spec)
spec.loader.exec_module(regression)

CASES = regression.load_cases(regression.DEFAULT_CASES)


@pytest.fixture(scope="module")
def scorer():
    """The reader scorer of issue 13 (not yet the default scorer: see STILL_FAILING)."""
    from mlinterview.scoring.reader_scorer import ReaderScorer

    return ReaderScorer()


# Cases the reader of 2026-12-07 (retrained with the terse, vague and non-answer training answers)
# still gets wrong (issue 13 stays open until this is empty): most swapped concepts read as
# covered, four fluent off-topic answers score 1 rather than 0, and four correct caveats or
# taxonomies read as misconceptions. The retraining fixed 9 cases of the 2026-12-06 list (4, 7, 10,
# 11, 36, 49, 69, 71, 72) and broke 5 (16, 45, 61, 62, 64). Strict: a case that starts passing fails
# here until it is taken off the list.
STILL_FAILING = {0, 5, 11, 16, 45, 46, 47, 48, 55, 56, 57, 58, 59, 60, 61, 68, 70, 71, 74}


def test_every_quoted_case_has_three_paraphrases_and_five_other_questions():
    for case in regression.CASE_ORDER:
        mine = [c for c in CASES if c["case"] == case]
        originals = [c for c in mine if c["variant"].startswith("original")]
        others = {c["question"] for c in mine if c["variant"] == "other"}
        assert len(originals) >= 3, case
        assert len(others) >= 5, case


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=f"{n}-{c['case']}-{c['question']}-{c['variant']}",
            marks=[pytest.mark.xfail(strict=True, reason="issue 13: not yet read right")]
            if n in STILL_FAILING
            else [],
        )
        for n, c in enumerate(CASES)
    ],
)
def test_regression_case(bank, scorer, case):
    result = scorer.score(bank.get(case["question"]), case["answer"]).to_dict()
    broken = regression.check(case["expect"], result["score"], result)
    assert broken == [], (broken, result["feedback"])
