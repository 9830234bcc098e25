"""Self-registration: whether visitors may create their own practice accounts."""

from __future__ import annotations

from django.conf import settings


def signup_open() -> bool:
    """``MLINTERVIEW_SIGNUP`` (on unless set to off): the administrator's switch."""
    return bool(getattr(settings, "MLINTERVIEW_SIGNUP_OPEN", True))
