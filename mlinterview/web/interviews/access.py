"""Who may sit on a panel, and which live interviews a user may open: those they sit on the panel
of, those of teams they lead (recruiter or hiring manager), those they created, and, for
administrators, every one.

The same queryset backs the django-rules object permission ``interviews.open_interview``. Panel
seats go by role (``accounts/staff.py``: the review permission) and team, never by Django's
hidden "Staff status" flag.

May import: the interviews' models and the accounts app.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q, QuerySet

from mlinterview.web.accounts import roles, staff, teams
from mlinterview.web.interviews import models as m

OPEN_INTERVIEW = "interviews.open_interview"


def interviews_for(user: Any) -> QuerySet[m.Interview]:
    if not (user.is_authenticated and user.is_active and user.has_perm(roles.REVIEW)):
        return m.Interview.objects.none()
    if teams.sees_all_teams(user):
        return m.Interview.objects.all()
    visible = Q(panel=user) | Q(team__in=teams.teams_led_by(user)) | Q(created_by=user)
    return m.Interview.objects.filter(pk__in=m.Interview.objects.filter(visible).values("pk"))


def may_run_interviews(user: Any) -> bool:
    """Whether the user may open the interviews page and sit on a panel: the review permission
    (the ``interviewer``, ``recruiter`` and ``admin`` roles hold it)."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(roles.REVIEW))


def panel_choices(user: Any) -> QuerySet[Any]:
    """Who may sit on a panel this user sets up: the user, reviewers who share a team with them
    and reviewers in no team at all (an install that has not set up teams); any reviewer for an
    administrator who sees every team. Another team's members are never offered."""
    reviewers = staff.reviewers()
    if not teams.sees_all_teams(user):
        reviewers = reviewers.filter(
            Q(pk=user.pk) | Q(memberships__team__memberships__user=user) | Q(memberships__isnull=True)
        )
    return reviewers.distinct().order_by("username")


@rules.predicate
def can_open_interview(user: Any, interview: m.Interview | None) -> bool:
    return interview is not None and interviews_for(user).filter(pk=interview.pk).exists()


rules.set_perm(OPEN_INTERVIEW, can_open_interview)
