"""Who may see self-identification data and the adverse-impact report: holders of the fairness
auditor's permission (``accounts/roles.py``), which superusers hold implicitly. Nobody else, not
even administrators or the assessment's own recruiters, unless they also hold the role."""

from __future__ import annotations

from typing import Any

from mlinterview.web.accounts import roles


def may_audit(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(roles.AUDIT_FAIRNESS))
