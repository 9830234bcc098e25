"""Taking an assessment: starting the attempt, autosaving (rate-limited per attempt, one revision
per window of a few seconds), trial runs of code, submitting (by the candidate or by the
deadline), which queues the scoring."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from mlinterview.web.assessments import grading
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.jobs.tasks import TRIAL_RUN_UNAVAILABLE, enqueue_scoring, enqueue_trial
from mlinterview.web.assessments.services.revisions import record_revision
from mlinterview.web.assessments.services.save_limits import (
    autosave_limits,
    check_save_allowed,
    take_save_allowance,
)
from mlinterview.web.assessments.services.text import storable
from mlinterview.web.assessments.services.trial_limits import check_trial_allowed
from mlinterview.web.assessments.signals import attempt_submitted

# A save reaching the server this long after the deadline still counts (network delay); only then
# does the deadline close the attempt. One figure for both, or a link opened a few seconds late
# would close the attempt before the save it carries is looked at.
LATE_SAVE_GRACE = timedelta(seconds=15)


def start_attempt(invitation: m.Invitation) -> m.Attempt:
    with transaction.atomic():
        invitation = m.Invitation.objects.select_for_update().get(pk=invitation.pk)
        existing = m.Attempt.objects.filter(invitation=invitation).first()
        if existing is not None:
            return existing
        now = timezone.now()
        minutes = invitation.version.time_limit_minutes + invitation.extra_time_minutes
        attempt = m.Attempt.objects.create(
            invitation=invitation, started_at=now, deadline=now + timedelta(minutes=minutes)
        )
        invitation.started_at = now
        invitation.save(update_fields=["started_at"])
        for item in invitation.version.items.all():
            m.Answer.objects.create(attempt=attempt, item=item)
        return attempt


def enforce_deadline(attempt: m.Attempt, grace: timedelta = LATE_SAVE_GRACE) -> bool:
    """Submit the attempt if its deadline (and the grace for late saves) has passed. True if it is
    (now) submitted."""
    if attempt.submitted_at is not None:
        return True
    if timezone.now() > attempt.deadline + grace:
        submit(attempt, auto=True)
        return True
    return False


def attempt_of(invitation: m.Invitation) -> m.Attempt | None:
    """The invitation's attempt, if started (fetched with the invitation by ``resolve_token``)."""
    return getattr(invitation, "attempt", None)


def seconds_left(attempt: m.Attempt) -> int:
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def autosave(attempt: m.Attempt, item_id: int, content: str, *, position: int | None = None) -> m.Answer:
    """Save what the candidate has typed, within the attempt's save rate (else ``SaveThrottled``);
    the text is kept in the revision of the current window of a few seconds."""
    content = storable(content)
    if len(content) > m.Answer.MAX_CHARS:
        raise AssessmentError(
            f"This answer is {len(content):,} characters long; the limit is {m.Answer.MAX_CHARS:,}. "
            "Shorten it and it will be saved."
        )
    limits = autosave_limits()
    # A flood is refused here without a lock or a write; the allowance is spent under the lock.
    check_save_allowed(attempt, timezone.now(), limits)
    with transaction.atomic():
        # One query locks the answer and its attempt (the join locks both rows), so a save cannot
        # slip in after a concurrent submit has locked the attempt and closed it.
        answer = (
            m.Answer.objects.select_for_update()
            .select_related("attempt")
            .get(attempt_id=attempt.pk, item_id=item_id)
        )
        locked = answer.attempt
        if locked.submitted_at is not None:
            raise AssessmentError("This assessment has been submitted; answers can no longer change.")
        # A save arriving just after the deadline still counts (network delay), then it closes.
        now = timezone.now()
        if now > locked.deadline + LATE_SAVE_GRACE:
            raise AssessmentError("Time is up; this answer could not be saved.")
        take_save_allowance(locked, now, limits)
        attempt_fields = ["save_allowance_full_at"]
        if answer.shown_at is None:  # a save shows the item was served (services/exposure.py)
            answer.shown_at = now
            answer.save(update_fields=["shown_at"])
        if content != answer.content:
            answer.revision += 1
            answer.content = content
            answer.save(update_fields=["content", "revision", "updated_at"])
            record_revision(answer, now, limits)
        if position is not None and position != locked.position:
            locked.position = position
            attempt_fields.append("position")
        locked.save(update_fields=attempt_fields)
    attempt.save_allowance_full_at = locked.save_allowance_full_at
    return answer


def submit(attempt: m.Attempt, *, auto: bool = False) -> m.Attempt:
    with transaction.atomic():
        locked = m.Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.submitted_at is not None:
            return locked
        now = timezone.now()
        locked.submitted_at = now
        locked.auto_submitted = auto
        locked.save(update_fields=["submitted_at", "auto_submitted"])
        m.Invitation.objects.filter(pk=locked.invitation_id).update(submitted_at=now)
        for answer in locked.answers.select_related("item"):
            # The primary score, for the grader that is primary for the item's kind now (the row
            # records whichever grader actually grades it).
            m.Score.objects.get_or_create(
                answer=answer, primary=True, defaults={"grader": grading.primary_grader(answer.item)}
            )
            for name in grading.second_opinion_graders(answer.item):  # advisory, never ranked
                m.Score.objects.get_or_create(answer=answer, grader=name, defaults={"primary": False})
        audit(None, "attempt.auto_submit" if auto else "attempt.submit", locked)
        attempt_submitted.send(sender=m.Attempt, attempt_id=locked.pk)
        transaction.on_commit(lambda: enqueue_scoring(locked))
    attempt.refresh_from_db()
    return locked


def submit_overdue_attempts() -> int:
    """Auto-submit every attempt past its deadline (the worker runs this regularly)."""
    count = 0
    overdue = m.Attempt.objects.filter(submitted_at__isnull=True, deadline__lt=timezone.now())
    for attempt in overdue:
        count += enforce_deadline(attempt)
    return count


# --- trial runs ----------------------------------------------------------------------------


def request_trial_run(attempt: m.Attempt, item_id: int, source: str) -> m.TrialRun:
    """Save the code, then queue a run on the public examples (or return the one still in flight).

    Raises ``TrialRunRefused`` (the code is saved all the same) when the attempt's cooldown has
    not passed or the exercise's runs are used up (``services/trial_limits.py``)."""
    item = attempt.invitation.version.items.filter(pk=item_id, kind=m.AssessmentItem.Kind.EXERCISE).first()
    if item is None:
        raise AssessmentError("That item is not a coding exercise of this assessment.")
    source = autosave(attempt, item_id, source).content
    with transaction.atomic():
        m.Attempt.objects.select_for_update().get(pk=attempt.pk)  # one request at a time per attempt
        in_flight = m.TrialRun.objects.filter(
            attempt=attempt,
            status__in=[m.TrialRun.Status.PENDING, m.TrialRun.Status.RUNNING],
            created_at__gt=timezone.now() - m.TrialRun.PATIENCE,
        ).first()
        if in_flight is not None:
            return in_flight
        check_trial_allowed(attempt, item, timezone.now())  # the cooldown and the cap per exercise
        run = m.TrialRun.objects.create(attempt=attempt, item=item, source=source)
        transaction.on_commit(lambda: enqueue_trial(run.pk))
    return run


def trial_run_view(run: m.TrialRun, now: Any = None) -> dict[str, Any]:
    """What the candidate's page is told about a trial run (public examples only)."""
    now = now or timezone.now()
    view: dict[str, Any] = {"run": run.pk, "status": run.status}
    if run.status == m.TrialRun.Status.DONE:
        view.update(run.result)
    elif run.status == m.TrialRun.Status.FAILED:
        view["error"] = run.error
    elif run.waited_too_long(now):
        view.update(status="failed", error=TRIAL_RUN_UNAVAILABLE)
    return view
