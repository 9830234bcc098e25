"""The audit trail: one row per human (or automatic) change to an assessment's records."""

from __future__ import annotations

from typing import Any

from mlinterview.web.assessments import models as m


def audit(actor: Any, action: str, target: object, **details: Any) -> None:
    m.AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target=f"{type(target).__name__.lower()}:{getattr(target, 'pk', target)}",
        details=details,
    )
