"""Generating the items of a draft for a level and a time budget, and flagging answers that are
near-identical to another candidate's or to the reference answer."""

from __future__ import annotations

import re
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


def near_identical_flags(version: m.AssessmentVersion, threshold: float = 0.9) -> dict[int, list[str]]:
    """Answers that are near-identical to another candidate's answer or to the reference answer.

    Returns {answer id: [reasons]}. Uses word 5-gram overlap (containment), which catches copied
    and lightly edited text without loading a model.
    """
    answers = list(
        m.Answer.objects.filter(
            attempt__invitation__version=version, attempt__submitted_at__isnull=False
        ).select_related("item__question_version", "attempt__invitation__candidate")
    )
    flags: dict[int, list[str]] = {}
    by_item: dict[int, list[m.Answer]] = {}
    for answer in answers:
        if len(answer.content.split()) >= 12:
            by_item.setdefault(answer.item_id, []).append(answer)
    for item_answers in by_item.values():
        for i, a in enumerate(item_answers):
            reference = ""
            if a.item.question_version is not None:
                reference = a.item.question_version.data.get("reference_answer", "")
            if reference and _containment(a.content, reference) >= threshold:
                flags.setdefault(a.pk, []).append("near-identical to the reference answer")
            for b in item_answers[i + 1 :]:
                if (
                    _containment(a.content, b.content) >= threshold
                    or _containment(b.content, a.content) >= threshold
                ):
                    alias_a = a.attempt.invitation.candidate.alias
                    alias_b = b.attempt.invitation.candidate.alias
                    flags.setdefault(a.pk, []).append(f"near-identical to {alias_b}'s answer")
                    flags.setdefault(b.pk, []).append(f"near-identical to {alias_a}'s answer")
    return flags


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def _containment(a: str, b: str) -> float:
    """Share of a's 5-word sequences that also occur in b."""
    left, right = _shingles(a), _shingles(b)
    return len(left & right) / len(left) if left else 0.0
