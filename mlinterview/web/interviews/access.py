"""Which live interviews a user may open: those they sit on the panel of, those of teams they
lead (recruiter or hiring manager), those they created, and, for administrators, every one.

The same queryset backs the django-rules object permission ``interviews.open_interview``.

May import: the interviews' models and the accounts app.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q, QuerySet

from mlinterview.web.accounts import roles, teams
from mlinterview.web.interviews import models as m

OPEN_INTERVIEW = "interviews.open_interview"


def interviews_for(user: Any) -> QuerySet[m.Interview]:
    if not (user.is_authenticated and user.is_active and user.has_perm(roles.REVIEW)):
        return m.Interview.objects.none()
    if teams.sees_all_teams(user):
        return m.Interview.objects.all()
    visible = Q(panel=user) | Q(team__in=teams.teams_led_by(user)) | Q(created_by=user)
    return m.Interview.objects.filter(pk__in=m.Interview.objects.filter(visible).values("pk"))


@rules.predicate
def can_open_interview(user: Any, interview: m.Interview | None) -> bool:
    return interview is not None and interviews_for(user).filter(pk=interview.pk).exists()


rules.set_perm(OPEN_INTERVIEW, can_open_interview)
