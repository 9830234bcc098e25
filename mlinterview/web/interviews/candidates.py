"""An interview's candidate as the assessments know them (issue 15, point 4).

- Whom an interviewer may link an interview to: the candidates of the assessments they may open
  (``assessments.access.candidates_for``), so a team sees a candidate only through its own
  assessments. A candidate with no assessment stays a name typed in.
- Which questions a candidate already met: every question of every version of the interview's
  team's assessments (and of those the user may open) that the candidate was invited to; they
  have seen them, or may still. A kit drawn for a linked candidate leaves them out, and adding
  one by hand asks to confirm. Other teams' assessments are not looked at: a team does not learn
  that the candidate took them (docs/decisions.md, decision 3).
- Which of their assessment results the viewer may open from the interview: submitted attempts the
  viewer may review, and only where the link reveals nothing the reviewer is not yet meant to
  know (they have committed their review, or they recruit for the assessment and invited the
  candidate by name).

May import: the interviews' models and the assessments app (its access rules and services).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from mlinterview.web.accounts.models import Team
from mlinterview.web.assessments import access
from mlinterview.web.assessments import models as am
from mlinterview.web.assessments.services import may_see_identity


def linkable_candidates(user: Any) -> QuerySet[am.Candidate]:
    """The candidates this user may link an interview to (never one whose data was deleted)."""
    return access.candidates_for(user).filter(anonymised_at__isnull=True).order_by("name", "email", "pk")


@dataclass(frozen=True)
class MetQuestion:
    slug: str
    title: str
    assessment: str


def questions_met(candidate: am.Candidate | None, *, team: Team | None, user: Any) -> dict[str, MetQuestion]:
    """The written questions the candidate met (or was invited to meet) in the assessments of
    ``team`` (the interview's; None: an install without teams) and those ``user`` may open."""
    if candidate is None:
        return {}
    own_team = (
        Q(version__assessment__team=team) if team is not None else Q(version__assessment__team__isnull=True)
    )
    items = (
        am.AssessmentItem.objects.filter(
            own_team | Q(version__assessment__in=access.assessments_for(user)),
            version__invitations__candidate=candidate,
            kind=am.AssessmentItem.Kind.QUESTION,
            question_version__isnull=False,
        )
        .select_related("question_version__question", "version__assessment")
        .order_by("version__created_at", "position")
    )
    met: dict[str, MetQuestion] = {}
    for item in items:
        question = item.question_version.question  # type: ignore[union-attr]
        met.setdefault(
            question.slug,
            MetQuestion(slug=question.slug, title=question.title, assessment=item.version.assessment.title),
        )
    return met


@dataclass(frozen=True)
class ResultLink:
    assessment_id: int
    assessment: str
    attempt_id: int


def result_links(candidate: am.Candidate | None, user: Any) -> list[ResultLink]:
    """The candidate's submitted assessment results this user may open from the interview."""
    if candidate is None:
        return []
    attempts = (
        access.attempts_for(user)
        .filter(invitation__candidate=candidate)
        .select_related("invitation__version__assessment")
        .order_by("submitted_at", "pk")
    )
    # Invitations the user sent (or could have: they recruit for the assessment): they know whose.
    recruited = set(
        access.invitations_managed_by(user).filter(candidate=candidate).values_list("pk", flat=True)
    )
    return [
        ResultLink(
            assessment_id=attempt.invitation.version.assessment_id,
            assessment=attempt.invitation.version.assessment.title,
            attempt_id=attempt.pk,
        )
        for attempt in attempts
        if attempt.invitation_id in recruited or may_see_identity(attempt, user)
    ]
