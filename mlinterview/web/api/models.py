from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mlinterview.web.api.scopes import ALL_SCOPES, unknown_scopes

PREFIX = "mli_"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A staff member's API key. Only its SHA-256 is stored; the key is shown once. It allows the
    operations of its scopes (see ``scopes.SCOPES``) until it is revoked or expires."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())

    def allows(self, scope: str) -> bool:
        return scope in self.scopes

    @classmethod
    def issue(
        cls,
        user: models.Model,
        name: str,
        scopes: Iterable[str] = ALL_SCOPES,
        expires_at: datetime | None = None,
    ) -> tuple[ApiToken, str]:
        chosen = sorted(set(scopes))
        unknown = unknown_scopes(chosen)
        if unknown:
            raise ValueError(f"unknown API scopes: {', '.join(unknown)}")
        key = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name[:100], key_hash=_digest(key), scopes=chosen, expires_at=expires_at
        )
        return token, key

    @classmethod
    def lookup(cls, key: str) -> ApiToken | None:
        if not key.startswith(PREFIX) or len(key) > 200:
            return None
        return (
            cls.objects.select_related("user")
            .filter(key_hash=_digest(key), revoked_at__isnull=True, user__is_active=True)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
            .first()
        )
