"""Generating the items of a draft for a level and a time budget.

A draw uses a fresh random seed unless one is given; the seed used is returned and kept in the
audit trail, so entering it again draws the same set (for the same bank).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mlinterview.bank import Level, load_bank
from mlinterview.bank.selection import SelectionRequest, new_seed, select_questions
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.exercises import exercises_for_level
from mlinterview.web.assessments.services.building import ItemSpec, set_items, update_settings
from mlinterview.web.questions.models import Question

MAX_SEED = 2**31 - 1  # what an interview's seed column holds on every database


@dataclass(frozen=True)
class Generated:
    specs: list[ItemSpec]
    seed: int  # the seed the set was drawn with: entering it again draws the same set

    @property
    def note(self) -> str:
        return f"Drawn with seed {self.seed}; enter it as the seed to draw the same set again."


def typed_seed(text: str) -> int | None:
    """The seed a person typed: None (draw a fresh one) when the field is left empty."""
    text = text.strip()
    if not text:
        return None
    try:
        seed = int(text)
    except ValueError:
        seed = -1
    if not 0 <= seed <= MAX_SEED:
        raise AssessmentError(f"The seed must be a whole number from 0 to {MAX_SEED}, not {text[:20]!r}.")
    return seed


def generate_items(
    version: m.AssessmentVersion,
    user: Any,
    *,
    level: str,
    minutes: int,
    seed: int | None = None,
    include_exercises: int = 0,
) -> Generated:
    """Fill a draft with a balanced set for a level and a time budget (e.g. mid, 45 minutes),
    drawn with ``seed`` or, when it is None, a fresh random seed."""
    try:
        wanted = Level(level)
    except ValueError:
        raise AssessmentError(f"Unknown level {level!r}.") from None
    if not 10 <= minutes <= 480:
        raise AssessmentError("The time budget must be between 10 and 480 minutes.")
    if seed is None:
        seed = new_seed()
    live = set(Question.objects.filter(retired=False).values_list("slug", flat=True))
    # Retired questions (gone from the content or leaked) and exercises are never drawn.
    retired = frozenset(Question.objects.filter(retired=True).values_list("slug", flat=True))
    retired_exercises = set(m.RetiredExercise.objects.values_list("slug", flat=True))
    bank = load_bank()
    specs: list[ItemSpec] = []
    budget = minutes
    if include_exercises:
        offered = [(s, n) for s, n in exercises_for_level(level) if s not in retired_exercises]
        for slug, exercise_minutes in offered[:include_exercises]:
            specs.append(ItemSpec(kind=m.AssessmentItem.Kind.EXERCISE, slug=slug))
            budget -= exercise_minutes
    chosen = select_questions(
        bank, SelectionRequest(level=wanted, minutes=max(budget, 0), seed=seed, exclude_slugs=retired)
    )
    specs += [ItemSpec(kind=m.AssessmentItem.Kind.QUESTION, slug=q.slug) for q in chosen if q.slug in live]
    if not specs:
        raise AssessmentError("No questions fit that level and time budget.")
    set_items(version, specs, user)
    update_settings(version, user, time_limit_minutes=minutes, instructions=version.instructions)
    audit(user, "assessment.generate", version, level=wanted.value, minutes=minutes, seed=seed)
    return Generated(specs=specs, seed=seed)
