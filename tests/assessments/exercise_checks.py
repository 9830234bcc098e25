"""What the trial-run tests check about an exercise: its public and hidden tests, and that a trial
run's result names the public ones only."""

from __future__ import annotations

import json
from functools import cache

from mlinterview.exercises import load_exercises


@cache
def _by_slug() -> dict:
    """The shipped exercises, loaded once per test process (a load parses all of them: about
    0.2 s, which each trial-run test used to pay three times)."""
    return {e.slug: e for e in load_exercises()}


def exercise(slug: str):
    return _by_slug()[slug]


def public_and_hidden(slug: str) -> tuple[list[str], list[str]]:
    cases = exercise(slug).cases
    public = [c.name for c in cases if c.public]
    hidden = [c.name for c in cases if not c.public]
    assert public and hidden, "the exercise needs both kinds of test for this check to mean anything"
    return public, hidden


def assert_public_only(result: dict, slug: str) -> None:
    public, hidden = public_and_hidden(slug)
    assert [t["name"] for t in result["tests"]] == public
    assert all(t["public"] is True for t in result["tests"])
    text = json.dumps(result)
    for name in hidden:  # as a whole JSON string ("no points" is part of a public test's name)
        assert json.dumps(name) not in text
