"""Staff members' own API keys: issue one with chosen scopes and a lifetime, list them, revoke one."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from mlinterview.web.api.models import ApiToken

# The lifetimes the keys page offers, in days: a key made there always expires.
LIFETIMES = (7, 30, 90, 365)


def keys_of(user) -> QuerySet[ApiToken]:  # type: ignore[no-untyped-def]
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def issue_key(user, name: str, scopes: list[str], days: int) -> tuple[ApiToken, str]:  # type: ignore[no-untyped-def]
    """A new key of ``user``; the key itself is returned once and never stored."""
    if days not in LIFETIMES:
        raise ValueError(f"a key lives {', '.join(map(str, LIFETIMES))} days, not {days}")
    return ApiToken.issue(user, name, scopes=scopes, expires_at=timezone.now() + timedelta(days=days))


def revoke_key(user, key_id: int) -> bool:  # type: ignore[no-untyped-def]
    """Revoke one of ``user``'s own live keys; False when it is not theirs or already revoked."""
    return bool(keys_of(user).filter(pk=key_id, revoked_at__isnull=True).update(revoked_at=timezone.now()))
