"""A trial run of every exercise's reference solution, in the real sandbox, returns exactly the
public examples, all passing, and names no hidden test. It opens no database (scripts/test.sh leaves
this file out of the PostgreSQL pass, where it would only repeat the SQLite pass: 113 exercises,
136 s on a quiet machine), so it lives apart from tests/assessments/test_candidate_rules.py,
whose tests all use the database."""

from __future__ import annotations

import pytest

from mlinterview.exercises import load_exercises
from tests.assessments.exercise_checks import assert_public_only, exercise, public_and_hidden


@pytest.mark.sandbox
@pytest.mark.parametrize("slug", sorted(e.slug for e in load_exercises()))
def test_a_trial_run_of_the_reference_returns_exactly_the_public_examples(slug):
    from mlinterview.web.assessments.exercises import run_public_examples

    reference = exercise(slug).solution_source
    public, _ = public_and_hidden(slug)
    result = run_public_examples(slug, reference)
    assert_public_only(result, slug)
    assert all(t["passed"] for t in result["tests"])
    assert result["summary"] == f"{len(public)} of {len(public)} public examples pass."
