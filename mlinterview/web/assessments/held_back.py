"""Which questions the rest of the product must keep out of sight while an assessment is open."""

from __future__ import annotations

from django.utils import timezone

from mlinterview.web.assessments.models import AssessmentItem, Invitation


def held_back_slugs() -> set[str]:
    """Questions in an assessment that candidates can still take are not offered for practice."""
    open_versions = Invitation.objects.filter(
        submitted_at__isnull=True, expires_at__gt=timezone.now()
    ).values("version")
    items = AssessmentItem.objects.filter(version__in=open_versions, question_version__isnull=False)
    return set(items.values_list("question_version__question__slug", flat=True))
