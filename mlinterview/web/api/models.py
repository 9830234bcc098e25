from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

PREFIX = "mli_"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A staff member's API key. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @classmethod
    def issue(cls, user: models.Model, name: str) -> tuple[ApiToken, str]:
        key = PREFIX + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name[:100], key_hash=_digest(key)), key

    @classmethod
    def lookup(cls, key: str) -> ApiToken | None:
        if not key.startswith(PREFIX) or len(key) > 200:
            return None
        return (
            cls.objects.select_related("user")
            .filter(key_hash=_digest(key), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
