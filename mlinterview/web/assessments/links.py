"""A candidate's personal link: its token and its address.

The token is an HMAC (Django's ``salted_hmac``, keyed by the server's secret key) of the invitation
and a random nonce kept on the invitation; the database keeps only the token's SHA-256, which is
what a link is looked up by. Without the secret key the database holds no usable link; with it,
the worker that mails the link and the reminder job can rebuild it, so no token ever travels
through a queue or a log. A new nonce (resend) gives a new token and the old one no longer matches.
Changing the secret key changes every token: links mailed before stop working, as Django's own
password-reset links do.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from django.urls import reverse
from django.utils.crypto import salted_hmac

from mlinterview.web.assessments import models as m

SALT = "mlinterview.assessments.invitation-link"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_nonce() -> str:
    return secrets.token_hex(16)


def link_token(invitation: m.Invitation) -> str:
    """The token of the invitation's current link (43 URL-safe characters)."""
    if not invitation.link_nonce:
        raise ValueError("This invitation's link was made before links could be rebuilt; resend it.")
    digest = salted_hmac(SALT, f"{invitation.pk}:{invitation.link_nonce}", algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def link_url(invitation: m.Invitation, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("take-landing", args=[link_token(invitation)])
