"""Question exposure (issue 16, point 3): how often each question and exercise has been served,
to how many distinct candidates and since when; the over-exposure warning; retiring a leaked
question or exercise.

- An item is *served* when a candidate's page has shown it in a started attempt (``Answer.shown_at``,
  set by ``mark_shown``; a save of the answer sets it too). The counts are taken across the whole
  organisation: they are numbers only and never say which assessment or candidate they come from,
  so a recruiter of one team learns nothing about another team's candidates.
- ``MLINTERVIEW_EXPOSURE_WARN_AT`` (default 50): the builder warns about an item served to at
  least that many distinct candidates.
- Retiring as leaked is for administrators only, with a reason, and audited. A question keeps the
  one ``retired`` flag the importer uses for questions gone from the content (plus ``leaked_at``
  and the reason, so no import brings it back); an exercise gets a ``RetiredExercise`` row. Either
  way the item leaves the builder's lists, new drafts (it is taken out of every unpublished draft)
  and the generators; published versions that hold it are frozen and keep serving it to the
  candidates invited to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone

from mlinterview.web.accounts.teams import sees_all_teams
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.exercises import exercise_exists
from mlinterview.web.questions.models import Question

DEFAULT_WARN_AT = 50
QUESTION = m.AssessmentItem.Kind.QUESTION
EXERCISE = m.AssessmentItem.Kind.EXERCISE


@dataclass(frozen=True)
class Exposure:
    times: int  # answers shown
    candidates: int  # distinct candidates they were shown to
    since: datetime  # first shown
    warn_at: int

    @property
    def over_exposed(self) -> bool:
        return self.candidates >= self.warn_at


def warn_at() -> int:
    """The number of distinct candidates from which the builder warns that an item is over-exposed."""
    return max(int(getattr(settings, "MLINTERVIEW_EXPOSURE_WARN_AT", DEFAULT_WARN_AT)), 1)


def mark_shown(attempt: m.Attempt, item_id: int) -> None:
    """The candidate's page is showing this item: it is served from now on (one UPDATE, a no-op
    once recorded)."""
    m.Answer.objects.filter(attempt=attempt, item_id=item_id, shown_at__isnull=True).update(
        shown_at=timezone.now()
    )


def exposure_of(
    questions: Iterable[str] = (), exercises: Iterable[str] = ()
) -> dict[tuple[str, str], Exposure]:
    """The exposure of these question and exercise slugs, keyed by (kind, slug), in one aggregate
    query; an item never served has no entry."""
    questions, exercises = sorted(set(questions)), sorted(set(exercises))
    if not questions and not exercises:
        return {}
    which = Q(item__kind=QUESTION, item__question_version__question__slug__in=questions) | Q(
        item__kind=EXERCISE, item__exercise_slug__in=exercises
    )
    rows = (
        m.Answer.objects.filter(which, shown_at__isnull=False)
        .values("item__kind", "item__question_version__question__slug", "item__exercise_slug")
        .annotate(
            times=Count("id"),
            candidates=Count("attempt__invitation__candidate", distinct=True),
            since=Min("shown_at"),
        )
        .order_by()
    )
    limit = warn_at()
    found: dict[tuple[str, str], Exposure] = {}
    for row in rows:
        kind = row["item__kind"]
        question = row["item__question_version__question__slug"]
        slug = row["item__exercise_slug"] if kind == EXERCISE else question
        # Grouped by slug, not by version: a question served in several revisions has one row,
        # so its candidates are counted once each.
        found[(kind, slug)] = Exposure(row["times"], row["candidates"], row["since"], limit)
    return found


def retired_exercises() -> set[str]:
    return set(m.RetiredExercise.objects.values_list("slug", flat=True))


def may_retire(user: Any) -> bool:
    """Only administrators retire items: it changes every team's builder."""
    return sees_all_teams(user)


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise AssessmentError("Say why the item is retired (where it leaked, for instance).")
    return reason[:2000]


def _leave_drafts(which: Q, user: Any, slug: str) -> int:
    """Take the item out of every unpublished draft; published versions are frozen and keep it."""
    drafts = m.AssessmentItem.objects.filter(which, version__published_at__isnull=True)
    affected = sorted(set(drafts.values_list("version_id", flat=True)))
    removed, _ = drafts.delete()
    for version_id in affected:
        audit(user, "assessment.items_retired", m.AssessmentVersion(pk=version_id), item=slug)
    return removed


def retire_question(slug: str, user: Any, reason: str) -> Question:
    if not may_retire(user):
        raise AssessmentError("Only an administrator may retire a question.")
    reason = _reason(reason)
    with transaction.atomic():
        question = Question.objects.select_for_update().filter(slug=slug).first()
        if question is None:
            raise AssessmentError(f"There is no question {slug!r} in the bank.")
        if question.leaked_at is not None:
            raise AssessmentError(f"{question.title} is already retired as leaked.")
        question.retired = True
        question.leaked_at = timezone.now()
        question.leaked_reason = reason
        question.save(update_fields=["retired", "leaked_at", "leaked_reason", "updated_at"])
        removed = _leave_drafts(Q(kind=QUESTION, question_version__question=question), user, slug)
        audit(user, "question.retire_leaked", question, slug=slug, reason=reason, drafts=removed)
    return question


def retire_exercise(slug: str, user: Any, reason: str) -> m.RetiredExercise:
    if not may_retire(user):
        raise AssessmentError("Only an administrator may retire an exercise.")
    reason = _reason(reason)
    if not exercise_exists(slug):
        raise AssessmentError(f"There is no exercise {slug!r}.")
    with transaction.atomic():
        record, created = m.RetiredExercise.objects.get_or_create(
            slug=slug, defaults={"reason": reason, "retired_by": user}
        )
        if not created:
            raise AssessmentError(f"The exercise {slug} is already retired.")
        removed = _leave_drafts(Q(kind=EXERCISE, exercise_slug=slug), user, slug)
        audit(user, "exercise.retire_leaked", record, slug=slug, reason=reason, drafts=removed)
    return record


@dataclass(frozen=True)
class BuilderExposure:
    """What the builder shows beside its rows: exposure by question slug, by exercise slug and by
    the draft's item id, from one query."""

    questions: dict[str, Exposure]
    exercises: dict[str, Exposure]
    items: dict[int, Exposure]
    retired_exercises: set[str]


def builder_exposure(
    questions: Iterable[Any], exercises: Iterable[dict[str, Any]], items: Iterable[m.AssessmentItem]
) -> BuilderExposure:
    items = list(items)
    question_slugs = {q.slug for q in questions} | {
        i.slug for i in items if i.kind == QUESTION and i.question_version is not None
    }
    exercise_slugs = {e["slug"] for e in exercises} | {i.exercise_slug for i in items if i.kind == EXERCISE}
    found = exposure_of(question_slugs, exercise_slugs)
    return BuilderExposure(
        questions={slug: e for (kind, slug), e in found.items() if kind == QUESTION},
        exercises={slug: e for (kind, slug), e in found.items() if kind == EXERCISE},
        items={i.pk: found[(i.kind, i.slug)] for i in items if (i.kind, i.slug) in found},
        retired_exercises=retired_exercises(),
    )
