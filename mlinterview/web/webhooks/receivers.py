"""The assessments app's events, turned into webhook events. It sends signals and imports
nothing of this app; each receiver builds the payload and calls ``services.emit``."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction

from mlinterview.web.assessments import models as am
from mlinterview.web.webhooks.services import emit

log = logging.getLogger("mlinterview.webhooks")


def _guarded(receiver: Callable[..., None]) -> Callable[..., None]:
    """A receiver runs in a savepoint and never raises: a webhook that cannot be emitted is
    logged, and the submission, review or mail that sent the signal goes through."""

    @functools.wraps(receiver)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            with transaction.atomic():
                receiver(*args, **kwargs)
        except Exception:
            log.exception("webhook event of %s not emitted", receiver.__name__)

    return run


def _about(invitation: am.Invitation) -> dict[str, Any]:
    assessment = invitation.version.assessment
    return {
        "invitation_id": invitation.pk,
        "assessment": {"id": assessment.pk, "title": assessment.title, "version": invitation.version.pk},
        "candidate": {
            "id": invitation.candidate_id,
            "name": invitation.candidate.name,
            "email": invitation.candidate.email,
        },
    }


def _invitation(pk: int) -> am.Invitation:
    return am.Invitation.objects.select_related("candidate", "version__assessment").get(pk=pk)


@_guarded
def invitation_sent(sender: Any, invitation_id: int, delivered: bool, **kwargs: Any) -> None:
    invitation = _invitation(invitation_id)
    payload = {
        **_about(invitation),
        # False: the message was kept by the development mail backend, not sent for real.
        "mail_delivered": delivered,
        "expires_at": invitation.expires_at.isoformat(),
    }
    emit("invitation.sent", payload, invitation_id=invitation.pk)


@_guarded
def attempt_submitted(sender: Any, attempt_id: int, **kwargs: Any) -> None:
    attempt = am.Attempt.objects.get(pk=attempt_id)
    payload = {
        **_about(_invitation(attempt.invitation_id)),
        "attempt_id": attempt.pk,
        "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
        "auto_submitted": attempt.auto_submitted,
    }
    emit(
        "attempt.submitted",
        payload,
        invitation_id=attempt.invitation_id,
        dedup_key=f"attempt.submitted:{attempt.pk}",
    )


@_guarded
def answer_scored(sender: Any, answer_id: int, **kwargs: Any) -> None:
    """Once every primary score of the attempt is finished (done or failed). Scores are not
    sent: they are automatic and advisory until a reviewer confirms them."""
    attempt = am.Attempt.objects.get(answers__pk=answer_id)
    primary = am.Score.objects.filter(answer__attempt=attempt, primary=True)
    finished = {am.Score.Status.DONE, am.Score.Status.FAILED}
    statuses = list(primary.values_list("status", flat=True))
    if not statuses or any(s not in finished for s in statuses):
        return
    payload = {
        **_about(_invitation(attempt.invitation_id)),
        "attempt_id": attempt.pk,
        "answers_scored": statuses.count(am.Score.Status.DONE),
        "answers_failed": statuses.count(am.Score.Status.FAILED),
        "needs_review": True,
    }
    emit(
        "attempt.scored",
        payload,
        invitation_id=attempt.invitation_id,
        dedup_key=f"attempt.scored:{attempt.pk}",
    )


@_guarded
def review_committed(sender: Any, attempt_id: int, reviewer_id: int, **kwargs: Any) -> None:
    attempt = am.Attempt.objects.get(pk=attempt_id)
    commit = am.ReviewCommit.objects.get(attempt=attempt, reviewer_id=reviewer_id)
    payload = {
        **_about(_invitation(attempt.invitation_id)),
        "attempt_id": attempt.pk,
        "reviewer_id": reviewer_id,
        "committed_at": commit.committed_at.isoformat(),
        "reviews_committed": attempt.review_commits.count(),
    }
    emit(
        "review.completed",
        payload,
        invitation_id=attempt.invitation_id,
        dedup_key=f"review.completed:{commit.pk}",
    )


def connect() -> None:
    from mlinterview.web.assessments import signals
    from mlinterview.web.assessments.jobs.tasks import answer_scored as scored_signal
    from mlinterview.web.webhooks.services import forget_invitations

    signals.invitation_sent.connect(invitation_sent, dispatch_uid="webhooks-invitation-sent")
    signals.attempt_submitted.connect(attempt_submitted, dispatch_uid="webhooks-attempt-submitted")
    signals.review_committed.connect(review_committed, dispatch_uid="webhooks-review-committed")
    scored_signal.connect(answer_scored, dispatch_uid="webhooks-attempt-scored")
    signals.personal_data_deleted.connect(forget_invitations, dispatch_uid="webhooks-forget")
