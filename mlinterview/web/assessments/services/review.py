"""Reviewing submitted attempts: the shortlist (advisory ranking), human score overrides with a
reason, committing a review (which reveals the candidate's identity to that reviewer) and
deleting a candidate's personal data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.signals import personal_data_deleted, review_committed

DISAGREEMENT = 0.2  # one point of the 0-5 scale on the product's 0..1 scale


def reviewable_attempts() -> QuerySet[m.Attempt]:
    """The attempts staff may open: submitted ones only. While the candidate is still answering,
    the staff pages and the API both answer 404, as if the attempt did not exist yet."""
    return m.Attempt.objects.filter(submitted_at__isnull=False)


def reviewable_scores() -> QuerySet[m.Score]:
    """The scores staff may read or change: those of submitted attempts (see ``reviewable_attempts``)."""
    return m.Score.objects.filter(answer__attempt__submitted_at__isnull=False)


def disagreements(score: m.Score | None, second_opinions: list[m.Score]) -> set[int]:
    """The second opinions that differ from the score (as it stands, overrides included) by more
    than one point of five: a reviewer should read the answer rather than trust either."""
    if score is None or score.value is None:
        return set()
    return {
        o.pk
        for o in second_opinions
        if o.auto_value is not None and abs(o.auto_value - score.value) > DISAGREEMENT
    }


def override_score(score: m.Score, reviewer: Any, value: float, reason: str) -> m.Override:
    """A human's value for the answer, replacing the primary score's for totals and ranking."""
    if not score.primary:
        raise AssessmentError("Only the primary score can be changed; a second opinion is shown as it is.")
    reason = reason.strip()
    if not reason:
        raise AssessmentError("Say why you are changing the score; the reason is kept in the audit trail.")
    if not 0.0 <= value <= 1.0:
        raise AssessmentError("A score must be between 0 and 100%.")
    with transaction.atomic():
        before = score.value
        override = m.Override.objects.create(
            score=score, reviewer=reviewer, value=value, reason=reason[:2000]
        )
        audit(reviewer, "score.override", score, before=before, after=value, reason=reason[:2000])
    return override


def commit_review(attempt: m.Attempt, reviewer: Any) -> None:
    with transaction.atomic():
        _, created = m.ReviewCommit.objects.get_or_create(attempt=attempt, reviewer=reviewer)
        if created:
            audit(reviewer, "review.commit", attempt)
            review_committed.send(sender=m.Attempt, attempt_id=attempt.pk, reviewer_id=reviewer.pk)


def may_see_identity(attempt: m.Attempt, reviewer: Any) -> bool:
    return m.ReviewCommit.objects.filter(attempt=attempt, reviewer=reviewer).exists()


@dataclass
class ShortlistRow:
    attempt: m.Attempt
    candidate: m.Candidate
    total: float | None  # weighted mean of item scores, 0..1; None while any score is pending
    by_set: dict[str, float]
    pending: int
    failed: int
    overridden: int


def shortlist(version: m.AssessmentVersion) -> list[ShortlistRow]:
    rows = []
    attempts = (
        m.Attempt.objects.filter(invitation__version=version, submitted_at__isnull=False)
        .select_related("invitation__candidate")
        .prefetch_related("answers__scores__overrides", "answers__item__question_version")
    )
    for attempt in attempts:
        weighted = 0.0
        weights = 0.0
        per_set: dict[str, list[float]] = {}
        pending = failed = overridden = 0
        for answer in attempt.answers.all():
            score = answer.score  # the primary score: second opinions never rank
            value = score.value if score is not None else None
            if score is not None and score.overrides.exists():
                overridden += 1
            if value is None:
                if score is not None and score.status == m.Score.Status.FAILED:
                    failed += 1
                else:
                    pending += 1
                continue
            weighted += answer.item.weight * value
            weights += answer.item.weight
            per_set.setdefault(item_group(answer.item), []).append(value)
        total = weighted / weights if weights and not pending and not failed else None
        rows.append(
            ShortlistRow(
                attempt=attempt,
                candidate=attempt.invitation.candidate,
                total=total,
                by_set={k: sum(v) / len(v) for k, v in sorted(per_set.items())},
                pending=pending,
                failed=failed,
                overridden=overridden,
            )
        )
    rows.sort(key=lambda r: (r.total is None, -(r.total or 0.0), r.attempt.submitted_at))
    return rows


def assessment_shortlist(assessment: m.Assessment) -> list[ShortlistRow]:
    """The shortlists of every published version of an assessment as one ranking (what the staff
    page, its CSV and the API show): by total, best first, unscored last; the sort is stable, so
    equal totals keep version order and, within a version, submission order."""
    rows = []
    for version in assessment.versions.filter(published_at__isnull=False):
        rows += shortlist(version)
    rows.sort(key=lambda row: (row.total is None, -(row.total or 0.0)))
    return rows


def item_group(item: m.AssessmentItem) -> str:
    if item.kind == m.AssessmentItem.Kind.EXERCISE:
        return "coding exercises"
    assert item.question_version is not None
    return str(item.question_version.data.get("set", "other"))


@dataclass
class DeletionPlan:
    """What deleting a candidate's personal data will do, for the confirmation step: the caller's
    invitations it touches (their open links end, their mail records lose the address) and the
    audit entries whose details name the candidate. Another team's invitations of the same person
    are neither touched nor counted (a team does not learn that they exist)."""

    candidate: m.Candidate
    invitations: list[m.Invitation]
    open_links: int
    mails: int
    audit_entries: int


def _deleted_invitations(
    candidate: m.Candidate, within: QuerySet[m.Invitation] | None
) -> tuple[QuerySet[m.Invitation], bool]:
    """(the invitations a deletion by the caller touches, whether others of the candidate stay)."""
    everything = m.Invitation.objects.filter(candidate=candidate)
    if within is None:
        return everything, False
    mine = within.filter(candidate=candidate)
    if not mine.exists():
        raise AssessmentError("This candidate has no invitation of yours.")
    return mine, everything.exclude(pk__in=mine.values("pk")).exists()


def deletion_plan(candidate: m.Candidate, within: QuerySet[m.Invitation] | None = None) -> DeletionPlan:
    """What :func:`delete_candidate` with the same arguments would delete; changes nothing."""
    touched, split = _deleted_invitations(candidate, within)
    invitations = list(touched.select_related("version__assessment").order_by("created_at", "pk"))
    now = timezone.now()
    audit_rows = m.AuditEvent.objects.filter(details__candidate=candidate.pk)
    if split:
        audit_rows = audit_rows.filter(target__in=[f"invitation:{i.pk}" for i in invitations])
    return DeletionPlan(
        candidate=candidate,
        invitations=invitations,
        open_links=sum(
            1 for i in invitations if i.submitted_at is None and i.revoked_at is None and i.expires_at > now
        ),
        mails=m.InvitationMail.objects.filter(invitation__in=invitations).count(),
        audit_entries=audit_rows.count(),
    )


def _forget_mail_addresses(invitation_ids: list[int], candidate_pk: int) -> None:
    """The mail records of these invitations keep their kind, status and times, not the address
    (nor an error message, which may quote it)."""
    m.InvitationMail.objects.filter(invitation_id__in=invitation_ids).update(
        to=f"deleted-{candidate_pk}@invalid", error=""
    )


def delete_candidate(
    candidate: m.Candidate, user: Any, within: QuerySet[m.Invitation] | None = None
) -> m.Candidate:
    """Remove a candidate's personal data; their answers stay only anonymised. Returns the
    anonymised row.

    A candidate is one person for the organisation, but a team acts only on its own invitations:
    ``within`` is the invitations the caller may act on (None: all, for administrators and the
    command line). If the candidate also has invitations outside it, those stay untouched: the
    caller's invitations move to a new anonymised candidate (so their links end) and the other
    teams keep their candidate, name, email and open links.
    """
    if within is not None:
        mine = within.filter(candidate=candidate)
        if not mine.exists():
            raise AssessmentError("This candidate has no invitation of yours.")
        if m.Invitation.objects.filter(candidate=candidate).exclude(pk__in=mine.values("pk")).exists():
            with transaction.atomic():
                moved = list(mine.values_list("pk", flat=True))
                split = m.Candidate.objects.create(name="", email="", anonymised_at=timezone.now())
                split.email = f"deleted-{split.pk}@invalid"
                split.save(update_fields=["email"])
                m.Invitation.objects.filter(pk__in=moved).update(candidate=split)
                m.AuditEvent.objects.filter(
                    details__candidate=candidate.pk, target__in=[f"invitation:{pk}" for pk in moved]
                ).update(details={})
                _forget_mail_addresses(moved, split.pk)
                personal_data_deleted.send(sender=m.Candidate, invitation_ids=moved)
                audit(user, "candidate.delete", split, invitations=moved)
            return split
    with transaction.atomic():
        candidate.name = ""
        candidate.email = f"deleted-{candidate.pk}@invalid"
        candidate.anonymised_at = timezone.now()
        candidate.save(update_fields=["name", "email", "anonymised_at"])
        m.AuditEvent.objects.filter(details__candidate=candidate.pk).update(details={})
        invitation_ids = list(m.Invitation.objects.filter(candidate=candidate).values_list("pk", flat=True))
        _forget_mail_addresses(invitation_ids, candidate.pk)
        personal_data_deleted.send(sender=m.Candidate, invitation_ids=invitation_ids)
        audit(user, "candidate.delete", candidate)
    return candidate
