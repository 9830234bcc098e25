"""Who may see and do what with which assessment, attempt, score and candidate.

Two layers:

- The role (a group's Django permissions, ``accounts/roles.py``) says what kind of thing a user may
  do: build assessments (``manage``), review attempts (``review``), change a score (``override``).
- The team says which objects: an assessment belongs to a team and has an owner and assigned
  reviewers. Recruiters and hiring managers of the team see all of its assessments; an interviewer
  sees only those they are assigned to; administrators (``access_all_teams``) see every team's.
  Only the team's recruiters (and the owner) change an assessment, invite, or act on candidates.

The scoping helpers (``assessments_for`` and the rest) are the single definition: every staff
page and API endpoint fetches its rows through them, so a row of another team is "not found".
The object rules registered with django-rules below (``user.has_perm(OPEN_ASSESSMENT, obj)``) are
built on the same querysets, so a list and a check can never disagree.

May import: the assessments' models and services, and the accounts app.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import OuterRef, Q, QuerySet, Subquery

from mlinterview.web.accounts import roles, staff, teams
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.services.review import reviewable_attempts, reviewable_scores

# Object permissions (django-rules); the object is named after each.
OPEN_ASSESSMENT = "assessments.open_assessment"  # an Assessment: see it, its shortlist and results
MANAGE_ASSESSMENT = "assessments.manage_assessment"  # an Assessment: edit, publish, invite
EXPORT_RESULTS = "assessments.export_results"  # an Assessment: shortlist CSV; an Attempt: its PDF
REVIEW_ATTEMPT = "assessments.review_attempt"  # an Attempt: open, commit a review, retry a score
OVERRIDE_SCORE = "assessments.override_score"  # a Score: change its value
REVEAL_NAMES = "assessments.reveal_names"  # an Attempt: see the candidate's name
MANAGE_CANDIDATE = "assessments.manage_candidate"  # a Candidate: delete their data, end links


def _staff(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def _visible(user: Any) -> Q:
    return Q(team__in=teams.teams_led_by(user)) | Q(owner=user) | Q(reviewers=user)


def assessments_for(user: Any) -> QuerySet[m.Assessment]:
    """The assessments a user may open (results, shortlist, attempts)."""
    if not _staff(user) or not (user.has_perm(roles.REVIEW) or user.has_perm(roles.MANAGE)):
        return m.Assessment.objects.none()
    if teams.sees_all_teams(user):
        return m.Assessment.objects.all()
    return m.Assessment.objects.filter(pk__in=m.Assessment.objects.filter(_visible(user)).values("pk"))


def assignable_reviewers(assessment: m.Assessment | None) -> QuerySet[Any]:
    """Who may be assigned to review an assessment's attempts: those whose role lets them review
    (``accounts/staff.py``; Django's "Staff status" flag plays no part), of the assessment's team
    or in no team at all (an install that has not set up teams). Another team's members are
    never offered."""
    reviewers = staff.reviewers()
    if assessment is not None and assessment.team_id is not None:
        reviewers = reviewers.filter(Q(memberships__team=assessment.team_id) | Q(memberships__isnull=True))
    return reviewers.distinct().order_by("username")


def may_read_assessments(user: Any) -> bool:
    """Whether the user may open the list of assessments and an assessment's page: those who build
    them (the ``manage`` permission) and the hiring managers of a team, who read everything their
    team owns but change none of it. An interviewer reaches an assigned assessment only through
    its shortlist and attempts."""
    if not _staff(user):
        return False
    return bool(user.has_perm(roles.MANAGE) or teams.teams_led_by(user).exists())


def managed_assessments(user: Any) -> QuerySet[m.Assessment]:
    """The assessments a user may build, publish and invite candidates to."""
    if not _staff(user) or not user.has_perm(roles.MANAGE):
        return m.Assessment.objects.none()
    if teams.sees_all_teams(user):
        return m.Assessment.objects.all()
    return m.Assessment.objects.filter(Q(team__in=teams.teams_managed_by(user)) | Q(owner=user))


def attempts_for(user: Any) -> QuerySet[m.Attempt]:
    """The submitted attempts a user may review (never one still in progress)."""
    if not _staff(user) or not user.has_perm(roles.REVIEW):
        return m.Attempt.objects.none()
    return reviewable_attempts().filter(invitation__version__assessment__in=assessments_for(user))


def scores_for(user: Any) -> QuerySet[m.Score]:
    """The scores (of submitted attempts) a user may read, retry or, with ``override``, change."""
    if not _staff(user) or not user.has_perm(roles.REVIEW):
        return m.Score.objects.none()
    return reviewable_scores().filter(
        answer__attempt__invitation__version__assessment__in=assessments_for(user)
    )


def invitations_managed_by(user: Any) -> QuerySet[m.Invitation]:
    """The invitations of the assessments a user manages: the only ones they may act on."""
    return m.Invitation.objects.filter(version__assessment__in=managed_assessments(user))


def candidates_for(user: Any) -> QuerySet[m.Candidate]:
    """The candidates a user sees: those invited to an assessment the user may open."""
    invited = m.Invitation.objects.filter(version__assessment__in=assessments_for(user))
    return m.Candidate.objects.filter(pk__in=invited.values("candidate"))


def _has(queryset: QuerySet[Any], obj: Any) -> bool:
    return obj is not None and queryset.filter(pk=obj.pk).exists()


@rules.predicate
def can_view_assessment(user: Any, assessment: m.Assessment | None) -> bool:
    return _has(assessments_for(user), assessment)


@rules.predicate
def can_manage_assessment(user: Any, assessment: m.Assessment | None) -> bool:
    return _has(managed_assessments(user), assessment)


@rules.predicate
def can_export(user: Any, obj: m.Assessment | m.Attempt | None) -> bool:
    """The shortlist CSV of an assessment, or an attempt's PDF report: for those who may review it."""
    if not user.has_perm(roles.REVIEW):
        return False
    if isinstance(obj, m.Attempt):
        return _has(attempts_for(user), obj)
    return _has(assessments_for(user), obj)


@rules.predicate
def can_review_attempt(user: Any, attempt: m.Attempt | None) -> bool:
    return _has(attempts_for(user), attempt)


@rules.predicate
def can_override_score(user: Any, score: m.Score | None) -> bool:
    """Changing a score is its own permission, on top of being allowed to review the attempt."""
    return bool(_staff(user) and user.has_perm(roles.OVERRIDE) and _has(scores_for(user), score))


@rules.predicate
def can_reveal_names(user: Any, attempt: m.Attempt | None) -> bool:
    """A reviewer sees the candidate's name once they have committed their own review."""
    return bool(
        can_review_attempt(user, attempt)
        and m.ReviewCommit.objects.filter(attempt=attempt, reviewer=user).exists()
    )


@rules.predicate
def can_manage_candidate(user: Any, candidate: m.Candidate | None) -> bool:
    return candidate is not None and invitations_managed_by(user).filter(candidate=candidate).exists()


for _name, _rule in {
    OPEN_ASSESSMENT: can_view_assessment,
    MANAGE_ASSESSMENT: can_manage_assessment,
    EXPORT_RESULTS: can_export,
    REVIEW_ATTEMPT: can_review_attempt,
    OVERRIDE_SCORE: can_override_score,
    REVEAL_NAMES: can_reveal_names,
    MANAGE_CANDIDATE: can_manage_candidate,
}.items():
    rules.set_perm(_name, _rule)


def draft_assessments(user: Any) -> QuerySet[m.Assessment]:
    """The assessments a user may manage whose latest version is still a draft (open to changes)."""
    latest = m.AssessmentVersion.objects.filter(assessment=OuterRef("pk")).order_by("-number")
    return (
        managed_assessments(user)
        .annotate(latest_published_at=Subquery(latest.values("published_at")[:1]))
        .filter(latest_published_at__isnull=True)
        .order_by("title", "pk")
    )
