"""The "not allowed" page (issue 15, point 9): what the page is for, and whom to ask.

A page refused to someone says, in plain words, what it is for (the refusal's own message, or one
worked out from the page's route) and what to do next, which depends on who is asking:

- a member of the hiring team is told whom to ask to change their role: the recruiters of their
  own teams by name, or else an administrator;
- anyone else (a practice user, someone who followed a link) is never sent off to ask for staff
  access: the page is for the hiring team, and their own pages are a link away.

The 404 and 500 pages are plain templates (``404.html``, ``500.html``) in the same layout.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

from mlinterview.web.accounts.models import Membership
from mlinterview.web.accounts.staff import is_staff_member

# What a refused page is for, by the first word of its route's name (when the refusal gave none).
PURPOSES = {
    "assessment": "building assessments and inviting candidates",
    "item": "building assessments and inviting candidates",
    "invitation": "building assessments and inviting candidates",
    "outbox": "the invitations kept while the site sends no mail",
    "candidate": "acting on a candidate's personal data",
    "shortlist": "reviewing candidates' submitted answers",
    "attempt": "reviewing candidates' submitted answers",
    "score": "reviewing and correcting automatic scores",
    "jobs": "following the scoring of submitted answers",
    "interview": "live interviews and their scorecards",
    "calibration": "comparing how a team's interviewers rate",
    "question": "the question bank with its reference answers and rubrics",
    "coverage": "the question bank with its reference answers and rubrics",
    "api": "the hiring team's API keys and scripts",
    "openapi": "the documentation of the hiring team's API",
    "two": "two-factor sign-in for the hiring team",
}


def purpose(request: HttpRequest, exception: Exception | None) -> str:
    """One sentence on what the refused page is for."""
    given = str(exception or "").strip()
    if given:
        return given
    try:
        name = resolve(request.path_info).url_name or ""
    except Resolver404:
        name = ""
    what = PURPOSES.get(name.split("-")[0])
    return f"This page is for {what}." if what else "This page is for the hiring team's work."


def contacts(user: Any) -> list[str]:
    """The recruiters of the teams the user belongs to (not the user), by name."""
    seats = Membership.objects.filter(
        role=Membership.Role.RECRUITER, team__memberships__user=user, user__is_active=True
    ).exclude(user=user)
    return sorted({f"{seat.user} ({seat.team})" for seat in seats.select_related("user", "team")})


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403: the styled page."""
    staff = is_staff_member(request.user)
    context = {
        "purpose": purpose(request, exception),
        "staff": staff,
        "contacts": contacts(request.user) if staff else [],
    }
    return render(request, "403.html", context, status=403)
