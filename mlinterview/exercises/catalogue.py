"""Choosing exercises from the catalogue by kind and core skill: one rule for the command line
(``mlinterview exercises list --kind/--skill``), the assessment builder and the practice pages."""

from __future__ import annotations

from collections.abc import Iterable

from mlinterview.exercises.model import Exercise, ExerciseKind

KINDS = tuple(k.value for k in ExerciseKind)


def select(
    exercises: Iterable[Exercise], kind: str | None = None, skill: str | None = None
) -> list[Exercise]:
    """The exercises of ``kind`` that give evidence of ``skill``, in the order given; an empty or
    missing filter lets every exercise through."""
    return [e for e in exercises if (not kind or e.kind == kind) and (not skill or skill in e.skills)]


def skills_in_use(exercises: Iterable[Exercise]) -> list[str]:
    """The core skills at least one of the exercises gives evidence of, sorted."""
    return sorted({s for e in exercises for s in e.skills})
