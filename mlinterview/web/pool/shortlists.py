"""Named shortlists of pool profiles, their read-only share links, the PDF of profile cards, and
inviting a profile to an assessment. Views and the API only call these.

Who: staff who may browse the pool (``services.may_browse``: the manage permission) make, fill,
share and export shortlists; the pool is the organisation's, so shortlists are too. A share link
is for someone without an account: anyone holding it sees the shortlist's anonymous cards (first
name and initial, headline, experience, availability, verified levels; never the e-mail address,
links to evidence or anything revealed) until it expires or is revoked.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from mlinterview.web.assessments import access
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services as assessment_services
from mlinterview.web.assessments.audit import audit
from mlinterview.web.pool import services
from mlinterview.web.pool.models import Profile
from mlinterview.web.pool.shortlist_models import ShareLink, Shortlist, ShortlistEntry

DEFAULT_SHARE_DAYS = 14
MAX_SHARE_DAYS = 90
PDF_TEMPLATE = "pool/shortlist_pdf.html"


class ShortlistError(services.PoolError):
    """A shortlist request refused, with a message for the person who made it."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(name: str, user: Any) -> Shortlist:
    name = name.strip()[:120]
    if not name:
        raise ShortlistError("Give the shortlist a name.")
    shortlist = Shortlist.objects.create(name=name, created_by=user)
    audit(user, "pool.shortlist_created", shortlist, name=name)
    return shortlist


def add(shortlist: Shortlist, profile: Profile, user: Any) -> bool:
    """Put the profile on the shortlist; False if it was there already."""
    _, created = ShortlistEntry.objects.get_or_create(
        shortlist=shortlist, profile=profile, defaults={"added_by": user}
    )
    return created


def remove(shortlist: Shortlist, profile: Profile) -> None:
    ShortlistEntry.objects.filter(shortlist=shortlist, profile=profile).delete()


def share(shortlist: Shortlist, user: Any, days: int = DEFAULT_SHARE_DAYS) -> tuple[ShareLink, str]:
    """A new read-only link to the shortlist, valid for ``days`` (1..90); the token is returned
    once and only its SHA-256 is kept."""
    if not 1 <= days <= MAX_SHARE_DAYS:
        raise ShortlistError(f"A shared link lasts 1 to {MAX_SHARE_DAYS} days.")
    token = secrets.token_urlsafe(32)
    link = ShareLink.objects.create(
        shortlist=shortlist,
        token_hash=_hash(token),
        created_by=user,
        expires_at=timezone.now() + timedelta(days=days),
    )
    audit(user, "pool.shortlist_shared", shortlist, link=link.pk, days=days)
    return link, token


def revoke(link: ShareLink, user: Any) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        audit(user, "pool.share_revoked", link.shortlist, link=link.pk)


def open_shared(token: str, now: datetime | None = None) -> Shortlist | None:
    """The shortlist a live link opens, or None (unknown, expired or revoked)."""
    now = now or timezone.now()
    link = (
        ShareLink.objects.select_related("shortlist")
        .filter(token_hash=_hash(token), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if link is None:
        return None
    ShareLink.objects.filter(pk=link.pk).update(last_opened_at=now)
    return link.shortlist


def link_state(link: ShareLink, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if link.revoked_at is not None:
        return "revoked"
    return "expired" if link.expires_at <= now else "live"


@dataclass
class Card:
    """A profile as a shortlist shows it: anonymous, with its verified levels."""

    profile: Profile
    name: str
    levels: list[services.ShownLevel]


def cards(shortlist: Shortlist) -> list[Card]:
    entries = shortlist.entries.select_related("profile").prefetch_related("profile__skill_levels")
    return [Card(e.profile, e.profile.anonymous_name, services.shown_levels(e.profile)) for e in entries]


def pdf(shortlist: Shortlist, base_url: str = "/") -> bytes:
    """The shortlist's profile cards as a PDF (anonymous, like a shared link)."""
    from weasyprint import HTML

    html = render_to_string(
        PDF_TEMPLATE,
        {"shortlist": shortlist, "cards": cards(shortlist), "valid_days": services.valid_days()},
    )
    return HTML(string=html, base_url=base_url).write_pdf()


def invitable_assessments(user: Any) -> list[m.Assessment]:
    """The published assessments this user may invite candidates to."""
    return [
        a
        for a in access.managed_assessments(user).filter(versions__published_at__isnull=False).distinct()
        if a.published is not None
    ]


def invite(profile: Profile, assessment_id: int, user: Any, base_url: str) -> m.Invitation:
    """Invite the person behind a profile to a published assessment the user manages, with the
    usual invitation and its mail. The profile's name and address go to the invitation (the
    assessment's pages show them as they show any candidate's), so the invitation is audited."""
    assessment = access.managed_assessments(user).filter(pk=assessment_id).first()
    version = assessment.published if assessment is not None else None
    if version is None:
        raise ShortlistError("Choose a published assessment you manage.")
    with transaction.atomic():
        invitation, _token = assessment_services.invite(
            version,
            profile.full_name or profile.first_name,
            profile.email,
            user,
            name_choice="keep",
            within=access.invitations_managed_by(user),
        )
        audit(user, "pool.invite", profile, invitation=invitation.pk, assessment=assessment.pk)
    assessment_services.queue_mail(invitation, base_url)
    return invitation
