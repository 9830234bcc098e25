"""Organisation API keys for Greenhouse, and reading the HTTP Basic header Greenhouse sends.

Greenhouse puts the key in the username of HTTP Basic authentication with an empty password.
A key reads ``ghk_<prefix>_<secret>``: the prefix finds the row, the secret part is an HMAC of the
row's random salt under the server's ``SECRET_KEY``. The database keeps the prefix, the salt and a
SHA-256 hash of the whole key, never the key; the completion callback, which must present the key
to Greenhouse again, derives it anew (unless the key has a completion credential of its own:
``completion_key``). Changing ``SECRET_KEY`` therefore invalidates every key
(an administrator issues new ones).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from typing import Any

from django.conf import settings
from django.utils import timezone

from mlinterview.web.accounts.models import Team
from mlinterview.web.assessments.audit import audit
from mlinterview.web.greenhouse.models import ApiKey

PREFIX = "ghk_"


class AuthError(Exception):
    """The request may not go on: ``status`` is 401 (no key, or not one of ours) or 403 (revoked)."""

    def __init__(self, status: int, message: str) -> None:
        self.status, self.message = status, message
        super().__init__(message)


def _secret_part(prefix: str, salt: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"greenhouse-key:{prefix}:{salt}".encode(), hashlib.sha256
    )
    return digest.hexdigest()[:40]


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def raw_key(api_key: ApiKey) -> str:
    """The key itself, derived again (for the callback's Authorization header)."""
    return f"{PREFIX}{api_key.prefix}_{_secret_part(api_key.prefix, api_key.salt)}"


def create_key(team: Team, user: Any, label: str = "") -> tuple[ApiKey, str]:
    """A new key for ``team``; returns the row and the key, which is shown once to the administrator."""
    api_key = ApiKey(team=team, label=label[:100])
    return api_key, issue(api_key, user)


def issue(api_key: ApiKey, user: Any) -> str:
    """Give an unsaved key row its prefix, salt and hash, save it and return the key."""
    api_key.prefix, api_key.salt = secrets.token_hex(6), secrets.token_hex(16)
    if user is not None and getattr(user, "is_authenticated", False):
        api_key.created_by = user
    key = raw_key(api_key)
    api_key.key_hash = _hash(key)
    api_key.save()
    audit(user, "greenhouse.key.create", api_key, team=api_key.team_id, prefix=api_key.prefix)
    return key


def revoke_key(api_key: ApiKey, user: Any) -> None:
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
        audit(user, "greenhouse.key.revoke", api_key, prefix=api_key.prefix)


def completion_key(api_key: ApiKey) -> str:
    """What the completion PATCH presents: the credential Greenhouse issued for calls to it when an
    administrator set one, else this key (as Greenhouse's documented example does)."""
    return api_key.completion_credential or raw_key(api_key)


def masked(credential: str) -> str:
    """A stored credential as it may be shown again: its last four characters at most."""
    if not credential:
        return ""
    return "…" + credential[-4:] if len(credential) >= 12 else "…"


def set_completion_credential(api_key: ApiKey, credential: str, user: Any) -> None:
    """Store (or, with an empty ``credential``, clear) the key's completion credential; the audit
    trail records the change, never the value."""
    credential = credential.strip()
    if credential == api_key.completion_credential:
        return
    api_key.completion_credential = credential
    api_key.save(update_fields=["completion_credential"])
    action = "greenhouse.key.completion_credential." + ("set" if credential else "clear")
    audit(user, action, api_key, prefix=api_key.prefix)


def basic_header(key: str) -> str:
    """The Authorization header for ``key`` as Greenhouse builds it: the key, a colon, Base64."""
    return "Basic " + base64.b64encode(f"{key}:".encode()).decode("ascii")


def authenticate(header: str | None) -> ApiKey:
    """The key of an ``Authorization`` header, or ``AuthError``."""
    scheme, _, value = (header or "").strip().partition(" ")
    if scheme.lower() != "basic" or not value.strip():
        raise AuthError(401, "Authenticate with HTTP Basic: the API key as the username.")
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise AuthError(401, "The Authorization header is not valid Base64.") from None
    key = decoded.partition(":")[0].strip()
    body = key.removeprefix(PREFIX)
    prefix = body.partition("_")[0]
    api_key = (
        ApiKey.objects.select_related("team").filter(prefix=prefix).first()
        if key.startswith(PREFIX)
        else None
    )
    if api_key is None or not hmac.compare_digest(api_key.key_hash, _hash(key)):
        raise AuthError(401, "This API key is not valid.")
    if api_key.revoked_at is not None:
        raise AuthError(403, "This API key was revoked; ask the organisation's administrator for a new one.")
    return api_key
