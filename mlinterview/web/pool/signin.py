"""One-time sign-in links for candidates (no password, no staff account).

A candidate asks for a link with their e-mail address; if the address may have a profile
(``services.eligible``, or it has one) a ``SignInLink`` is made (``jobs.request_link``) and
mailed through the task queue's "mail" queue. The token is an HMAC of a random nonce under a key
derived from the server's secret key (as invitation links are, ``assessments/links.py``): the
queue carries only the row's id, the database only the token's SHA-256 and the nonce. A link works once, for
``LINK_MINUTES``; using it puts the address in the session (``SESSION_KEY``), which is all the
candidate pages look at. Staff sign-in is a separate thing and is never touched.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from mlinterview.web.pool.models import SignInLink

SALT = "mlinterview.pool.sign-in-link"
LINK_MINUTES = 30
MAX_OPEN_LINKS = 3  # unused, unexpired links per address at once: more requests are ignored
SESSION_KEY = "pool_email"
SESSION_UNTIL = "pool_until"
SESSION_HOURS = 2  # a sign-in lasts this long; then the candidate asks for a new link


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_token(link: SignInLink) -> str:
    digest = salted_hmac(SALT, link.nonce, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def link_url(link: SignInLink) -> str:
    return link.base_url.rstrip("/") + reverse("pool-link", args=[link_token(link)])


def redeem(token: str, now: Any = None) -> str | None:
    """The address a valid, unused, unexpired link was sent to, marking it used; None otherwise."""
    now = now or timezone.now()
    found = SignInLink.objects.filter(token_hash=hash_token(token), used_at__isnull=True, expires_at__gt=now)
    email = found.values_list("email", flat=True).first()
    # The same conditions again in the UPDATE: of two requests racing with one link, one wins.
    if email is None or found.update(used_at=now) != 1:
        return None
    return email


def sign_in(request: Any, email: str, now: datetime | None = None) -> None:
    request.session.cycle_key()  # a new session id: no fixation of one handed to the candidate
    request.session[SESSION_KEY] = email
    request.session[SESSION_UNTIL] = ((now or timezone.now()) + timedelta(hours=SESSION_HOURS)).isoformat()


def signed_in_email(request: Any, now: datetime | None = None) -> str | None:
    """The candidate's address while their sign-in lasts; None otherwise (the sign-in then ends)."""
    email, until = request.session.get(SESSION_KEY), request.session.get(SESSION_UNTIL)
    if not email or not until:
        return None
    if (now or timezone.now()) >= datetime.fromisoformat(until):
        sign_out(request)
        return None
    return email


def sign_out(request: Any) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.pop(SESSION_UNTIL, None)
