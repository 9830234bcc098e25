"""Candidates' self-identification: what is asked, reading a candidate's answers, saving, changing
and withdrawing them, and forgetting them with the candidate's personal data.

A candidate reaches the form with their own link. Unlike the assessment's pages it still opens
after submission (so an answer can be changed or withdrawn later), but never once the link is
revoked or the candidate's data deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services as assessment_services
from mlinterview.web.fairness.models import Category, SelfIdentification


class NotAllowed(Exception):
    """The link does not (or no longer) open the form."""


def invitation_for_token(token: str) -> m.Invitation:
    if not token or len(token) > 200:
        raise NotAllowed("This link is not valid.")
    invitation = (
        m.Invitation.objects.select_related("candidate", "version__assessment")
        .filter(token_hash=assessment_services.hash_token(token))
        .first()
    )
    if invitation is None or invitation.candidate.anonymised_at is not None:
        raise NotAllowed("This link is not valid.")
    if invitation.revoked_at is not None:
        raise NotAllowed("This link has been withdrawn.")
    return invitation


def categories() -> list[Category]:
    return list(Category.objects.all())


def answers_of(invitation: m.Invitation) -> dict[int, str]:
    """``{category id: label}`` of what this candidate said (categories left blank are absent)."""
    rows = SelfIdentification.objects.filter(invitation=invitation)
    return dict(rows.values_list("category_id", "label"))


def save_answers(invitation: m.Invitation, chosen: Mapping[int, str]) -> None:
    """Store the candidate's choice per category; a blank choice removes any earlier answer.

    A label that the category does not offer is refused (ValueError), so nothing typed by hand
    reaches the report.
    """
    wanted = {}
    for category in categories():
        label = (chosen.get(category.pk) or "").strip()
        if label and label not in category.choices:
            raise ValueError(f"{label!r} is not one of the choices for {category.name}.")
        wanted[category] = label
    with transaction.atomic():
        for category, label in wanted.items():
            if label:
                SelfIdentification.objects.update_or_create(
                    invitation=invitation, category=category, defaults={"label": label}
                )
            else:
                SelfIdentification.objects.filter(invitation=invitation, category=category).delete()


def withdraw(invitation: m.Invitation) -> int:
    """Delete every answer of this candidate; returns how many there were."""
    deleted, _ = SelfIdentification.objects.filter(invitation=invitation).delete()
    return deleted


def forget_invitations(sender: Any, invitation_ids: list[int], **kwargs: Any) -> None:
    """Receiver of ``personal_data_deleted``: the answers go with the rest of the personal data."""
    SelfIdentification.objects.filter(invitation_id__in=invitation_ids).delete()
