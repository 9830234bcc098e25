"""Which core skills of the role profile an assessment item gives evidence of.

Written questions: the map ``bank stats --coverage`` prints (``mlinterview.bank.stats``, each core
skill with the questions that assess it), turned round to question -> skills. A question no longer
in the content files (retired) falls back on the skills stored with the version the candidate
answered. Coding exercises: the skills their ``exercise.yaml`` names.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mlinterview.web.assessments import models as m


@lru_cache(maxsize=1)
def core_skills() -> dict[str, str]:
    """slug -> name of the role profile's core skills, in the profile's order."""
    from mlinterview.bank import load_bank

    return {skill.slug: skill.name for skill in load_bank().role_profile.core_skills}


@lru_cache(maxsize=1)
def _question_skills() -> dict[str, tuple[str, ...]]:
    from mlinterview.bank import load_bank
    from mlinterview.bank.stats import bank_stats

    found: dict[str, list[str]] = {}
    for coverage in bank_stats(load_bank()).coverage:
        for slug in coverage.questions:
            found.setdefault(slug, []).append(coverage.slug)
    return {slug: tuple(skills) for slug, skills in found.items()}


@lru_cache(maxsize=1)
def _exercise_skills() -> dict[str, tuple[str, ...]]:
    from mlinterview.web.assessments.exercises import exercise_choices

    return {e["slug"]: tuple(e["skills"]) for e in exercise_choices()}


def item_skills(item: m.AssessmentItem) -> tuple[str, ...]:
    if item.kind == m.AssessmentItem.Kind.EXERCISE:
        return _exercise_skills().get(item.exercise_slug, ())
    version = item.question_version
    if version is None:
        return ()
    mapped = _question_skills().get(version.question.slug)
    if mapped is not None:
        return mapped
    stored: Any = (version.data or {}).get("skills") or ()
    known = core_skills()
    return tuple(s for s in stored if s in known)
