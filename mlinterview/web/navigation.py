"""The site header's links, per person (issue 15, point 9).

Each link is shown only to those its page lets in, and the question is put to the very function
the page's own view asks: the bank's ``can_read_bank``, the assessments' ``may_read_assessments``,
the interviews' ``may_run_interviews``, the API keys' ``may_hold_keys`` and the admin site's own
``has_permission``. There is no second copy of the rules here, so a link and its page cannot
disagree (``tests/accounts/test_authorisation_matrix.py`` opens every link shown to each role).

Practice is offered to signed-in people who hold no staff role (practice users); the hiring team
has its own links. The sign-in, sign-up and sign-out controls stay in ``base.html``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse

from mlinterview.web.accounts.staff import is_staff_member
from mlinterview.web.api.views import may_hold_keys
from mlinterview.web.assessments.access import may_read_assessments
from mlinterview.web.fairness.access import may_audit
from mlinterview.web.interviews.access import may_run_interviews
from mlinterview.web.questions.access import can_read_bank
from mlinterview.web.webhooks.access import may_manage_webhooks


def _practice(request: HttpRequest) -> bool:
    return bool(request.user.is_authenticated and not is_staff_member(request.user))


@dataclass(frozen=True)
class Link:
    label: str
    url_name: str
    allowed: Callable[[HttpRequest], bool]


LINKS = (
    Link("Practice", "practice-home", _practice),
    Link("Assessments", "assessment-list", lambda request: may_read_assessments(request.user)),
    Link("Interviews", "interview-list", lambda request: may_run_interviews(request.user)),
    Link("Question bank", "question-list", can_read_bank),
    Link("Coverage", "coverage", can_read_bank),
    Link("Role profile", "role-profile", lambda request: True),
    Link("API keys", "api-keys", lambda request: may_hold_keys(request.user)),
    Link("Fairness", "fairness-home", lambda request: may_audit(request.user)),
    Link("Webhooks", "webhooks", lambda request: may_manage_webhooks(request.user)),
    Link("Admin", "admin:index", lambda request: admin.site.has_permission(request)),
)


@dataclass(frozen=True)
class Shown:
    label: str
    url: str
    current: bool


def links_for(request: HttpRequest) -> list[Shown]:
    """The links this request's user may open, in order."""
    return [
        Shown(link.label, url, request.path.startswith(url))
        for link in LINKS
        if link.allowed(request)
        for url in [reverse(link.url_name)]
    ]


def header_links(request: HttpRequest) -> dict[str, Callable[[], list[Shown]]]:
    """Context processor: ``nav_links``, worked out only when a page's header is drawn (a template
    calls a callable it is given), so fragments that swap part of a page pay nothing for it."""
    return {"nav_links": lambda: links_for(request)}
