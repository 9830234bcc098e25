"""Generating the items of a draft for a level and a time budget."""

from __future__ import annotations

from typing import Any

from mlinterview.bank import Level, load_bank
from mlinterview.bank.selection import SelectionRequest, select_questions
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.exercises import exercises_for_level
from mlinterview.web.assessments.services.building import ItemSpec, set_items, update_settings
from mlinterview.web.questions.models import Question


def generate_items(
    version: m.AssessmentVersion,
    user: Any,
    *,
    level: str,
    minutes: int,
    seed: int = 0,
    include_exercises: int = 0,
) -> list[ItemSpec]:
    """Fill a draft with a balanced set for a level and a time budget (e.g. mid, 45 minutes)."""
    try:
        wanted = Level(level)
    except ValueError:
        raise AssessmentError(f"Unknown level {level!r}.") from None
    if not 10 <= minutes <= 480:
        raise AssessmentError("The time budget must be between 10 and 480 minutes.")
    live = set(Question.objects.filter(retired=False).values_list("slug", flat=True))
    bank = load_bank()
    specs: list[ItemSpec] = []
    budget = minutes
    if include_exercises:
        for slug, exercise_minutes in exercises_for_level(level)[:include_exercises]:
            specs.append(ItemSpec(kind=m.AssessmentItem.Kind.EXERCISE, slug=slug))
            budget -= exercise_minutes
    chosen = select_questions(bank, SelectionRequest(level=wanted, minutes=max(budget, 0), seed=seed))
    specs += [ItemSpec(kind=m.AssessmentItem.Kind.QUESTION, slug=q.slug) for q in chosen if q.slug in live]
    if not specs:
        raise AssessmentError("No questions fit that level and time budget.")
    set_items(version, specs, user)
    update_settings(version, user, time_limit_minutes=minutes, instructions=version.instructions)
    return specs
