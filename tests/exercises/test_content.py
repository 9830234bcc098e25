"""Every exercise, judged for real in the sandbox: references score 100%, wrong solutions do not."""

from __future__ import annotations

import pytest

from mlinterview.exercises import load_exercises
from mlinterview.exercises.selfcheck import check_exercise

pytestmark = pytest.mark.sandbox
SLUGS = [e.slug for e in load_exercises()]


def test_there_are_at_least_fifteen_exercises():
    assert len(SLUGS) >= 15, SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_content_checks_out_without_the_sandbox(exercises, slug):
    assert check_exercise(exercises[slug]) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_the_reference_scores_full_marks_in_the_sandbox(judge, exercises, slug):
    exercise = exercises[slug]
    result = judge.judge(exercise, exercise.solution_source)
    failures = [(t.name, t.message) for t in result.tests if not t.passed]
    assert result.score == 1.0, (result.verdict, result.message, failures)
    assert result.verdict == "ok" and result.sandboxed


@pytest.mark.parametrize("slug", SLUGS)
def test_every_wrong_solution_fails_a_hidden_test_in_the_sandbox(judge, exercises, slug):
    exercise = exercises[slug]
    assert len(exercise.wrong) >= 2
    for name, source in exercise.wrong.items():
        result = judge.judge(exercise, source)
        hidden_failed = [t.name for t in result.tests if not t.public and not t.passed]
        assert hidden_failed, f"wrong solution {name} passes every hidden test"
        assert result.score < 1.0


@pytest.mark.parametrize("slug", SLUGS)
def test_edge_cases_are_among_the_hidden_tests(exercises, slug):
    exercise = exercises[slug]
    hidden = [c for c in exercise.cases if not c.public]
    assert len(hidden) >= 4
    assert any(c.raises for c in exercise.cases) or any(
        word in c.name.lower() for c in hidden for word in ("empty", "nan", "tie", "single", "one ", "unseen")
    )
