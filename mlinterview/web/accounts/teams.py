"""Which teams a user belongs to and in which role: the facts the object rules are built on.

The rules themselves (who may open which assessment, attempt or interview) live beside the models
they are about, in ``assessments/access.py`` and ``interviews/access.py``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from mlinterview.web.accounts import roles
from mlinterview.web.accounts.models import Membership, Team

LEADS = (Membership.Role.RECRUITER, Membership.Role.HIRING_MANAGER)
"""The roles that see everything their team owns (an interviewer sees only what is assigned)."""


def sees_all_teams(user: Any) -> bool:
    """Administrators (and superusers) are not limited to teams."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(roles.ALL_TEAMS))


def teams_led_by(user: Any) -> QuerySet[Team]:
    """The teams in which the user is a recruiter or hiring manager."""
    return Team.objects.filter(memberships__user=user, memberships__role__in=LEADS)


def teams_managed_by(user: Any) -> QuerySet[Team]:
    """The teams in which the user builds assessments and invites candidates (recruiter)."""
    return Team.objects.filter(memberships__user=user, memberships__role=Membership.Role.RECRUITER)


def home_team(user: Any) -> Team | None:
    """The team a new assessment or interview of this user belongs to: the first team they
    recruit for, else the first they lead, else None (then only its owner and administrators
    see it)."""
    return teams_managed_by(user).order_by("pk").first() or teams_led_by(user).order_by("pk").first()


def add_member(team: Team, user: Any, role: str = Membership.Role.INTERVIEWER) -> Membership:
    """Put a user in a team with a role (or change their role there)."""
    membership, _ = Membership.objects.update_or_create(team=team, user=user, defaults={"role": role})
    return membership
