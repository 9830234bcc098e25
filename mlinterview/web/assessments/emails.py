"""Invitation emails, through Django's email backend (the console backend by default)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services


def send_invitation(invitation: m.Invitation, url: str) -> None:
    version = invitation.version
    context = {
        "name": invitation.candidate.name,
        "title": version.assessment.title,
        "url": url,
        "minutes": version.time_limit_minutes + invitation.extra_time_minutes,
        "expires_at": invitation.expires_at,
    }
    send_mail(
        subject=f"Your assessment: {version.assessment.title}",
        message=render_to_string("assessments/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.candidate.email],
    )
    services.mark_sent(invitation)
