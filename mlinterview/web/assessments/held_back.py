"""Which questions and exercises the rest of the product keeps out of sight while an assessment
is open."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from mlinterview.web.assessments.models import AssessmentItem, Invitation


def held_back_slugs() -> set[str]:
    """Questions in an assessment that a candidate can still take are not offered for practice."""
    items = _open_items().filter(question_version__isnull=False)
    return set(items.values_list("question_version__question__slug", flat=True))


def held_back_exercises() -> set[str]:
    """Coding exercises in an assessment that a candidate can still take: by the same rule, never
    offered for practice."""
    items = _open_items().filter(kind=AssessmentItem.Kind.EXERCISE)
    return set(items.values_list("exercise_slug", flat=True))


def _open_items() -> QuerySet[AssessmentItem]:
    """The items of every assessment version a candidate can still take.

    A candidate can still take it through an invitation not yet used and not expired, or through
    an attempt started and not yet submitted: a started attempt runs to its own deadline (and is
    only closed when submitted) whatever the invitation's expiry, so the expiry alone cannot
    release the question.
    """
    can_still_answer = Q(submitted_at__isnull=True) & (
        Q(expires_at__gt=timezone.now())
        | Q(started_at__isnull=False)
        | Q(attempt__isnull=False, attempt__submitted_at__isnull=True)
    )
    open_versions = Invitation.objects.filter(can_still_answer).values("version")
    return AssessmentItem.objects.filter(version__in=open_versions)
