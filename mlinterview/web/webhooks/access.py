"""Who may set up webhooks and read their delivery log: administrators (the ``admin`` role, which
manages assessments of every team) and superusers. The events cover every team's candidates, so
a recruiter, who sees only their own teams, may not point them somewhere. Allowing a private
target is for superusers only (``services.create_endpoint``)."""

from __future__ import annotations

from typing import Any

from mlinterview.web.accounts import roles


def may_manage_webhooks(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.has_perm(roles.MANAGE)
        and user.has_perm(roles.ALL_TEAMS)
    )
