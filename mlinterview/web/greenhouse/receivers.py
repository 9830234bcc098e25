"""Hooks into the assessments app's events (it imports nothing of this app)."""

from __future__ import annotations

from typing import Any

from mlinterview.web.assessments import models as am
from mlinterview.web.assessments.signals import personal_data_deleted
from mlinterview.web.greenhouse.callbacks import owe_callback
from mlinterview.web.greenhouse.models import Callback, SentTest


def review_committed(sender: Any, instance: am.ReviewCommit, created: bool, **kwargs: Any) -> None:
    """The first committed review of an attempt Greenhouse sent owes Greenhouse a callback."""
    if not created or kwargs.get("raw"):
        return
    sent = SentTest.objects.filter(invitation__attempt=instance.attempt_id).first()
    if sent is not None:
        owe_callback(sent)


def forget_invitations(sender: Any, invitation_ids: list[int], **kwargs: Any) -> None:
    """An erased candidate: forget their Greenhouse page and send nothing more about them."""
    sent = SentTest.objects.filter(invitation_id__in=invitation_ids)
    sent.update(greenhouse_profile_url="")
    Callback.objects.filter(sent_test__in=sent, status=Callback.Status.PENDING).update(
        status=Callback.Status.FAILED, last_error="candidate's personal data deleted"
    )


def connect() -> None:
    from django.db.models.signals import post_save

    post_save.connect(review_committed, sender=am.ReviewCommit, dispatch_uid="greenhouse-review-committed")
    personal_data_deleted.connect(forget_invitations, dispatch_uid="greenhouse-forget-candidate")
